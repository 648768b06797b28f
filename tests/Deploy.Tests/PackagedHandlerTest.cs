using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using ParServerless.DevHost;
using ParServerless.DevHost.Tests.Support;
using ParServerless.Deploy.Tests.Support;
using ParServerless.Samples;
using ParServerless.Scoring.Schemes;
using ParServerless.Testing.Azurite;
using Xunit.Abstractions;

namespace ParServerless.Deploy.Tests;

/// <summary>
/// The packaged handler, started exactly as the Functions host starts it: the executable named by host.json, in its working
/// directory, with only the variables the host sets (port, worker id, app root) and the app settings. DevHost then drives it from
/// the package's own host.json and function.json files on Azurite: the contract, end to end.
/// </summary>
[Collection(PackageGroup.Name)]
public sealed class PackagedHandlerTest(PackageFixture package, ITestOutputHelper output) : IAsyncLifetime
{
    private const string AdminKey = "deploy-test-admin";
    private AzuriteInstance _azurite = null!;
    private Process _handler = null!;
    private DevHostApp _host = null!;
    private HttpClient _http = null!;
    private readonly TestLogging _logging = new(output);
    private readonly StringBuilder _handlerOutput = new();

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteInstance.StartInMemoryAsync();
        var port = FreePort();
        var host = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(package.Root, "host.json")))!["customHandler"]!["description"]!;
        var info = new ProcessStartInfo(Path.Combine(package.Root, (string)host["defaultExecutablePath"]!))
        {
            WorkingDirectory = Path.Combine(package.Root, (string)host["workingDirectory"]!),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment.Clear(); // nothing from this machine: no DOTNET_ROOT, no PATH to a dotnet, no HOME
        foreach (var (k, v) in new Dictionary<string, string>
        {
            ["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FUNCTIONS_CUSTOMHANDLER_WORKER_ID"] = Guid.NewGuid().ToString(),
            ["FUNCTIONS_HTTPWORKER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FUNCTIONS_HTTPWORKER_ID"] = Guid.NewGuid().ToString(),
            ["FUNCTIONS_APP_ROOT_PATH"] = package.Root,
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["DECISION_SCHEDULE"] = "0 0 2 15 1 *",
            ["PAR_ADMIN_KEY"] = AdminKey,
            ["PAR_AGENCY_KEY_SECRET"] = "deploy-test-agency",
        }) info.Environment[k] = v;
        _handler = Process.Start(info)!;
        _handler.OutputDataReceived += (_, e) => { lock (_handlerOutput) _handlerOutput.AppendLine(e.Data); };
        _handler.ErrorDataReceived += (_, e) => { lock (_handlerOutput) _handlerOutput.AppendLine(e.Data); };
        _handler.BeginOutputReadLine();
        _handler.BeginErrorReadLine();
        var handlerUrl = new Uri($"http://127.0.0.1:{port}/");
        using (var probe = new HttpClient())
            await Eventually.TrueAsync(async () =>
            {
                if (_handler.HasExited) throw new InvalidOperationException($"The packaged handler exited ({_handler.ExitCode}):\n{_handlerOutput}");
                try { return (await probe.GetAsync(handlerUrl)).IsSuccessStatusCode; }
                catch (HttpRequestException) { return false; }
            }, "the packaged handler to answer GET /", TimeSpan.FromSeconds(30));

        _host = await DevHostApp.StartAsync(new DevHostOptions
        {
            ScriptRoot = package.Root,
            HandlerUrl = handlerUrl,
            Port = 0,
            InheritEnvironment = false,
            HostId = "deploy" + Guid.NewGuid().ToString("N")[..10],
            Settings = new Dictionary<string, string> { ["AzureWebJobsStorage"] = _azurite.ConnectionString, ["DECISION_SCHEDULE"] = "0 0 2 15 1 *" },
            BlobPollingInterval = TimeSpan.FromMilliseconds(250),
            BlobQueueMaxPollingInterval = TimeSpan.FromMilliseconds(250),
        }, _logging.CreateFactory(), CancellationToken.None);
        _http = new HttpClient { BaseAddress = _host.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        if (!_handler.HasExited) _handler.Kill(entireProcessTree: true);
        await _handler.WaitForExitAsync();
        _handler.Dispose();
        await _azurite.DisposeAsync();
        output.WriteLine(_handlerOutput.ToString());
    }

    private async Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return await _http.SendAsync(request);
    }

    [Fact]
    public async Task PackagedHandler_UnderTheHostContract_ServesIngestsAndPublishes()
    {
        // HTTP forwarding to the packaged handler: health, the OpenAPI document, and a refusal without a key.
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/api/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/api/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.GetAsync("/api/admin/years")).StatusCode);

        // A year, through the admin API.
        Assert.True((await AdminAsync(HttpMethod.Put, "/api/admin/schemes", new StringContent(SchemeJson.Save(HueSample.Scheme), Encoding.UTF8, "application/json"))).IsSuccessStatusCode);
        Assert.True((await AdminAsync(HttpMethod.Put, "/api/admin/years/2021", JsonContent.Create(new
        {
            scheme = new { id = HueSample.Scheme.Ref.Id, version = HueSample.Scheme.Ref.Version },
            decision = new { province = HueSample.Province, place = "Thừa Thiên Huế" },
            publishAt = new DateTimeOffset(2022, 1, 6, 9, 0, 0, TimeSpan.FromHours(7)),
        }))).IsSuccessStatusCode);
        Assert.True((await AdminAsync(HttpMethod.Put, "/api/admin/years/2021/units",
            JsonContent.Create(HueSample.Units.Select(u => new { code = u.Code, name = u.Name, group = u.GroupCode })))).IsSuccessStatusCode);

        // Blob triggers from the package's function.json files: a zero-length blob is ignored, every real file ingested.
        var uploads = SampleUploads.Hue2021();
        var containers = new Dictionary<string, BlobContainerClient>();
        async Task Upload(string container, string name, byte[] bytes)
        {
            if (!containers.TryGetValue(container, out var c))
            {
                containers[container] = c = new BlobContainerClient(_azurite.ConnectionString, container);
                await c.CreateIfNotExistsAsync();
            }
            await c.GetBlobClient(name).UploadAsync(new BinaryData(bytes), overwrite: true);
        }
        await Upload("submissions", "2021/SO-TP/trong.xlsx", []);
        foreach (var u in uploads) await Upload(u.Container, u.BlobPath, u.Content);
        await Eventually.TrueAsync(async () =>
        {
            using var r = await AdminAsync(HttpMethod.Get, "/api/admin/years/2021/uploads");
            return JsonNode.Parse(await r.Content.ReadAsStringAsync())!.AsArray().Count == uploads.Count;
        }, "every sample file to be ingested", TimeSpan.FromMinutes(4));

        // The timer through the host's admin API publishes; the PDF comes back through forwarding, fonts and all.
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("/admin/functions/GenerateDecision", new StringContent("{}"))).StatusCode);
        var pdf = await Eventually.ReturnsAsync(async () =>
        {
            using var r = await _http.GetAsync("/api/public/years/2021/decision.pdf");
            return r.IsSuccessStatusCode ? await r.Content.ReadAsByteArrayAsync() : null;
        }, "the published Decision");
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        Assert.Contains("/FontFile2", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal); // the font travels inside

        var queue = new Azure.Storage.Queues.QueueClient(_azurite.ConnectionString, "webjobs-blobtrigger-poison");
        Assert.False((await queue.ExistsAsync()).Value && (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0, "nothing was poisoned");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
