using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Problems;
using F = ParServerless.Pipeline.Api.ApiOperations.Functions;
using R = ParServerless.Pipeline.Api.ApiRoutes;

namespace ParServerless.Functions.Http;

/// <summary>
/// What no other function takes: a path that is none of ours (404), or one of ours with another method (405 with
/// <c>Allow</c>), both answered as our coded problems. Hosts route literal and parameter segments before a catch-all, so
/// this runs only when nothing else matched, in Azure and locally alike.
/// </summary>
public static class FallbackFunction
{
    [Function(F.Fallback)]
    public static IResult Fallback(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", "put", "delete", "patch", "options", Route = R.Fallback)] HttpRequest req)
    {
        var path = (req.Path.Value ?? "").TrimStart('/');
        if (path.StartsWith(R.Prefix + "/", StringComparison.Ordinal)) path = path[(R.Prefix.Length + 1)..];
        if (RouteTemplates.Find(path) is not { } route) return HttpReplies.Problem(req, PipelineProblems.NoSuchRoute());
        var allowed = ApiOperations.MethodsOf(route);
        req.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
        return HttpReplies.Problem(req, PipelineProblems.MethodNotAllowed(req.Method, allowed));
    }
}
