using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using ParServerless.DevHost.Blobs;
using ParServerless.DevHost.Tests.Support;
using ParServerless.Testing.Azurite;
using Xunit.Abstractions;

namespace ParServerless.DevHost.Tests.Integration;

[Collection(AzuriteTests.Name)]
public sealed class BlobTriggerTest : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite;
    private readonly TestLogging _logging;
    private readonly FunctionAppFolder _folder = new();
    private readonly string _container = DevHostHarness.Unique("sub");
    private readonly string _hostId = DevHostHarness.Unique("test-");
    private FakeHandler _handler = null!;

    public BlobTriggerTest(AzuriteFixture azurite, ITestOutputHelper output)
    {
        _azurite = azurite;
        _logging = new TestLogging(output);
        _folder.WithBlobFunction("IngestSubmission", _container + "/{year}/{unit}/{name}");
    }

    private string Storage => _azurite.ConnectionString;

    public async Task InitializeAsync() => _handler = await FakeHandler.StartAsync();

    public async Task DisposeAsync()
    {
        await _handler.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Upload_NewBlob_InvokesOnceWithTheHostPayload()
    {
        await using var host = await DevHostHarness.StartAsync(_folder, _handler, Storage, _logging, _hostId);
        var content = Encoding.UTF8.GetBytes("PK fake xlsx bytes");

        var blob = await DevHostHarness.UploadAsync(Storage, _container, "2025/SO-TP/tự-đánh-giá.xlsx", content, new Dictionary<string, string> { ["uploadedby"] = "SO-TP" });

        var request = await Eventually.ReturnsAsync(() => Task.FromResult(_handler.FirstTo("/IngestSubmission")), "the invocation");
        await DevHostHarness.WaitUntilQuietAsync(host, Storage);
        Assert.Single(_handler.To("/IngestSubmission"));

        Assert.Equal("POST", request.Method);
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.True(Guid.TryParse(request.Header("X-Azure-Functions-InvocationId"), out _));
        Assert.Equal(Handler.HandlerClient.HostVersion, request.Header("X-Azure-Functions-HostVersion"));
        Assert.Equal("Azure-Functions-Host/" + Handler.HandlerClient.HostVersion, request.Header("User-Agent"));

        var payload = request.Json;
        Assert.Equal(content, Convert.FromBase64String(payload["Data"]!["scoreFile"]!.GetValue<string>()));
        var metadata = payload["Metadata"]!.AsObject();
        Assert.Equal(["Uri", "Properties", "Metadata", "year", "unit", "name", "sys"], metadata.Select(p => p.Key));
        Assert.Equal(JsonSerializer.Serialize(blob.Uri.AbsoluteUri), metadata["Uri"]!.GetValue<string>());
        Assert.Equal("\"2025\"", metadata["year"]!.GetValue<string>());
        Assert.Equal("\"SO-TP\"", metadata["unit"]!.GetValue<string>());
        Assert.Equal("\"tự-đánh-giá.xlsx\"", metadata["name"]!.GetValue<string>());
        Assert.Equal("SO-TP", metadata["Metadata"]!["uploadedby"]!.GetValue<string>());
        Assert.Equal(JsonValueKind.Object, metadata["Properties"]!["ETag"]!.GetValueKind());
        Assert.Empty(metadata["Properties"]!["ETag"]!.AsObject());
        Assert.Equal(content.Length, metadata["Properties"]!["ContentLength"]!.GetValue<long>());
        Assert.Equal("IngestSubmission", metadata["sys"]!["MethodName"]!.GetValue<string>());
        Assert.True(Guid.TryParse(metadata["sys"]!["RandGuid"]!.GetValue<string>(), out _));
    }

    [Fact]
    public async Task Upload_Receipt_IsKeptWhereTheHostKeepsIt()
    {
        await using var host = await DevHostHarness.StartAsync(_folder, _handler, Storage, _logging, _hostId);

        var blob = await DevHostHarness.UploadAsync(Storage, _container, "2025/SO-TP/a.xlsx", [1, 2, 3]);
        await Eventually.TrueAsync(() => _handler.To("/IngestSubmission").Count == 1, "the invocation");

        var eTag = (await blob.GetPropertiesAsync()).Value.ETag.ToString();
        var receipt = new BlobContainerClient(Storage, ReceiptStore.ContainerName)
            .GetBlobClient($"blobreceipts/{_hostId}/Host.Functions.IngestSubmission/{eTag}/{_container}/2025/SO-TP/a.xlsx");
        var properties = (await receipt.GetPropertiesAsync()).Value;
        Assert.Equal(0, properties.ContentLength);
        Assert.DoesNotContain("Incomplete", properties.Metadata.Keys);
    }

    [Fact]
    public async Task Upload_ZeroLengthBlob_IsDeliveredLikeAnyOther()
    {
        // The host does not skip empty blobs; ignoring them is the handler's job (HOSTING.md idempotency rules).
        await using var host = await DevHostHarness.StartAsync(_folder, _handler, Storage, _logging, _hostId);

        await DevHostHarness.UploadAsync(Storage, _container, "2025/SO-TP/empty.xlsx", []);

        var request = await Eventually.ReturnsAsync(() => Task.FromResult(_handler.FirstTo("/IngestSubmission")), "the invocation");
        Assert.Equal("", request.Json["Data"]!["scoreFile"]!.GetValue<string>());
    }

    [Fact]
    public async Task Restart_SameBlob_IsDeliveredOnceAndBlobsUploadedMeanwhileAreProcessed()
    {
        await using (var first = await DevHostHarness.StartAsync(_folder, _handler, Storage, _logging, _hostId))
        {
            await DevHostHarness.UploadAsync(Storage, _container, "2025/SO-TP/first.xlsx", [1]);
            await Eventually.TrueAsync(() => _handler.To("/IngestSubmission").Count == 1, "the first invocation");
            await DevHostHarness.WaitUntilQuietAsync(first, Storage);
        }

        // Uploaded while no host runs: found by the first scan after the restart.
        await DevHostHarness.UploadAsync(Storage, _container, "2025/SO-TP/meanwhile.xlsx", [2]);
        await using var second = await DevHostHarness.StartAsync(_folder, _handler, Storage, _logging, _hostId);
        await Eventually.TrueAsync(() => _handler.To("/IngestSubmission").Count >= 2, "the blob uploaded meanwhile");
        await DevHostHarness.WaitUntilQuietAsync(second, Storage);

        var names = _handler.To("/IngestSubmission").Select(r => r.Json["Metadata"]!["name"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["\"first.xlsx\"", "\"meanwhile.xlsx\""], names);
    }

    [Fact]
    public async Task Overwrite_NewETag_IsDeliveredAgain()
    {
        // A new ETag is a new blob version to the host, even with the same bytes: one reason handlers must be idempotent.
        await using var host = await DevHostHarness.StartAsync(_folder, _handler, Storage, _logging, _hostId);
        await DevHostHarness.UploadAsync(Storage, _container, "2025/SO-TP/a.xlsx", [1]);
        await Eventually.TrueAsync(() => _handler.To("/IngestSubmission").Count == 1, "the first version");

        await DevHostHarness.UploadAsync(Storage, _container, "2025/SO-TP/a.xlsx", [1]);

        await Eventually.TrueAsync(() => _handler.To("/IngestSubmission").Count == 2, "the second version");
        await DevHostHarness.WaitUntilQuietAsync(host, Storage);
        Assert.Equal(2, _handler.To("/IngestSubmission").Count);
    }

    [Fact]
    public async Task HandlerFails_RetriesUpToThresholdThenOnePoisonMessage()
    {
        using var folder = new FunctionAppFolder(FunctionAppFolder.DefaultHostJson.Replace("\"poisonBlobThreshold\": 5", "\"poisonBlobThreshold\": 3", StringComparison.Ordinal))
            .WithBlobFunction("IngestSubmission", _container + "/{year}/{unit}/{name}");
        _handler.Respond = _ => Task.FromResult(new FakeResponse(500, """{"Outputs":{},"Logs":["storage unreachable"],"ReturnValue":null}"""));
        await using var host = await DevHostHarness.StartAsync(folder, _handler, Storage, _logging, _hostId);

        var blob = await DevHostHarness.UploadAsync(Storage, _container, "2025/SO-TP/bad.xlsx", [9]);

        var poison = new QueueClient(Storage, HostQueueNames.BlobTriggerPoison, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var ours = await Eventually.ReturnsAsync(async () => await PoisonMessagesAsync(poison) is { Count: > 0 } found ? found : null, "the poison message");
        await DevHostHarness.WaitUntilQuietAsync(host, Storage);

        Assert.Equal(3, _handler.To("/IngestSubmission").Count);
        var message = Assert.Single(await PoisonMessagesAsync(poison));
        var eTag = (await blob.GetPropertiesAsync()).Value.ETag.ToString();
        var expected = new JsonObject
        {
            ["Type"] = "BlobTrigger",
            ["FunctionId"] = "Host.Functions.IngestSubmission",
            ["BlobType"] = "BlockBlob",
            ["ContainerName"] = _container,
            ["BlobName"] = "2025/SO-TP/bad.xlsx",
            ["ETag"] = eTag,
        };
        Assert.True(JsonNode.DeepEquals(expected, message), message.ToJsonString());
        Assert.Equal(["Type", "FunctionId", "BlobType", "ContainerName", "BlobName", "ETag"], message.Select(p => p.Key));
    }

    [Fact]
    public async Task HandlerFailsOnce_RetrySucceeds_NoPoison()
    {
        var calls = 0;
        _handler.Respond = _ => Task.FromResult(Interlocked.Increment(ref calls) == 1 ? new FakeResponse(503, "") : FakeResponse.Ok);
        await using var host = await DevHostHarness.StartAsync(_folder, _handler, Storage, _logging, _hostId);

        await DevHostHarness.UploadAsync(Storage, _container, "2025/SO-TP/flaky.xlsx", [7]);

        await Eventually.TrueAsync(() => _handler.To("/IngestSubmission").Count == 2, "the retry");
        await DevHostHarness.WaitUntilQuietAsync(host, Storage);
        Assert.Equal(2, _handler.To("/IngestSubmission").Count);
        var poison = new QueueClient(Storage, HostQueueNames.BlobTriggerPoison, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        Assert.Empty(await PoisonMessagesAsync(poison));
    }

    [Fact]
    public async Task AdminPost_BlobFunctionWithInput_RunsItOnThatBlob()
    {
        await using var host = await DevHostHarness.StartAsync(_folder, _handler, Storage, _logging, _hostId, o => o with { EnableTriggers = false });
        await DevHostHarness.UploadAsync(Storage, _container, "2025/SO-TP/manual.xlsx", [5]);
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(host.BaseAddress, "admin/functions/IngestSubmission"),
            new StringContent($$"""{"input": "{{_container}}/2025/SO-TP/manual.xlsx"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var request = await Eventually.ReturnsAsync(() => Task.FromResult(_handler.FirstTo("/IngestSubmission")), "the admin run");
        Assert.Equal("\"manual.xlsx\"", request.Json["Metadata"]!["name"]!.GetValue<string>());
    }

    /// <summary>This test's poison messages: the queue is shared by every test on the instance.</summary>
    private async Task<List<JsonObject>> PoisonMessagesAsync(QueueClient poison)
    {
        if (!(await poison.ExistsAsync()).Value)
        {
            return [];
        }

        var peeked = await poison.PeekMessagesAsync(32);
        return [.. peeked.Value.Select(m => JsonNode.Parse(m.Body.ToString())!.AsObject()).Where(m => m["ContainerName"]?.GetValue<string>() == _container)];
    }
}
