using System.Text.Json;
using Azure.Storage.Blobs;

namespace ParServerless.DevHost.TestWorker;

/// <summary>
/// Writes what a function saw as a JSON "marker" blob <c>{function}/{key}/{invocationId}.json</c> in the container named by the
/// setting <c>TEST_MARKERS</c>, so tests read the worker's view through storage, as they would read a real function's effects.
/// </summary>
public sealed class Recorder(BlobServiceClient storage)
{
    /// <returns>How many markers this function and key now have (this one included).</returns>
    public async Task<int> RecordAsync(string function, string key, string invocationId, object seen, CancellationToken cancellationToken)
    {
        var container = storage.GetBlobContainerClient(Environment.GetEnvironmentVariable("TEST_MARKERS") ?? "markers");
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var prefix = $"{function}/{key}/";
        await container.GetBlobClient(prefix + invocationId + ".json").UploadAsync(BinaryData.FromString(JsonSerializer.Serialize(seen)), overwrite: true, cancellationToken);
        var count = 0;
        await foreach (var _ in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, cancellationToken))
        {
            count++;
        }

        return count;
    }
}
