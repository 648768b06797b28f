using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ParServerless.DevHost.Tests.Support;
using ParServerless.Testing;
using ParServerless.Testing.Azurite;
using Xunit.Abstractions;

namespace ParServerless.DevHost.Tests.Integration;

/// <summary>
/// The front door opens while the worker starts, as the host's is open in Azure: an early request is held and gets the real
/// answer once the functions are loaded, or a coded 503 when the worker is not ready in time.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class FrontDoorTest(AzuriteFixture azurite, ITestOutputHelper output) : IDisposable
{
    private readonly TestLogging _logging = new(output);
    private readonly GatedWorkerApp _app = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromMinutes(2) };

    public void Dispose()
    {
        _http.Dispose();
        _app.Dispose();
    }

    [Fact]
    public async Task RequestSentBeforeTheWorkerIsReady_IsAnsweredOnceItIs()
    {
        var port = FreePort();
        var starting = Start(port, TimeSpan.FromSeconds(60));
        await using var _ = new StopsWhenStarted(starting);
        await WaitUntilListeningAsync(port, starting);

        var early = _http.GetAsync(new Uri($"http://127.0.0.1:{port}/api/ping"));
        var earlyAdmin = _http.GetAsync(new Uri($"http://127.0.0.1:{port}/admin/host/status"));
        // The worker cannot be ready: its process waits for the gate. The requests are held, not refused nor failed.
        await Task.WhenAny(early, earlyAdmin, Task.Delay(TimeSpan.FromMilliseconds(500)));
        Assert.False(early.IsCompleted, "the request was answered while the worker was held before its start");
        Assert.False(earlyAdmin.IsCompleted, "the admin request was answered while the worker was held before its start");
        Assert.False(starting.IsCompleted);

        await _app.OpenAsync();
        using var response = await early;
        using var admin = await earlyAdmin;
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal("Running", JsonNode.Parse(await admin.Content.ReadAsStringAsync())!["state"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pong", await response.Content.ReadAsStringAsync());
        Assert.Equal("pong", response.Headers.GetValues("X-Ping").Single());
        var host = await starting;
        Assert.NotNull(host.Worker);
        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), host.BaseAddress);
    }

    [Fact]
    public async Task WorkerNotReadyWithinTheBound_Answers503WithACodedProblem_ThenTheRealAnswer()
    {
        var port = FreePort();
        var starting = Start(port, TimeSpan.FromMilliseconds(300));
        await using var _ = new StopsWhenStarted(starting);
        await WaitUntilListeningAsync(port, starting);

        using (var early = await _http.GetAsync(new Uri($"http://127.0.0.1:{port}/api/ping")))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, early.StatusCode);
            Assert.Equal("application/problem+json", early.Content.Headers.ContentType!.MediaType);
            Assert.Equal("5", early.Headers.GetValues("Retry-After").Single());
            var problem = JsonNode.Parse(await early.Content.ReadAsStringAsync())!;
            Assert.Equal("PAR-A175", problem["code"]!.GetValue<string>());
            Assert.Equal("/api/problems/PAR-A175", problem["type"]!.GetValue<string>());
            Assert.Equal(503, problem["status"]!.GetValue<int>());
            Assert.Equal("Ứng dụng đang khởi động: các hàm chưa sẵn sàng sau 0,3 giây; vui lòng thử lại sau.", problem["vi"]!.GetValue<string>());
            Assert.Equal("The app is starting: its functions were not ready within 0.3 s; try again later.", problem["en"]!.GetValue<string>());
            Assert.Equal(problem["en"]!.GetValue<string>(), problem["title"]!.GetValue<string>());
            Assert.Equal(problem["vi"]!.GetValue<string>(), problem["detail"]!.GetValue<string>());
        }

        await _app.OpenAsync();
        await starting;
        using var later = await _http.GetAsync(new Uri($"http://127.0.0.1:{port}/api/ping"));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    private Task<DevHostApp> Start(int port, TimeSpan readyTimeout) =>
        DevHostHarness.StartAsync(azurite.ConnectionString, new WorkerSettings(), _logging, DevHostHarness.Unique("door-"),
            options => options with { AppDirectory = _app.Directory, Port = port, ReadyTimeout = readyTimeout, EnableTriggers = false });

    /// <summary>Until the front door accepts connections (while the worker is still held at its gate).</summary>
    private static Task WaitUntilListeningAsync(int port, Task starting) => Eventually.TrueAsync(async () =>
    {
        if (starting.IsFaulted)
        {
            await starting;
        }

        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }, "DevHost's front door to listen");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the stand-in at the end of a test, once its start (released by the gate) ended.</summary>
    private sealed class StopsWhenStarted(Task<DevHostApp> starting) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (starting.IsCompletedSuccessfully)
            {
                await starting.Result.DisposeAsync();
            }
        }
    }
}
