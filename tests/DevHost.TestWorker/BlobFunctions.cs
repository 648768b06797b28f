using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace ParServerless.DevHost.TestWorker;

public sealed class BlobFunctions(Recorder recorder, ILogger<BlobFunctions> logger)
{
    /// <summary>Reads the blob through the SDK client the worker builds from the host's deferred-binding reference, and records it.</summary>
    [Function(nameof(RecordBlob))]
    public async Task RecordBlob(
        [BlobTrigger("%TEST_CONTAINER%/{year}/{name}", Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")] BlobClient blob,
        string year, string name, FunctionContext context, CancellationToken cancellationToken)
    {
        var content = await blob.DownloadContentAsync(cancellationToken);
        context.BindingContext.BindingData.TryGetValue("BlobTrigger", out var blobTrigger);
        context.BindingContext.BindingData.TryGetValue("Metadata", out var metadata);
        logger.LogInformation("RecordBlob read {Container}/{Blob}: {Length} bytes", blob.BlobContainerName, blob.Name, content.Value.Content.ToMemory().Length);
        await recorder.RecordAsync(nameof(RecordBlob), blob.Name.Replace('/', '_'), context.InvocationId, new
        {
            Container = blob.BlobContainerName,
            Blob = blob.Name,
            Text = content.Value.Content.ToString(),
            ETag = content.Value.Details.ETag.ToString(),
            Year = year,
            Name = name,
            BlobTrigger = blobTrigger?.ToString(),
            Metadata = metadata?.ToString(),
        }, cancellationToken);
    }

    /// <summary>Records every attempt, then fails for names containing "fail": the host must retry, then poison.</summary>
    [Function(nameof(FailingBlob))]
    public async Task FailingBlob(
        [BlobTrigger("%TEST_FAIL_CONTAINER%/{name}", Source = BlobTriggerSource.EventGrid)] BlobClient blob,
        string name, FunctionContext context, CancellationToken cancellationToken)
    {
        await recorder.RecordAsync(nameof(FailingBlob), name.Replace('/', '_'), context.InvocationId, new { Blob = blob.Name }, cancellationToken);
        if (name.Contains("fail", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"test worker refuses {name}");
        }
    }
}
