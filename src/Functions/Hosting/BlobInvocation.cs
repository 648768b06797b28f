using System.Text.Json;

namespace ParServerless.Functions.Hosting;

/// <summary>A blob-trigger invocation as the host sends it, bound to what ingestion needs.</summary>
/// <param name="Container">The watched container.</param>
/// <param name="Name">The blob name inside the container, e.g. <c>2025/SO-TP/tu-danh-gia.xlsx</c>.</param>
/// <param name="Content">The blob's bytes (base64 in the payload, <c>dataType: binary</c>).</param>
/// <param name="UploadedAt">The blob's last-modified time: when the upload happened, which deadlines and supersession use.</param>
/// <param name="UploadedBy">Blob metadata <c>uploadedby</c>, set by the API from the authenticated caller; null for direct uploads.</param>
internal sealed record BlobInvocation(string Container, string Name, byte[] Content, DateTimeOffset? UploadedAt, string? UploadedBy)
{
    /// <summary>Binds the payload. The host drops the <c>BlobTrigger</c> path, so the name comes from <c>Uri</c>, else from the path parameters.</summary>
    /// <param name="pattern">The function's blob path, e.g. <c>submissions/{year}/{unit}/{name}</c>.</param>
    /// <exception cref="InvalidInvocationException">The payload lacks the blob content or any way to name the blob.</exception>
    public static BlobInvocation Parse(JsonElement body, string bindingName, string pattern)
    {
        var data = MetadataValue.Find(body, "Data") ?? throw new InvalidInvocationException("The payload has no Data.");
        var metadata = MetadataValue.Find(body, "Metadata") ?? default;
        var contentValue = MetadataValue.Find(data, bindingName) ?? throw new InvalidInvocationException($"Data has no '{bindingName}'.");
        var content = contentValue.ValueKind switch
        {
            JsonValueKind.String => Base64(contentValue.GetString()!),
            JsonValueKind.Null => [],
            _ => throw new InvalidInvocationException($"Data.{bindingName} is {contentValue.ValueKind}, expected base64 (dataType binary)."),
        };

        var slash = pattern.IndexOf('/', StringComparison.Ordinal);
        var container = pattern[..slash];
        var name = NameFromUri(MetadataValue.String(metadata, "Uri"), container)
            ?? NameFromParameters(metadata, pattern[(slash + 1)..])
            ?? throw new InvalidInvocationException("Neither Uri nor the path parameters name the blob.");

        DateTimeOffset? uploadedAt = null;
        string? uploadedBy = null;
        if (MetadataValue.Object(metadata, "Properties") is { } properties
            && MetadataValue.String(properties, "LastModified") is { } lastModified
            && DateTimeOffset.TryParse(lastModified, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
            uploadedAt = parsed.ToUniversalTime();
        if (MetadataValue.Object(metadata, "Metadata") is { } blobMetadata)
            uploadedBy = MetadataValue.String(blobMetadata, "uploadedby");
        return new BlobInvocation(container, name, content, uploadedAt, uploadedBy);
    }

    private static byte[] Base64(string text)
    {
        try { return Convert.FromBase64String(text); }
        catch (FormatException) { throw new InvalidInvocationException("The blob content is not base64; is dataType binary?"); }
    }

    /// <remarks>Path-style (Azurite: /devstoreaccount1/container/name) and host-style (Azure: /container/name) URIs both work.</remarks>
    internal static string? NameFromUri(string? uri, string container)
    {
        if (uri is null || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed)) return null;
        var segments = parsed.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(segments, container);
        if (at < 0 || at == segments.Length - 1) return null;
        return string.Join('/', segments[(at + 1)..].Select(Uri.UnescapeDataString));
    }

    private static string? NameFromParameters(JsonElement metadata, string namePattern)
    {
        var parts = new List<string>();
        foreach (var segment in namePattern.Split('/'))
        {
            if (segment.StartsWith('{') && segment.EndsWith('}'))
            {
                if (MetadataValue.String(metadata, segment[1..^1]) is not { Length: > 0 } value) return null;
                parts.Add(value);
            }
            else parts.Add(segment);
        }
        return string.Join('/', parts);
    }
}

/// <summary>The host sent something our function.json cannot have produced: a deployment bug, answered with 400 so it shows.</summary>
internal sealed class InvalidInvocationException(string message) : Exception(message);
