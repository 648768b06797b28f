using ParServerless.Testing;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ParServerless.DevHost.Configuration;
using ParServerless.DevHost.Tests.Support;
using ParServerless.Testing.Azurite;
using Xunit.Abstractions;

namespace ParServerless.DevHost.Tests.Integration;

/// <summary>
/// The host⇄worker contract against the real isolated worker (tests/DevHost.TestWorker): handshake and indexing, HTTP through the
/// worker's ASP.NET Core integration, worker logs, and a clean terminate.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class WorkerContractTest(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TestLogging _logging = new(output);
    private readonly WorkerSettings _worker = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });
    private DevHostApp _host = null!;

    public async Task InitializeAsync() => _host = await DevHostHarness.StartAsync(azurite.ConnectionString, _worker, _logging, DevHostHarness.Unique("contract-"));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public void Handshake_WorkerIndexesEveryFunction_WithItsBindings()
    {
        var functions = _host.App.Functions.ToDictionary(f => f.Name);

        Assert.Equal(["Boom", "Echo", "FailingBlob", "GetItem", "Logs", "Ping", "RecordBlob", "RecordQueue", "Tick"], functions.Keys.Order(StringComparer.Ordinal));
        Assert.All(functions.Values, f => Assert.False(string.IsNullOrEmpty(f.WorkerFunctionId)));
        var blob = functions["RecordBlob"].Trigger;
        Assert.Equal((TriggerKind.Blob, "blob", "%TEST_CONTAINER%/{year}/{name}", "AzureWebJobsStorage", "EventGrid"),
            (functions["RecordBlob"].TriggerKind, blob.Name, blob.Path, blob.Connection, blob.Source));
        Assert.Null(functions["FailingBlob"].Trigger.Connection);
        Assert.Equal(TriggerKind.Queue, functions["RecordQueue"].TriggerKind);
        var timer = functions["Tick"].Trigger;
        Assert.Equal((TriggerKind.Timer, "timer", "%TEST_SCHEDULE%", true), (functions["Tick"].TriggerKind, timer.Name, timer.Schedule, timer.UseMonitor));
        var get = functions["GetItem"].Trigger;
        Assert.Equal((TriggerKind.Http, "items/{id:int}", "Anonymous"), (functions["GetItem"].TriggerKind, get.Route, get.AuthLevel));
        Assert.Equal(["GET"], get.Methods);
        Assert.Equal(["GET", "HEAD"], functions["Ping"].Trigger.Methods);
        Assert.Contains(functions["Ping"].Bindings, b => b.Is("http") && b.Direction == BindingDirection.Out);
        Assert.NotNull(_host.Worker!.HttpUri);
        Assert.Contains(_logging.Entries, e => e.Message.Contains("9 functions loaded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_RouteParameterQueryAndHeaders_ReachTheFunction()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_host.BaseAddress, "api/items/42?q=s%E1%BB%9F&page=2"));
        request.Headers.Add("X-Test", "SO-TP");

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(42, body["id"]!.GetValue<int>());
        Assert.Equal("sở", body["q"]!.GetValue<string>());
        Assert.Equal("SO-TP", body["header"]!.GetValue<string>());
        Assert.Equal("/api/items/42", body["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_BinaryBody_IsEchoedByteForByte_WithCatchAllRoute()
    {
        byte[] bytes = [0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF, 0x10, 0x0D, 0x0A];
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        using var response = await _http.PostAsync(new Uri(_host.BaseAddress, "api/echo/2025/SO-TP"), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("2025/SO-TP", response.Headers.GetValues("X-Echo-Rest").Single());
    }

    [Fact]
    public async Task Head_OnAFunctionThatDeclaresIt_HasHeadersAndNoBody()
    {
        using var head = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(_host.BaseAddress, "api/ping")));
        using var get = await _http.GetAsync(new Uri(_host.BaseAddress, "api/ping"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("pong", head.Headers.GetValues("X-Ping").Single());
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal("pong", await get.Content.ReadAsStringAsync());
    }

    [Theory]
    // The int constraint refuses "abc": no function matches.
    [InlineData("GET", "api/items/abc", HttpStatusCode.NotFound, null)]
    // Outside the route prefix.
    [InlineData("GET", "items/42", HttpStatusCode.NotFound, null)]
    // GetItem allows GET only; HEAD too is refused, as the function does not declare it.
    [InlineData("POST", "api/items/42", HttpStatusCode.MethodNotAllowed, "GET")]
    [InlineData("HEAD", "api/items/42", HttpStatusCode.MethodNotAllowed, "GET")]
    public async Task Request_WithoutAMatchingFunction_IsAnsweredByTheHost(string method, string path, HttpStatusCode status, string? allow)
    {
        using var response = await _http.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(_host.BaseAddress, path)));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(allow, response.Content.Headers.Allow.Count > 0 ? string.Join(", ", response.Content.Headers.Allow) : null);
        // Answered by the host: no invocation was started.
        Assert.DoesNotContain(_logging.Entries, e => e.Message.StartsWith("Executing 'Functions.GetItem'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_FunctionThrows_Is500AndAFailedInvocation()
    {
        using var response = await _http.GetAsync(new Uri(_host.BaseAddress, "api/boom"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains(_logging.Entries, e => e.Level == LogLevel.Warning
            && e.Message.StartsWith("Executed 'Functions.Boom' (Failed", StringComparison.Ordinal) && e.Message.Contains("test worker boom", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logs_FromTheWorker_KeepTheirLevelAndInvocationId()
    {
        using var response = await _http.GetAsync(new Uri(_host.BaseAddress, "api/logs"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var executing = _logging.Entries.Single(e => e.Message.StartsWith("Executing 'Functions.Logs'", StringComparison.Ordinal)).Message;
        var invocationId = executing[(executing.IndexOf("Id=", StringComparison.Ordinal) + 3)..].TrimEnd(')');
        await Eventually.TrueAsync(() => _logging.Entries.Any(e => e.Message.EndsWith("test-worker error line", StringComparison.Ordinal)), "the worker's logs");
        var lines = _logging.Entries.Where(e => e.Category == "ParServerless.DevHost.Worker" && e.Message.Contains("test-worker", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [(LogLevel.Information, "information"), (LogLevel.Warning, "warning"), (LogLevel.Error, "error")],
            lines.Select(l => (l.Level, l.Message.Split(' ')[^2])));
        Assert.All(lines, l => Assert.StartsWith($"Functions.Logs (Id={invocationId}): ", l.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HostStatus_AndRoot_Answer()
    {
        var status = JsonNode.Parse(await _http.GetStringAsync(new Uri(_host.BaseAddress, "admin/host/status")))!;
        using var root = await _http.GetAsync(_host.BaseAddress);

        Assert.Equal("Running", status["state"]!.GetValue<string>());
        Assert.Equal(_host.HostId, status["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
    }

    [Fact]
    public async Task Dispose_WorkerTerminate_WorkerExitsZeroAndLeavesNoProcess()
    {
        var processId = _host.Worker!.Process.ProcessId;

        await _host.DisposeAsync();

        Assert.Equal(0, _host.WorkerExitCode);
        Assert.Null(_host.Worker);
        Assert.Throws<ArgumentException>(() => Process.GetProcessById(processId));
    }
}
