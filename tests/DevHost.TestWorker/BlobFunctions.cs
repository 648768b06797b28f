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

        // Storage-outage test: a finished function is settled only after it returns; a slow return widens that window on purpose.
        if (int.TryParse(Environment.GetEnvironmentVariable("TEST_RETURN_DELAY_MS"), out var returnDelay))
        {
            await Task.Delay(returnDelay, cancellationToken);
        }

        // Storage-outage test: an "inflight" blob finishes only once the test lets it (through a file: storage is down by then).
        if (name.Contains("inflight", StringComparison.Ordinal) && Environment.GetEnvironmentVariable("TEST_RELEASE_FILE") is { Length: > 0 } release)
        {
            while (!File.Exists(release))
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    /// <summary>Records every attempt, then fails: always for names containing "fail", on the first attempt only for "flaky".</summary>
    [Function(nameof(FailingBlob))]
    public async Task FailingBlob(
        [BlobTrigger("%TEST_FAIL_CONTAINER%/{name}", Source = BlobTriggerSource.EventGrid)] BlobClient blob,
        string name, FunctionContext context, CancellationToken cancellationToken)
    {
        var attempts = await recorder.RecordAsync(nameof(FailingBlob), name.Replace('/', '_'), context.InvocationId, new { Blob = blob.Name }, cancellationToken);
        if (name.Contains("fail", StringComparison.Ordinal) || (name.Contains("flaky", StringComparison.Ordinal) && attempts == 1))
        {
            throw new InvalidOperationException($"test worker refuses {name} (attempt {attempts})");
        }
    }
}
