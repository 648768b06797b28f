using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using ParServerless.DevHost.Tests.Support;
using ParServerless.Testing.Azurite;
using Xunit.Abstractions;

namespace ParServerless.DevHost.Tests.Integration;

[Collection(AzuriteTests.Name)]
public sealed class TimerTest : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite;
    private readonly TestLogging _logging;
    private readonly FunctionAppFolder _folder = new();
    private readonly string _hostId = DevHostHarness.Unique("timer-");
    private readonly Dictionary<string, string> _settings = new() { ["DECISION_SCHEDULE"] = "0 0 2 15 1 *" };
    private FakeHandler _handler = null!;

    public TimerTest(AzuriteFixture azurite, ITestOutputHelper output)
    {
        _azurite = azurite;
        _logging = new TestLogging(output);
        _folder.WithTimerFunction("GenerateDecision", "%DECISION_SCHEDULE%");
    }

    public async Task InitializeAsync() => _handler = await FakeHandler.StartAsync();

    public async Task DisposeAsync()
    {
        await _handler.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task AdminPost_Timer_FiresItWithTheTimerPayload()
    {
        await using var host = await DevHostHarness.StartAsync(_folder, _handler, _azurite.ConnectionString, _logging, _hostId, settings: _settings);
        using var http = new HttpClient();
        // The monitor writes the next occurrence when the schedule starts; wait for it so ScheduleStatus is there.
        await Eventually.TrueAsync(() => _logging.Entries.Any(e => e.Message.Contains("Timer GenerateDecision scheduled", StringComparison.Ordinal)), "the timer to start");

        using var response = await http.PostAsync(new Uri(host.BaseAddress, "admin/functions/GenerateDecision"), new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var request = await Eventually.ReturnsAsync(() => Task.FromResult(_handler.FirstTo("/GenerateDecision")), "the timer invocation");
        var payload = request.Json;
        var timer = payload["Data"]!["timer"]!;
        Assert.False(timer["IsPastDue"]!.GetValue<bool>());
        Assert.True(timer["Schedule"]!["AdjustForDST"]!.GetValue<bool>());
        // 09:00 on 15 January in Vietnam is 02:00 UTC.
        Assert.EndsWith("-01-15T02:00:00Z", timer["ScheduleStatus"]!["Next"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["sys"], payload["Metadata"]!.AsObject().Select(p => p.Key));
        Assert.Equal("GenerateDecision", payload["Metadata"]!["sys"]!["MethodName"]!.GetValue<string>());
        // A yearly schedule is further away than Task.Delay can sleep in one go: the loop must not have failed.
        Assert.DoesNotContain(_logging.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Start_MissedOccurrenceInMonitor_FiresOnceAsPastDue()
    {
        // The monitor says an occurrence was due yesterday and nothing ran it (the host was down).
        var missed = DateTime.UtcNow.AddDays(-1);
        var status = new Azure.Storage.Blobs.BlobContainerClient(_azurite.ConnectionString, ParServerless.DevHost.Blobs.ReceiptStore.ContainerName);
        await status.CreateIfNotExistsAsync();
        await status.GetBlobClient(ParServerless.DevHost.Timers.ScheduleMonitor.StatusName(_hostId, "Host.Functions.GenerateDecision"))
            .UploadAsync(BinaryData.FromObjectAsJson(new ParServerless.DevHost.Payload.ScheduleStatus(missed.AddYears(-1), missed, missed.AddYears(-1))), overwrite: true);

        await using var host = await DevHostHarness.StartAsync(_folder, _handler, _azurite.ConnectionString, _logging, _hostId, settings: _settings);

        var request = await Eventually.ReturnsAsync(() => Task.FromResult(_handler.FirstTo("/GenerateDecision")), "the past-due run");
        Assert.True(request.Json["Data"]!["timer"]!["IsPastDue"]!.GetValue<bool>());
        Assert.Single(_handler.To("/GenerateDecision"));
    }

    [Fact]
    public async Task AdminPost_MasterKeyConfigured_RequiresIt()
    {
        await using var host = await DevHostHarness.StartAsync(_folder, _handler, _azurite.ConnectionString, _logging, _hostId,
            o => o with { MasterKey = "local-master" }, _settings);
        using var http = new HttpClient();
        var url = new Uri(host.BaseAddress, "admin/functions/GenerateDecision");

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
        await using var host = await DevHostHarness.StartAsync(_folder, _handler, _azurite.ConnectionString, _logging, _hostId, settings: _settings);
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(host.BaseAddress, "admin/functions/Nope"), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Schedule_EverySecond_FiresRepeatedlyAndNeverOverlaps()
    {
        using var folder = new FunctionAppFolder().With("Tick", """
            { "bindings": [ { "name": "timer", "type": "timerTrigger", "direction": "in", "schedule": "* * * * * *", "useMonitor": false } ] }
            """);
        var running = 0;
        var overlapped = false;
        _handler.Respond = async _ =>
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            await Task.Delay(1500); // longer than the interval: the singleton must hold the next occurrence back
            Interlocked.Decrement(ref running);
            return FakeResponse.Ok;
        };
        await using var host = await DevHostHarness.StartAsync(folder, _handler, _azurite.ConnectionString, _logging, _hostId);

        await Eventually.TrueAsync(() => _handler.To("/Tick").Count >= 3, "three occurrences");

        Assert.False(overlapped);
        Assert.All(_handler.To("/Tick"), r => Assert.Null(r.Json["Data"]!["timer"]!["ScheduleStatus"]));
    }

    [Fact]
    public async Task Disabled_BySetting_NeverFiresOnSchedule()
    {
        using var folder = new FunctionAppFolder().With("Tick", """
            { "bindings": [ { "name": "timer", "type": "timerTrigger", "direction": "in", "schedule": "* * * * * *" } ] }
            """).With("Tock", """
            { "bindings": [ { "name": "timer", "type": "timerTrigger", "direction": "in", "schedule": "* * * * * *" } ] }
            """);
        await using var host = await DevHostHarness.StartAsync(folder, _handler, _azurite.ConnectionString, _logging, _hostId,
            settings: new Dictionary<string, string> { ["AzureWebJobs.Tick.Disabled"] = "true" });

        // Tock firing three times shows the schedules run; Tick, disabled, must not have fired meanwhile.
        await Eventually.TrueAsync(() => _handler.To("/Tock").Count >= 3, "three Tock occurrences");

        Assert.Empty(_handler.To("/Tick"));
    }
}
