using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ParServerless.Functions.Ingestion;

namespace ParServerless.Functions.Hosting;

/// <summary>A blob-triggered ingest function: its name (the function folder) and its blob path (its function.json).</summary>
internal sealed record BlobFunction(string Name, string Path, string BindingName = "scoreFile")
{
    /// <summary>
    /// Binds the host's payload and ingests. A rejected file is a successful invocation (200); only an exception (storage down)
    /// becomes 500, so the host retries and finally poisons.
    /// </summary>
    public async Task<IResult> InvokeAsync(HttpRequest request, IngestionService ingestion, CancellationToken cancellationToken)
    {
        using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        BlobInvocation blob;
        try
        {
            blob = BlobInvocation.Parse(body.RootElement, BindingName, Path);
        }
        catch (InvalidInvocationException e)
        {
            return Results.Json(InvocationResult.Ok(null, $"{Name}: bad invocation: {e.Message}"), statusCode: StatusCodes.Status400BadRequest);
        }
        var result = await ingestion.IngestAsync(blob.Container, blob.Name, blob.Content, blob.UploadedAt, blob.UploadedBy, cancellationToken).ConfigureAwait(false);
        var log = result.Record switch
        {
            null => $"{blob.Container}/{blob.Name}: empty blob ignored",
            { } r when result.Replayed => $"{blob.Container}/{blob.Name}: already ingested ({r.Outcome}), nothing to do",
            { } r => $"{blob.Container}/{blob.Name}: {r.Outcome}, {r.Errors} errors, {r.Warnings} warnings",
        };
        return Results.Json(InvocationResult.Ok(result.Record?.Outcome.ToString(), log));
    }
}
