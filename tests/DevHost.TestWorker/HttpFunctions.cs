using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace ParServerless.DevHost.TestWorker;

public sealed class HttpFunctions(ILogger<HttpFunctions> logger)
{
    [Function(nameof(GetItem))]
    public IActionResult GetItem([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "items/{id:int}")] HttpRequest request, int id) =>
        new OkObjectResult(new
        {
            id,
            q = request.Query["q"].ToString(),
            header = request.Headers["X-Test"].ToString(),
            path = request.Path.Value,
        });

    [Function(nameof(Echo))]
    public async Task<IActionResult> Echo([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "echo/{*rest}")] HttpRequest request, string? rest)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        request.HttpContext.Response.Headers["X-Echo-Rest"] = rest ?? "";
        return new FileContentResult(body.ToArray(), request.ContentType ?? "application/octet-stream");
    }

    [Function(nameof(Ping))]
    public IActionResult Ping([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "ping")] HttpRequest request)
    {
        request.HttpContext.Response.Headers["X-Ping"] = "pong";
        return new ContentResult { Content = "pong", ContentType = "text/plain", StatusCode = 200 };
    }

    [Function(nameof(Boom))]
    public IActionResult Boom([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "boom")] HttpRequest request) =>
        throw new InvalidOperationException("test worker boom");

    /// <summary>Logs at several levels: the host must show each with its level and the invocation id.</summary>
    [Function(nameof(Logs))]
    public IActionResult Logs([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "logs")] HttpRequest request)
    {
        logger.LogInformation("test-worker information line");
        logger.LogWarning("test-worker warning line");
        logger.LogError("test-worker error line");
        return new OkResult();
    }
}
