using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ParServerless.DevHost.Blobs;

namespace ParServerless.DevHost.Timers;

/// <summary>
/// The timer monitor (<c>useMonitor</c>): the last and next occurrence of each timer, kept as the host keeps them in
/// <c>azure-webjobs-hosts/timers/{hostId}/{functionId}/status</c>, so an occurrence missed while nothing ran fires once on start, past due.
/// </summary>
internal sealed class ScheduleMonitor(BlobServiceClient hostStorage, string hostId)
{
    private readonly BlobContainerClient _container = hostStorage.GetBlobContainerClient(ReceiptStore.ContainerName);

    public static string StatusName(string hostId, string functionId) => $"timers/{hostId}/{functionId}/status";

    public async Task<ScheduleStatus?> GetStatusAsync(string functionId, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _container.GetBlobClient(StatusName(hostId, functionId)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToObjectFromJson<ScheduleStatus>();
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
        catch (JsonException)
        {
            return null; // a damaged status is treated as none, as the host does
        }
    }

    public async Task UpdateStatusAsync(string functionId, ScheduleStatus status, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlobClient(StatusName(hostId, functionId));
        var content = BinaryData.FromObjectAsJson(status);
        try
        {
            await blob.UploadAsync(content, overwrite: true, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await blob.UploadAsync(content, overwrite: true, cancellationToken).ConfigureAwait(false);
        }
    }
}
