using ParServerless.Testing;
using ParServerless.DevHost.Tests.Support;
using ParServerless.Testing.Azurite;
using Azure.Storage.Queues;
using ParServerless.DevHost.Blobs;
using Xunit.Abstractions;

namespace ParServerless.DevHost.Tests.Integration;

/// <summary>Azurite stopped and started again under a running DevHost: nothing is lost. Owns an on-disk instance, so data survives the restart.</summary>
public sealed class StorageOutageTest(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TestLogging _logging = new(output);
    private readonly string _release = Path.Combine(Path.GetTempPath(), "devhost-release-" + Guid.NewGuid().ToString("N"));
    private AzuriteInstance _azurite = null!;

    public async Task InitializeAsync() => _azurite = await AzuriteInstance.StartOnDiskAsync();

    public async Task DisposeAsync()
    {
        await _azurite.DisposeAsync();
        File.Delete(_release);
    }

    [Fact]
    public async Task AzuriteRestart_BlobsAfterTheOutageAreProcessed_AndInFlightWorkIsRetried()
    {
        var storage = _azurite.ConnectionString;
        // The worker holds the "inflight" blob until the release file exists, which the test creates once storage is down.
        var worker = new WorkerSettings { Extra = new() { ["TEST_RELEASE_FILE"] = _release, ["TEST_RETURN_DELAY_MS"] = "1500" } };
        await using var host = await DevHostHarness.StartAsync(storage, worker, _logging, "outage-test",
            // Long enough that a delivery finished before the outage is never redelivered on a loaded machine, short enough to wait for.
            o => o with { BlobMessageVisibilityTimeout = TimeSpan.FromSeconds(12) });

        await DevHostHarness.UploadAsync(storage, worker.Container, "2025/before.xlsx", [1]);
        await DevHostHarness.UploadAsync(storage, worker.Container, "2025/inflight.xlsx", [2]);
        await Eventually.TrueAsync(async () => await NamesAsync() is var names && names.Contains("before.xlsx") && names.Contains("inflight.xlsx"),
            "both blobs to reach the worker");
        // A marker is written before the function returns and DevHost deletes the message after: stopping storage in between
        // would leave "before" unsettled, and at-least-once delivery would rightly run it again. Only the held blob may be open.
        var triggerQueue = new QueueClient(storage, HostQueueNames.BlobTrigger(host.HostId));
        await Eventually.TrueAsync(async () => await DevHostHarness.LengthAsync(triggerQueue) == 1, "the finished delivery to be settled");

        await _azurite.StopAsync();
        await File.WriteAllTextAsync(_release, "go");
        await Eventually.TrueAsync(() => _logging.Entries.Any(e => e.Message.StartsWith("Blob polling failed", StringComparison.Ordinal)), "DevHost to notice the outage");
        await _azurite.StartAsync();

        await DevHostHarness.UploadAsync(storage, worker.Container, "2025/after.xlsx", [3]);

        await Eventually.TrueAsync(async () => (await NamesAsync()).Contains("after.xlsx"), "the blob uploaded after the restart");
        // Its message could not be deleted while storage was down: it comes back after its visibility timeout (at least once).
        await Eventually.TrueAsync(async () => (await NamesAsync()).Count(n => n == "inflight.xlsx") >= 2, "the in-flight blob to be delivered again");
        await DevHostHarness.WaitUntilQuietAsync(host, storage);
        Assert.Single(await NamesAsync(), n => n == "before.xlsx");
        Assert.Single(await NamesAsync(), n => n == "after.xlsx");

        async Task<List<string>> NamesAsync() =>
            [.. (await DevHostHarness.MarkersAsync(storage, worker, "RecordBlob")).Select(r => r["Name"]!.GetValue<string>())];
    }
}
