using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Problems;

namespace ParServerless.Functions.Http;

/// <summary>What the glue reads from a request: the presented key, query values and a typed JSON body.</summary>
internal static class HttpInput
{
    /// <summary>The key a request presents (<c>X-Par-Key</c>, else <c>Authorization: Bearer</c>).</summary>
    public static string? Key(HttpRequest request) =>
        ApiKeys.Presented(request.Headers[ApiKeys.Header].ToString(), request.Headers.Authorization.ToString());

    public static string? Query(HttpRequest request, string name) => request.Query[name] is [{ Length: > 0 } value] ? value : null;

    public static int? QueryInt(HttpRequest request, string name) =>
        int.TryParse(Query(request, name), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>The largest JSON body taken (a scheme of a few hundred criteria is well under 1 MB); Kestrel's own limit bounds chunked bodies.</summary>
    public const long MaxJsonBytes = 4 * 1024 * 1024;

    /// <summary>Reads a JSON body: another content type is 415, a body that is not this contract is 400, both coded.</summary>
    public static async Task<ApiReply> WithJsonAsync<T>(HttpRequest request, Func<T, Task<ApiReply>> operation, CancellationToken ct) where T : class
    {
        if (Unreadable(request) is { } refused) return refused;
        T? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<T>(request.Body, ApiJson.Options, ct).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return PipelineProblems.BadRequestBody(e.Path is { Length: > 0 } path ? path : null);
        }
        return body is null ? PipelineProblems.BadRequestBody() : await operation(body).ConfigureAwait(false);
    }

    /// <summary>Reads a JSON body as text (a scheme is validated by the scheme reader, which lists every problem).</summary>
    public static async Task<ApiReply> WithJsonTextAsync(HttpRequest request, Func<string, Task<ApiReply>> operation, CancellationToken ct)
    {
        if (Unreadable(request) is { } refused) return refused;
        using var reader = new StreamReader(request.Body);
        return await operation(await reader.ReadToEndAsync(ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    private static Refusal? Unreadable(HttpRequest request) =>
        !request.HasJsonContentType() ? PipelineProblems.UnsupportedMediaType(request.ContentType, "application/json")
        : request.ContentLength > MaxJsonBytes ? PipelineProblems.TooLarge(MaxJsonBytes)
        : null;
}
