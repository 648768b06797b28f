using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ParServerless.Pipeline.Storage;

/// <summary>Writes of immutable blobs: created once with <c>If-None-Match: *</c>; a second write of the same name is a no-op.</summary>
public static class BlobWrites
{
    /// <summary>Creates the blob unless it exists. Names are derived from content hashes, so an existing blob holds the same bytes.</summary>
    /// <returns>True when this call created it.</returns>
    public static async Task<bool> CreateOnceAsync(
        BlobContainerClient container, string name, BinaryData content, string contentType, CancellationToken cancellationToken,
        IDictionary<string, string>? metadata = null)
    {
        try
        {
            await container.GetBlobClient(name).UploadAsync(content, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                Metadata = metadata,
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Reads a blob, or null when it does not exist.</summary>
    public static async Task<BinaryData?> ReadOrNullAsync(BlobContainerClient container, string name, CancellationToken cancellationToken)
    {
        try
        {
            var result = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return result.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
