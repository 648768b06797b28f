using ParServerless.Testing;
using ParServerless.Files;
using ParServerless.Samples;
using ParServerless.Testing.Azurite;
using Xunit.Abstractions;

namespace ParServerless.Functions.Tests.Pipeline;

/// <summary>Infrastructure faults: storage down mid-run, and a handler that cannot reach storage at all.</summary>
public sealed class ResilienceTest(ITestOutputHelper output)
{
    private static byte[] Template(string unit) =>
        TemplateWriter.Write(HueSample.Scheme, 2021, HueSample.Units.Single(u => u.Code == unit), FileKind.SelfAssessment);

    [Fact]
    public async Task StorageStoppedMidRun_AndRestarted_LosesNothing_AndProcessesEverything()
    {
        var logging = new TestLogging(output);
        var azurite = await AzuriteInstance.StartOnDiskAsync();
        await using var p = await Support.Pipeline.StartAsync(logging, azurite: azurite);
        await p.SetUpHueAsync();
        var units = HueSample.Units.Where(u => u.GroupCode == "SO").Select(u => u.Code).ToList();

        var half = units.Count / 2;
        foreach (var unit in units.Take(half))
            await p.UploadBlobAsync("submissions", $"2021/{unit}/tu-danh-gia.xlsx", Template(unit));
        // Storage dies while DevHost and the handler are busy with the first half.
        await Eventually.TrueAsync(() => logging.Entries.Any(e => e.Message.Contains(": Accepted", StringComparison.Ordinal)), "a first ingestion");
        // Stopped, not SIGKILLed: Azurite itself saves its on-disk metadata only periodically and on exit, so a SIGKILL would
        // lose blobs Azurite had acknowledged, which real storage never does.
        await azurite.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await azurite.StartAsync();
        foreach (var unit in units.Skip(half))
            await p.UploadBlobAsync("submissions", $"2021/{unit}/tu-danh-gia.xlsx", Template(unit));

        await Eventually.TrueAsync(async () =>
        {
            try { return (await p.UploadsAsync()).Count == units.Count; }
            catch (HttpRequestException) { return false; } // 503 while storage is still coming back
        }, "every upload to be recorded", TimeSpan.FromMinutes(4));
        await p.WaitUntilQuietAsync();
        var rows = await p.UploadsAsync();
        Assert.Equal(units.Order(StringComparer.Ordinal), rows.Select(r => (string)r!["unit"]!).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal("Accepted", (string?)r!["outcome"]));
        Assert.Equal(0, await p.PoisonCountAsync());
    }

    [Fact]
    public async Task HandlerCannotReachTables_RetriesToThreshold_ThenPoisons_WithoutRecordingAnything()
    {
        var logging = new TestLogging(output);
        await using var azurite = await AzuriteInstance.StartInMemoryAsync();
        // DevHost needs only blobs and queues; the handler also needs tables, which this string sends to a closed port.
        var broken = azurite.ConnectionString.Replace($"127.0.0.1:{azurite.TablePort}", "127.0.0.1:9", StringComparison.Ordinal);
        await using var p = await Support.Pipeline.StartAsync(logging, o => o with
        {
            Settings = new Dictionary<string, string>(o.Settings) { ["AzureWebJobsStorage"] = broken },
        }, azurite);
        await p.UploadBlobAsync("submissions", "2021/SO-TP/tu-danh-gia.xlsx", Template("SO-TP"));

        await Eventually.TrueAsync(async () => await p.PoisonCountAsync() == 1, "the poison message", TimeSpan.FromMinutes(4));
        var failures = logging.Entries.Count(e => e.Message.Contains("Functions.IngestSubmission", StringComparison.Ordinal) && e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.True(failures >= 5, $"expected 5 failed attempts (poisonBlobThreshold), saw {failures}");
        var queue = new Azure.Storage.Queues.QueueClient(azurite.ConnectionString, "webjobs-blobtrigger-poison");
        var message = (await queue.PeekMessageAsync()).Value;
        var body = System.Text.Json.Nodes.JsonNode.Parse(Convert.FromBase64String(message.MessageText))!;
        Assert.Equal("submissions", (string?)body["ContainerName"]);
        Assert.Equal("2021/SO-TP/tu-danh-gia.xlsx", (string?)body["BlobName"]);
        // Nothing half-written: the original may be kept (it is immutable), but no report and no status row exist.
        var reports = new Azure.Storage.Blobs.BlobContainerClient(azurite.ConnectionString, "reports");
        var names = new List<string>();
        if (await reports.ExistsAsync())
            await foreach (var b in reports.GetBlobsAsync()) names.Add(b.Name);
        Assert.Empty(names);

        // An HTTP function meeting the same fault answers a coded problem (try again), not an empty 500.
        using var request = Support.Pipeline.Admin(HttpMethod.Get, "/api/admin/years");
        using var response = await p.Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("PAR-A503", (string?)System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]);
    }
}
