using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParServerless.DevHost.Blobs;

/// <summary>
/// The message the host queues for each new blob version, and copies to <c>webjobs-blobtrigger-poison</c> when the blob is poisoned:
/// <c>{"Type":"BlobTrigger","FunctionId","BlobType","ContainerName","BlobName","ETag"}</c>.
/// </summary>
/// <param name="FunctionId">E.g. <c>Host.Functions.IngestSubmission</c>.</param>
/// <param name="BlobType"><c>BlockBlob</c>, <c>PageBlob</c> or <c>AppendBlob</c>.</param>
/// <param name="ETag">The blob version's ETag with its quotes, e.g. <c>"0x8DD…"</c>.</param>
internal sealed record BlobTriggerMessage(string FunctionId, string BlobType, string ContainerName, string BlobName, string ETag)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Always "BlobTrigger"; the host writes it first.</summary>
    [JsonPropertyOrder(-1)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An instance property so that it is serialised.")]
    public string Type => "BlobTrigger";

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Reads a message, or null when it is not a blob trigger message.</summary>
    public static BlobTriggerMessage? TryParse(string text)
    {
        try
        {
            var message = JsonSerializer.Deserialize<BlobTriggerMessage>(text, Options);
            return message is { FunctionId: not null, ContainerName: not null, BlobName: not null, ETag: not null } ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
