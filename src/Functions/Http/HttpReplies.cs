using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Problems;

namespace ParServerless.Functions.Http;

/// <summary>
/// Turns the pipeline's <see cref="ApiReply"/> into an HTTP response: JSON contracts, bytes with validators and caching
/// (<c>If-None-Match</c> gives 304; PDFs open inline), and refusals as RFC 9457 problems of one shape
/// (<c>type</c> = <c>/api/problems/{code}</c>, <c>title</c> English, <c>detail</c> Vietnamese, <c>code</c>, <c>vi</c>, <c>en</c>).
/// </summary>
internal static class HttpReplies
{
    public static IResult ToResult(HttpRequest request, ApiReply reply) => reply switch
    {
        JsonReply json => Json(request, json),
        ContentReply content => Content(request, content),
        RefusalReply refusal => Problem(request, refusal.Refusal, refusal.Challenge),
        _ => throw new InvalidOperationException($"Unknown reply {reply.GetType().Name}."),
    };

    public static IResult Problem(HttpRequest request, Refusal refusal, string? challenge = null)
    {
        if (challenge is not null) request.HttpContext.Response.Headers.WWWAuthenticate = challenge;
        var body = new Dictionary<string, object?>
        {
            ["type"] = $"/api/problems/{refusal.Code}",
            ["title"] = refusal.English,
            ["status"] = refusal.Status,
            ["detail"] = refusal.Vietnamese,
            ["code"] = refusal.Code,
            ["vi"] = refusal.Vietnamese,
            ["en"] = refusal.English,
        };
        if (refusal.Problems is { Count: > 0 } problems) body["problems"] = problems.Select(ProblemView.Of).ToList();
        return Results.Json(body, ApiJson.Options, "application/problem+json; charset=utf-8", refusal.Status);
    }

    private static IResult Json(HttpRequest request, JsonReply json)
    {
        if (json.Location is { } location) request.HttpContext.Response.Headers.Location = location;
        return Results.Json(json.Body, ApiJson.Options, "application/json; charset=utf-8", json.Status);
    }

    private static IResult Content(HttpRequest request, ContentReply content)
    {
        var headers = request.HttpContext.Response.Headers;
        headers.CacheControl = content.Caching == ContentCaching.Published ? "public, max-age=300" : "private, no-cache";
        foreach (var (header, value) in content.Headers ?? new Dictionary<string, string>()) headers[header] = value;
        if (content.ETag is { } etag)
        {
            headers.ETag = etag;
            if (Matches(request, etag)) return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        if (content.DownloadName is { } name)
        {
            // PDFs and JSON open in the browser; spreadsheets and CSV download. The UTF-8 name (filename*) keeps Vietnamese.
            var disposition = new ContentDispositionHeaderValue(Inline(content.ContentType) ? "inline" : "attachment");
            disposition.SetHttpFileName(name);
            headers.ContentDisposition = disposition.ToString();
        }
        return Results.Bytes(content.Content, content.ContentType);
    }

    private static bool Inline(string contentType) =>
        contentType.StartsWith("application/pdf", StringComparison.Ordinal) || contentType.StartsWith("application/json", StringComparison.Ordinal);

    private static bool Matches(HttpRequest request, string etag) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Equals(etag, StringComparison.Ordinal));
}
