using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ParServerless.DevHost.Configuration;
using ParServerless.DevHost.Worker;

namespace ParServerless.DevHost.Http;

/// <summary>
/// The slice of the host's admin API the stand-in offers:
/// <c>POST /admin/functions/{name}</c> with an optional <c>{"input": "..."}</c> runs a non-HTTP function now and answers 202, and
/// <c>GET /admin/host/status</c> reports that the host runs.
/// </summary>
/// <remarks>
/// In Azure these need the master key. Locally a key is required only when one is configured (<c>--master-key</c>), in the
/// <c>x-functions-key</c> header or the <c>code</c> query parameter, as in Azure.
/// </remarks>
internal sealed partial class AdminEndpoints
{
    /// <summary>Runs a non-HTTP function once with the admin input; null when the function cannot run on demand.</summary>
    public delegate Task<InvocationResult>? Runner(FunctionDefinition function, string? input, CancellationToken cancellationToken);

    private readonly FunctionApp _app;
    private readonly string _hostId;
    private readonly string? _masterKey;
    private readonly Runner _run;
    private readonly CancellationToken _stopping;
    private readonly ILogger _logger;

    public AdminEndpoints(FunctionApp app, string hostId, string? masterKey, Runner run, ILogger logger, CancellationToken stopping)
    {
        _app = app;
        _hostId = hostId;
        _masterKey = masterKey;
        _run = run;
        _stopping = stopping;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        if (!Authorized(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var segments = context.Request.Path.Value!.Trim('/').Split('/');
        if (segments is ["admin", "host", "status"] && HttpMethods.IsGet(context.Request.Method))
        {
            await context.Response.WriteAsJsonAsync(new { id = _hostId, state = "Running", version = WorkerSession.HostVersion }, context.RequestAborted)
                .ConfigureAwait(false);
            return;
        }

        if (segments is ["admin", "functions", var name] && HttpMethods.IsPost(context.Request.Method))
        {
            await RunFunctionAsync(context, Uri.UnescapeDataString(name)).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    private async Task RunFunctionAsync(HttpContext context, string name)
    {
        var function = _app.Find(name);
        if (function is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        string? input;
        try
        {
            input = await ReadInputAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("body must be JSON like {\"input\": \"...\"}", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        // The host answers at once and runs the function in the background; so does the stand-in.
        var run = _run(function, input, _stopping);
        if (run is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync($"{function.Name} cannot be run through the admin API (HTTP functions are called directly; a blob function needs \"input\": \"container/blob\")",
                context.RequestAborted).ConfigureAwait(false);
            return;
        }

        Log.Accepted(_logger, function.Name, input);
        _ = run.ContinueWith(t => Log.RunFailed(_logger, function.Name, t.Exception), CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private static async Task<string?> ReadInputAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetString("input");
    }

    public bool Authorized(HttpRequest request)
    {
        if (string.IsNullOrEmpty(_masterKey))
        {
            return true;
        }

        var given = request.Headers["x-functions-key"].FirstOrDefault() ?? request.Query["code"].FirstOrDefault() ?? "";
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(_masterKey));
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Admin API: running {Function} on demand (input {Input})")]
        public static partial void Accepted(ILogger logger, string function, string? input);

        [LoggerMessage(Level = LogLevel.Error, Message = "Admin API: running {Function} failed")]
        public static partial void RunFailed(ILogger logger, string function, Exception? exception);
    }
}
