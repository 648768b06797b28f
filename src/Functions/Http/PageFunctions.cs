using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using ParServerless.Pipeline.Pages;
using F = ParServerless.Pipeline.Pages.PageRoutes.Functions;
using P = ParServerless.Pipeline.Pages.PageRoutes;

namespace ParServerless.Functions.Http;

/// <summary>The public web pages (trang công khai), in Vietnamese and English, rendered by <see cref="PublicPages"/>; the embargo is the API's.</summary>
public sealed class PageFunctions(PublicPages pages, PublicOrigin origin)
{
    [Function(F.PageYears)]
    public async Task<IResult> Years([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = P.Years)] HttpRequest req, CancellationToken ct) =>
        Html(req, await pages.YearsAsync(PageLanguage.Vietnamese, Origin(req), ct).ConfigureAwait(false));

    [Function(F.PageYear)]
    public async Task<IResult> Year([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = P.Year)] HttpRequest req, int year, CancellationToken ct) =>
        Html(req, await pages.YearAsync(year, PageLanguage.Vietnamese, Origin(req), ct).ConfigureAwait(false));

    [Function(F.PageUnit)]
    public async Task<IResult> Unit([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = P.Unit)] HttpRequest req, int year, string unit, CancellationToken ct) =>
        Html(req, await pages.UnitAsync(year, unit, PageLanguage.Vietnamese, Origin(req), ct).ConfigureAwait(false));

    [Function(F.PageChart)]
    public Task<IResult> Chart([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = P.Chart)] HttpRequest req, int year, string group, CancellationToken ct) =>
        Png(req, year, group, PageLanguage.Vietnamese, ct);

    [Function(F.PageYearsEnglish)]
    public async Task<IResult> YearsEnglish([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = P.EnglishYears)] HttpRequest req, CancellationToken ct) =>
        Html(req, await pages.YearsAsync(PageLanguage.English, Origin(req), ct).ConfigureAwait(false));

    [Function(F.PageYearEnglish)]
    public async Task<IResult> YearEnglish([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = P.EnglishYear)] HttpRequest req, int year, CancellationToken ct) =>
        Html(req, await pages.YearAsync(year, PageLanguage.English, Origin(req), ct).ConfigureAwait(false));

    [Function(F.PageUnitEnglish)]
    public async Task<IResult> UnitEnglish(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = P.EnglishUnit)] HttpRequest req, int year, string unit, CancellationToken ct) =>
        Html(req, await pages.UnitAsync(year, unit, PageLanguage.English, Origin(req), ct).ConfigureAwait(false));

    [Function(F.PageChartEnglish)]
    public Task<IResult> ChartEnglish(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = P.EnglishChart)] HttpRequest req, int year, string group, CancellationToken ct) =>
        Png(req, year, group, PageLanguage.English, ct);

    /// <summary>A group's chart, cached like other published content; an unpublished year answers the not-found page, as a missing one.</summary>
    private async Task<IResult> Png(HttpRequest req, int year, string group, PageLanguage language, CancellationToken ct)
    {
        if (await pages.ChartAsync(year, group, language, ct).ConfigureAwait(false) is not { } png) return Html(req, PublicPages.NotFound(language));
        var headers = req.HttpContext.Response.Headers;
        headers.CacheControl = "public, max-age=60";
        headers.XContentTypeOptions = "nosniff";
        return Results.Bytes(png, "image/png");
    }

    /// <summary>The pages' public address (configured, else the request's scheme and host), for the absolute URLs link previews need.</summary>
    private string Origin(HttpRequest req) => origin.For(req.Scheme, req.Host.HasValue ? req.Host.Value : null);

    /// <summary>Answers a page. Published pages may be cached briefly; a 404 must not outlive a publication.</summary>
    internal static IResult Html(HttpRequest req, PageReply page)
    {
        var headers = req.HttpContext.Response.Headers;
        headers.CacheControl = page.Published ? "public, max-age=60" : "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        // The page travels as the bytes it was kept as (a published page is encoded once, like the API's JSON bodies).
        return page.Status == StatusCodes.Status200OK
            ? Results.Bytes(page.Body, PageReply.ContentType)
            : Results.Content(page.Html, PageReply.ContentType, Encoding.UTF8, page.Status);
    }
}
