using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using ParServerless.Deploy.Tests.Support;
using ParServerless.DevHost;
using ParServerless.Samples;
using ParServerless.Scoring.Schemes;
using ParServerless.Testing;
using ParServerless.Testing.Azurite;
using Xunit.Abstractions;

namespace ParServerless.Deploy.Tests;

/// <summary>
/// The packaged worker, unzipped as Azure unzips it and started by DevHost from the package's own worker.config.json and
/// functions.metadata, with only the variables the host gives it (no environment from this machine): the API, the blob
/// triggers and the timer, end to end on Azurite.
/// </summary>
[Collection(PackageGroup.Name)]
public sealed class PackagedWorkerTest(PackageFixture package, ITestOutputHelper output) : IAsyncLifetime
{
    private const string AdminKey = "deploy-test-admin";
    private AzuriteInstance _azurite = null!;
    private DevHostApp _host = null!;
    private HttpClient _http = null!;
    private readonly TestLogging _logging = new(output);

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteInstance.StartInMemoryAsync();
        _host = await DevHostApp.StartAsync(new DevHostOptions
        {
            AppDirectory = package.Root,
            Port = 0,
            InheritEnvironment = false,
            HostId = "deploy" + Guid.NewGuid().ToString("N")[..10],
            Settings = new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = _azurite.ConnectionString,
                ["DECISION_SCHEDULE"] = "0 0 2 15 1 *", // never due during the test: the timer runs through the admin API
                ["PAR_ADMIN_KEY"] = AdminKey,
                ["PAR_AGENCY_KEY_SECRET"] = "deploy-test-agency",
            },
            BlobPollingInterval = TimeSpan.FromMilliseconds(250),
            BlobQueueMaxPollingInterval = TimeSpan.FromMilliseconds(250),
        }, _logging.CreateFactory(), CancellationToken.None);
        _http = new HttpClient { BaseAddress = _host.BaseAddress, Timeout = TimeSpan.FromMinutes(3) };
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
        if (_azurite is not null) await _azurite.DisposeAsync();
    }

    private async Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return await _http.SendAsync(request);
    }

    private async Task AdminOkAsync(HttpMethod method, string path, HttpContent content)
    {
        using var response = await AdminAsync(method, path, content);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task PackagedWorker_ServesIngestsAndPublishes()
    {
        // HTTP through the host to the packaged worker: health, the OpenAPI document, and a refusal without a key.
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/api/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/api/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.GetAsync("/api/admin/years")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/api/public/years/2021/decision.pdf")).StatusCode);

        // The Huế 2021 year, through the admin API.
        await AdminOkAsync(HttpMethod.Put, "/api/admin/schemes", new StringContent(SchemeJson.Save(HueSample.Scheme), Encoding.UTF8, "application/json"));
        await AdminOkAsync(HttpMethod.Put, "/api/admin/years/2021", JsonContent.Create(new
        {
            scheme = new { id = HueSample.Scheme.Ref.Id, version = HueSample.Scheme.Ref.Version },
            decision = HueSample.Decision,
            publishAt = new DateTimeOffset(2022, 1, 6, 9, 0, 0, TimeSpan.FromHours(7)),
        }));
        await AdminOkAsync(HttpMethod.Put, "/api/admin/years/2021/units",
            JsonContent.Create(HueSample.Units.Select(u => new { code = u.Code, name = u.Name, group = u.GroupCode })));

        // Blob triggers from the package's functions.metadata: every sample file ingested.
        var uploads = SampleUploads.Hue2021();
        var containers = new Dictionary<string, BlobContainerClient>();
        foreach (var u in uploads)
        {
            if (!containers.TryGetValue(u.Container, out var c))
            {
                containers[u.Container] = c = new BlobContainerClient(_azurite.ConnectionString, u.Container);
                await c.CreateIfNotExistsAsync();
            }
            await c.GetBlobClient(u.BlobPath).UploadAsync(new BinaryData(u.Content), overwrite: true);
        }
        await Eventually.TrueAsync(async () =>
        {
            using var r = await AdminAsync(HttpMethod.Get, "/api/admin/years/2021/uploads");
            return r.IsSuccessStatusCode && JsonNode.Parse(await r.Content.ReadAsStringAsync())!.AsArray().Count == uploads.Count;
        }, "every sample file to be ingested", TimeSpan.FromMinutes(4));

        // The timer through the host's admin API publishes; the PDF comes back through the host, fonts and all.
        using (var run = await _http.PostAsync("/admin/functions/GenerateDecision", new StringContent("{}", Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        var pdf = await Eventually.ReturnsAsync(async () =>
        {
            using var r = await _http.GetAsync("/api/public/years/2021/decision.pdf");
            return r.IsSuccessStatusCode && r.Content.Headers.ContentType?.MediaType == "application/pdf" ? await r.Content.ReadAsByteArrayAsync() : null;
        }, "the published Decision", TimeSpan.FromMinutes(3));
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        Assert.Contains("/FontFile2", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal); // the font travels inside the package

        var queue = new Azure.Storage.Queues.QueueClient(_azurite.ConnectionString, "webjobs-blobtrigger-poison");
        Assert.False((await queue.ExistsAsync()).Value && (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0, "nothing was poisoned");
    }
}
