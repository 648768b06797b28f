using ParServerless.Testing;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using ParServerless.DevHost.Tests.Support;
using ParServerless.DevHost.Timers;
using ParServerless.Testing.Azurite;
using Xunit.Abstractions;

namespace ParServerless.DevHost.Tests.Integration;

[Collection(AzuriteTests.Name)]
public sealed class TimerTest(AzuriteFixture azurite, ITestOutputHelper output)
{
    private readonly TestLogging _logging = new(output);
    private readonly WorkerSettings _worker = new();
    private readonly string _hostId = DevHostHarness.Unique("timer-");

    private string Storage => azurite.ConnectionString;

    private Task<List<System.Text.Json.Nodes.JsonObject>> RunsAsync(WorkerSettings? worker = null) => DevHostHarness.MarkersAsync(Storage, worker ?? _worker, "Tick");

    [Fact]
    public async Task AdminPost_Timer_FiresItWithTheMonitorStatus()
    {
        await using var host = await DevHostHarness.StartAsync(Storage, _worker, _logging, _hostId);
        using var http = new HttpClient();
        // The monitor writes the next occurrence when the schedule starts; wait for it so ScheduleStatus is there.
        await Eventually.TrueAsync(() => _logging.Entries.Any(e => e.Message.Contains("Timer Tick scheduled", StringComparison.Ordinal)), "the timer to start");

        using var response = await http.PostAsync(new Uri(host.BaseAddress, "admin/functions/Tick"), new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var run = await Eventually.ReturnsAsync(async () => (await RunsAsync()).FirstOrDefault(), "the timer invocation");
        Assert.False(run["IsPastDue"]!.GetValue<bool>());
        Assert.True(run["HasStatus"]!.GetValue<bool>());
        // 09:00 on 15 January in Vietnam is 02:00 UTC; the worker's TimerInfo parsed the host's ScheduleStatus.
        Assert.EndsWith("-01-15T02:00:00", run["Next"]!.GetValue<string>().Replace("Z", "", StringComparison.Ordinal), StringComparison.Ordinal);
        // A yearly schedule is further away than Task.Delay can sleep in one go: the loop must not have failed.
        Assert.DoesNotContain(_logging.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Start_MissedOccurrenceInMonitor_FiresOnceAsPastDue()
    {
        // The monitor says an occurrence was due yesterday and nothing ran it (the host was down).
        var missed = DateTime.UtcNow.AddDays(-1);
        var status = new Azure.Storage.Blobs.BlobContainerClient(Storage, ParServerless.DevHost.Blobs.ReceiptStore.ContainerName);
        await status.CreateIfNotExistsAsync();
        await status.GetBlobClient(ScheduleMonitor.StatusName(_hostId, "Host.Functions.Tick"))
            .UploadAsync(BinaryData.FromObjectAsJson(new ScheduleStatus(missed.AddYears(-1), missed, missed.AddYears(-1))), overwrite: true);

        await using var host = await DevHostHarness.StartAsync(Storage, _worker, _logging, _hostId);

        var run = await Eventually.ReturnsAsync(async () => (await RunsAsync()).FirstOrDefault(), "the past-due run");
        await Eventually.TrueAsync(() => _logging.Entries.Any(e => e.Message.Contains("Timer Tick scheduled", StringComparison.Ordinal)), "the schedule to go on");
        Assert.True(run["IsPastDue"]!.GetValue<bool>());
        Assert.Single(await RunsAsync());
    }

    [Fact]
    public async Task AdminPost_MasterKeyConfigured_RequiresIt()
    {
        await using var host = await DevHostHarness.StartAsync(Storage, _worker, _logging, _hostId, o => o with { MasterKey = "local-master" });
        using var http = new HttpClient();
        var url = new Uri(host.BaseAddress, "admin/functions/Tick");

        using var without = await http.PostAsync(url, null);
        using var withHeader = new HttpRequestMessage(HttpMethod.Post, url) { Headers = { { "x-functions-key", "local-master" } } };
        using var accepted = await http.SendAsync(withHeader);
        using var withCode = await http.PostAsync(new Uri(url + "?code=local-master"), null);

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, withCode.StatusCode);
    }

    [Fact]
    public async Task AdminPost_UnknownFunction_Is404()
    {
        await using var host = await DevHostHarness.StartAsync(Storage, _worker, _logging, _hostId);
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(host.BaseAddress, "admin/functions/Nope"), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Schedule_EverySecond_FiresRepeatedlyAndNeverOverlaps()
    {
        // Each run lasts longer than the interval: the singleton must hold the next occurrence back.
        var worker = _worker with { Schedule = "* * * * * *", Extra = new() { ["TEST_TICK_MS"] = "1500" } };
        await using var host = await DevHostHarness.StartAsync(Storage, worker, _logging, _hostId);

        await Eventually.TrueAsync(async () => (await RunsAsync(worker)).Count >= 3, "three occurrences");

        var runs = (await RunsAsync(worker)).Select(r => (Started: r["Started"]!.GetValue<DateTimeOffset>(), Ended: r["Ended"]!.GetValue<DateTimeOffset>()))
            .OrderBy(r => r.Started).ToList();
        Assert.All(runs.Zip(runs.Skip(1)), pair => Assert.True(pair.Second.Started >= pair.First.Ended, $"{pair.First} overlaps {pair.Second}"));
        // A schedule less than a minute apart runs without the monitor, as in the host.
        Assert.All(await RunsAsync(worker), r => Assert.False(r["HasStatus"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Disabled_BySetting_NeverFiresOnSchedule()
    {
        var worker = _worker with { Schedule = "* * * * * *", Extra = new() { ["AzureWebJobs.Tick.Disabled"] = "true" } };
        await using var host = await DevHostHarness.StartAsync(Storage, worker, _logging, _hostId);

        // Twelve scans at 250 ms span three seconds: an enabled every-second timer would have fired meanwhile.
        var target = host.BlobPoller!.CompletedPolls + 12;
        await Eventually.TrueAsync(() => host.BlobPoller.CompletedPolls >= target, "twelve more scans");

        Assert.Empty(await RunsAsync(worker));
        Assert.Contains(_logging.Entries, e => e.Message.StartsWith("Function Tick is disabled", StringComparison.Ordinal));
    }
}
