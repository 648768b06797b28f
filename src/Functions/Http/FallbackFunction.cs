using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Pages;
using ParServerless.Pipeline.Problems;
using F = ParServerless.Pipeline.Api.ApiOperations.Functions;
using R = ParServerless.Pipeline.Api.ApiRoutes;

namespace ParServerless.Functions.Http;

/// <summary>
/// What no other function takes: under <c>api/</c>, a path that is none of ours (404), or one of ours with another method
/// (405 with <c>Allow</c>), both answered as our coded problems; elsewhere the pages' 404 page (the root goes to the years).
/// Hosts route literal and parameter segments before a catch-all, so this runs only when nothing else matched, in Azure
/// and locally alike.
/// </summary>
public static class FallbackFunction
{
    [Function(F.Fallback)]
    public static IResult Fallback(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", "put", "delete", "patch", "options", Route = R.Fallback)] HttpRequest req)
    {
        var path = (req.Path.Value ?? "").TrimStart('/');
        // The route prefix is empty (pages sit at the root): outside api/ a person is reading, so answer a page.
        if (path.Length == 0) return Results.Redirect(PageRoutes.YearsPath);
        if (!path.StartsWith(R.Prefix + "/", StringComparison.Ordinal)) return PageFunctions.Html(req, PublicPages.NotFound());
        if (RouteTemplates.Find(path) is not { } route) return HttpReplies.Problem(req, PipelineProblems.NoSuchRoute());
        var allowed = ApiOperations.MethodsOf(route);
        req.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
        return HttpReplies.Problem(req, PipelineProblems.MethodNotAllowed(req.Method, allowed));
    }
}
