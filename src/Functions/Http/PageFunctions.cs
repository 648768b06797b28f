using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using ParServerless.Pipeline.Pages;
using F = ParServerless.Pipeline.Pages.PageRoutes.Functions;
using P = ParServerless.Pipeline.Pages.PageRoutes;

namespace ParServerless.Functions.Http;

/// <summary>The public web pages (trang công khai), rendered by <see cref="PublicPages"/>; the embargo is the API's.</summary>
public sealed class PageFunctions(PublicPages pages)
{
    [Function(F.PageYears)]
    public async Task<IResult> Years([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = P.Years)] HttpRequest req, CancellationToken ct) =>
        Html(req, await pages.YearsAsync(ct).ConfigureAwait(false));

    [Function(F.PageYear)]
    public async Task<IResult> Year([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = P.Year)] HttpRequest req, int year, CancellationToken ct) =>
        Html(req, await pages.YearAsync(year, ct).ConfigureAwait(false));

    [Function(F.PageUnit)]
    public async Task<IResult> Unit([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = P.Unit)] HttpRequest req, int year, string unit, CancellationToken ct) =>
        Html(req, await pages.UnitAsync(year, unit, ct).ConfigureAwait(false));

    /// <summary>Answers a page. Published pages may be cached briefly; a 404 must not outlive a publication.</summary>
    internal static IResult Html(HttpRequest req, PageReply page)
    {
        var headers = req.HttpContext.Response.Headers;
        headers.CacheControl = page.Published ? "public, max-age=60" : "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        return Results.Content(page.Html, PageReply.ContentType, Encoding.UTF8, page.Status);
    }
}
