using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using ParServerless.DevHost;
using ParServerless.DevHost.Blobs;
using ParServerless.Testing;
using ParServerless.Samples;
using ParServerless.Scoring.Schemes;
using ParServerless.Testing.Azurite;

namespace ParServerless.Functions.Tests.Support;

/// <summary>
/// The whole pipeline as a user meets it: Azurite, DevHost (the host stand-in) and the real isolated worker started from the
/// function app's build output, driven over the host⇄worker gRPC protocol. Requests go through DevHost's front door, as
/// through the Functions host.
/// </summary>
internal sealed class Pipeline : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key";
    public const string AgencySecret = "test-agency-secret";

    private Pipeline(AzuriteInstance azurite, DevHostApp host, TestLogging logging)
    {
        Azurite = azurite;
        Host = host;
        Logging = logging;
        Http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(3) };
    }

    public AzuriteInstance Azurite { get; }
    public DevHostApp Host { get; private set; }
    public TestLogging Logging { get; }
    public HttpClient Http { get; }
    public string Storage => Azurite.ConnectionString;

    public static string RepoRoot { get; } = FindRoot();

    /// <summary>The function app's build output (same configuration as these tests): the package the host runs.</summary>
    public static string AppDirectory
    {
        get
        {
#if DEBUG
            const string configuration = "Debug";
#else
            const string configuration = "Release";
#endif
            var path = Path.Combine(RepoRoot, "src", "Functions", "bin", configuration, "net10.0");
            return File.Exists(Path.Combine(path, "worker.config.json")) ? path : throw new FileNotFoundException($"Build src/Functions ({configuration}) first: {path} has no worker.config.json.");
        }
    }

    public static async Task<Pipeline> StartAsync(TestLogging logging, Func<DevHostOptions, DevHostOptions>? adjust = null, AzuriteInstance? azurite = null)
    {
        azurite ??= await AzuriteInstance.StartInMemoryAsync();
        var host = await DevHostApp.StartAsync(adjust?.Invoke(Options(azurite)) ?? Options(azurite), logging.CreateFactory(), CancellationToken.None);
        return new Pipeline(azurite, host, logging);
    }

    public static DevHostOptions Options(AzuriteInstance azurite) => new()
    {
        AppDirectory = AppDirectory,
        Port = 0,
        InheritEnvironment = false,
        HostId = "t" + Guid.NewGuid().ToString("N")[..12],
        Settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            // Never due during a test; the timer runs through the admin API.
            ["DECISION_SCHEDULE"] = "0 0 2 15 1 *",
            ["PAR_ADMIN_KEY"] = AdminKey,
            ["PAR_AGENCY_KEY_SECRET"] = AgencySecret,
            ["Logging__LogLevel__Default"] = "Warning",
            // Our own categories at Information: tests read what ingestion and publication say.
            ["Logging__LogLevel__ParServerless"] = "Information",
        },
        BlobPollingInterval = TimeSpan.FromMilliseconds(250),
        BlobQueueMaxPollingInterval = TimeSpan.FromMilliseconds(250),
    };

    public static HttpRequestMessage Admin(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return request;
    }

    public async Task<JsonNode> AdminJsonAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = Admin(method, path, body is null ? null : JsonContent.Create(body));
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Registers the Huế 2021 scheme, the year (publication date in the past, so the timer publishes it) and its units.</summary>
    public async Task SetUpHueAsync(DateTimeOffset? publishAt = null)
    {
        using (var request = Admin(HttpMethod.Put, "/api/admin/schemes", new StringContent(SchemeJson.Save(HueSample.Scheme), System.Text.Encoding.UTF8, "application/json")))
        using (var response = await Http.SendAsync(request))
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        await AdminJsonAsync(HttpMethod.Put, "/api/admin/years/2021", new
        {
            scheme = new { id = HueSample.Scheme.Ref.Id, version = HueSample.Scheme.Ref.Version },
            decision = HueSample.Decision,
            publishAt = publishAt ?? new DateTimeOffset(2022, 1, 6, 9, 0, 0, TimeSpan.FromHours(7)),
        });
        await AdminJsonAsync(HttpMethod.Put, "/api/admin/years/2021/units",
            HueSample.Units.Select(u => new { code = u.Code, name = u.Name, group = u.GroupCode }).ToArray());
    }

    public async Task<string> UnitKeyAsync(string unit)
    {
        var units = await AdminJsonAsync(HttpMethod.Get, "/api/admin/years/2021/units");
        return units.AsArray().First(u => (string?)u!["code"] == unit)!["key"]!.GetValue<string>();
    }

    public async Task UploadBlobAsync(string container, string name, byte[] content)
    {
        var client = new BlobContainerClient(Storage, container);
        await client.CreateIfNotExistsAsync();
        await client.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true);
    }

    /// <summary>Every upload row of the year (the audit), as JSON.</summary>
    public async Task<JsonArray> UploadsAsync() => (await AdminJsonAsync(HttpMethod.Get, "/api/admin/years/2021/uploads")).AsArray();
    /// <summary>
    /// Asks for a publication (<c>POST …/publish</c>) or the drafts (<c>POST …/decision</c>): 202 with the status URL in
    /// <c>Location</c>, then follows that URL until the job is finished (200) and returns the final status.
    /// </summary>
    public async Task<JsonNode> PublishAsync(int year = 2021, bool publish = true)
    {
        using var request = Admin(HttpMethod.Post, $"/api/admin/years/{year}/{(publish ? "publish" : "decision")}");
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != System.Net.HttpStatusCode.Accepted) throw new HttpRequestException($"publish {year}: {(int)response.StatusCode} {text}");
        var location = response.Headers.Location?.ToString() ?? throw new HttpRequestException("202 without Location");
        Assert.Equal((string?)JsonNode.Parse(text)!["statusUrl"], location);
        return await FollowAsync(location);
    }

    /// <summary>Polls a publication status URL until the job is finished (200), and returns its last status.</summary>
    public async Task<JsonNode> FollowAsync(string statusUrl, TimeSpan? timeout = null) =>
        await Eventually.ReturnsAsync(async () =>
        {
            using var request = Admin(HttpMethod.Get, statusUrl);
            using var response = await Http.SendAsync(request);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            if (response.StatusCode == System.Net.HttpStatusCode.Accepted)
            {
                await Task.Delay(200);
                return null;
            }
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.True((bool)body["finished"]!);
            return body;
        }, $"the publication job {statusUrl} to finish", timeout);

    /// <summary>Waits until DevHost has nothing left to deliver: three more scans and an empty internal queue.</summary>
    public async Task WaitUntilQuietAsync()
    {
        var poller = Host.BlobPoller ?? throw new InvalidOperationException("no blob poller");
        var queue = new QueueClient(Storage, HostQueueNames.BlobTrigger(Host.HostId));
        for (var round = 0; round < 2; round++)
        {
            var target = poller.CompletedPolls + 3;
            await Eventually.TrueAsync(async () => poller.CompletedPolls >= target && await LengthAsync(queue) == 0, "DevHost to go quiet");
        }
    }

    public async Task<int> PoisonCountAsync() => await LengthAsync(new QueueClient(Storage, "webjobs-blobtrigger-poison"));

    private static async Task<int> LengthAsync(QueueClient queue)
    {
        try { return (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount; }
        catch (Azure.RequestFailedException e) when (e.Status == 404) { return 0; }
    }

    public async Task RestartHostAsync(Func<DevHostOptions, DevHostOptions>? adjust = null)
    {
        var hostId = Host.HostId;
        await Host.DisposeAsync();
        var options = Options(Azurite) with { HostId = hostId };
        Host = await DevHostApp.StartAsync(adjust?.Invoke(options) ?? options, Logging.CreateFactory(), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ParServerless.sln"))) return dir.FullName;
        throw new InvalidOperationException("ParServerless.sln not found above " + AppContext.BaseDirectory);
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
