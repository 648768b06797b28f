using Azure.Storage.Blobs.Models;
using ParServerless.DevHost.Payload;

namespace ParServerless.DevHost.Blobs;

/// <summary>Maps the SDK's download details to the properties the payload carries.</summary>
internal static class BlobSnapshot
{
    public static BlobPropertiesSnapshot Properties(BlobDownloadDetails details, long contentLength) => new(
        details.LastModified,
        details.CreatedOn,
        contentLength,
        details.ContentType,
        details.ETag.ToString(),
        details.ContentHash is { Length: > 0 } hash ? hash : null,
        details.ContentEncoding,
        details.ContentLanguage,
        details.ContentDisposition,
        details.CacheControl,
        details.Metadata is null ? new Dictionary<string, string>() : new Dictionary<string, string>(details.Metadata));
}
