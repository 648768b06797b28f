using ParServerless.DevHost.Tests.Support;
using ParServerless.Testing.Azurite;
using Xunit.Abstractions;

namespace ParServerless.DevHost.Tests.Integration;

/// <summary>Azurite stopped and started again under a running DevHost: nothing is lost. Owns an on-disk instance, so data survives the restart.</summary>
public sealed class StorageOutageTest : IAsyncLifetime
{
    private readonly TestLogging _logging;
    private readonly FunctionAppFolder _folder = new();
    private readonly string _container = DevHostHarness.Unique("sub");
    private AzuriteInstance _azurite = null!;
    private FakeHandler _handler = null!;

    public StorageOutageTest(ITestOutputHelper output)
    {
        _logging = new TestLogging(output);
        _folder.WithBlobFunction("IngestSubmission", _container + "/{year}/{unit}/{name}");
    }

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteInstance.StartOnDiskAsync();
        _handler = await FakeHandler.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _handler.DisposeAsync();
        await _azurite.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task AzuriteRestart_BlobsAfterTheOutageAreProcessed_AndInFlightWorkIsRetried()
    {
        var storage = _azurite.ConnectionString;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Respond = async request =>
        {
            // The in-flight blob finishes only once storage is down, so DevHost cannot settle its message.
            if (request.Text.Contains("inflight", StringComparison.Ordinal) && _handler.To("/IngestSubmission").Count(r => r.Text.Contains("inflight", StringComparison.Ordinal)) == 1)
            {
                await release.Task;
            }

            return FakeResponse.Ok;
        };
        await using var host = await DevHostHarness.StartAsync(_folder, _handler, storage, _logging, "outage-test",
            o => o with { BlobMessageVisibilityTimeout = TimeSpan.FromSeconds(4) });

        await DevHostHarness.UploadAsync(storage, _container, "2025/SO-TP/before.xlsx", [1]);
        await DevHostHarness.UploadAsync(storage, _container, "2025/SO-TP/inflight.xlsx", [2]);
        await Eventually.TrueAsync(() => Names().Contains("\"before.xlsx\"") && Names().Contains("\"inflight.xlsx\""), "both blobs to reach the handler");

        await _azurite.StopAsync();
        release.SetResult();
        await Eventually.TrueAsync(() => _logging.Entries.Any(e => e.Message.StartsWith("Blob polling failed", StringComparison.Ordinal)), "DevHost to notice the outage");
        await _azurite.StartAsync();

        await DevHostHarness.UploadAsync(storage, _container, "2025/SO-TP/after.xlsx", [3]);

        await Eventually.TrueAsync(() => Names().Contains("\"after.xlsx\""), "the blob uploaded after the restart");
        // Its message could not be deleted while storage was down: it comes back after its visibility timeout (at least once).
        await Eventually.TrueAsync(() => Names().Count(n => n == "\"inflight.xlsx\"") >= 2, "the in-flight blob to be delivered again");
        await DevHostHarness.WaitUntilQuietAsync(host, storage);
        Assert.Single(Names(), n => n == "\"before.xlsx\"");
        Assert.Single(Names(), n => n == "\"after.xlsx\"");
    }

    private List<string> Names() =>
        [.. _handler.To("/IngestSubmission").Select(r => r.Json["Metadata"]!["name"]!.GetValue<string>())];
}
