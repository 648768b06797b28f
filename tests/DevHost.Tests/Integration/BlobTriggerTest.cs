using ParServerless.Testing;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using ParServerless.DevHost.Blobs;
using ParServerless.DevHost.Tests.Support;
using ParServerless.Testing.Azurite;
using Xunit.Abstractions;

namespace ParServerless.DevHost.Tests.Integration;

/// <summary>Blob triggers end to end: DevHost's receipts, queue, retries and poison, the real worker reading the blob itself.</summary>
[Collection(AzuriteTests.Name)]
public sealed class BlobTriggerTest(AzuriteFixture azurite, ITestOutputHelper output)
{
    private readonly TestLogging _logging = new(output);
    private readonly WorkerSettings _worker = new();
    private readonly string _hostId = DevHostHarness.Unique("test-");

    private string Storage => azurite.ConnectionString;

    private Task<List<JsonObject>> RecordedAsync(string function = "RecordBlob") => DevHostHarness.MarkersAsync(Storage, _worker, function);

    [Fact]
    public async Task Upload_NewBlob_WorkerReadsItThroughTheDeferredReferenceOnce()
    {
        await using var host = await DevHostHarness.StartAsync(Storage, _worker, _logging, _hostId);

        var blob = await DevHostHarness.UploadAsync(Storage, _worker.Container, "2025/tự-đánh-giá.xlsx", Encoding.UTF8.GetBytes("PK fake xlsx bytes"),
            new Dictionary<string, string> { ["uploadedby"] = "SO-TP" });

        var seen = await Eventually.ReturnsAsync(async () => (await RecordedAsync()).FirstOrDefault(), "the worker to record the blob");
        await DevHostHarness.WaitUntilQuietAsync(host, Storage);
        Assert.Single(await RecordedAsync());
        Assert.Equal("PK fake xlsx bytes", seen["Text"]!.GetValue<string>());
        Assert.Equal(_worker.Container, seen["Container"]!.GetValue<string>());
        Assert.Equal("2025/tự-đánh-giá.xlsx", seen["Blob"]!.GetValue<string>());
        Assert.Equal("2025", seen["Year"]!.GetValue<string>());
        Assert.Equal("tự-đánh-giá.xlsx", seen["Name"]!.GetValue<string>());
        Assert.Equal($"{_worker.Container}/2025/tự-đánh-giá.xlsx", seen["BlobTrigger"]!.GetValue<string>());
        Assert.Equal((await blob.GetPropertiesAsync()).Value.ETag.ToString(), seen["ETag"]!.GetValue<string>());
        Assert.Equal("SO-TP", JsonNode.Parse(seen["Metadata"]!.GetValue<string>())!["uploadedby"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upload_Receipt_IsKeptWhereTheHostKeepsIt()
    {
        await using var host = await DevHostHarness.StartAsync(Storage, _worker, _logging, _hostId);

        var blob = await DevHostHarness.UploadAsync(Storage, _worker.Container, "2025/a.xlsx", [1, 2, 3]);
        await Eventually.TrueAsync(async () => (await RecordedAsync()).Count == 1, "the invocation");

        var eTag = (await blob.GetPropertiesAsync()).Value.ETag.ToString();
        var receipt = new BlobContainerClient(Storage, ReceiptStore.ContainerName)
            .GetBlobClient($"blobreceipts/{_hostId}/Host.Functions.RecordBlob/{eTag}/{_worker.Container}/2025/a.xlsx");
        var properties = (await receipt.GetPropertiesAsync()).Value;
        Assert.Equal(0, properties.ContentLength);
        Assert.DoesNotContain("Incomplete", properties.Metadata.Keys);
    }

    [Fact]
    public async Task Upload_ZeroLengthBlob_IsDeliveredLikeAnyOther()
    {
        // The host does not skip empty blobs; ignoring them is the function's job (HOSTING.md idempotency rules).
        await using var host = await DevHostHarness.StartAsync(Storage, _worker, _logging, _hostId);

        await DevHostHarness.UploadAsync(Storage, _worker.Container, "2025/empty.xlsx", []);

        var seen = await Eventually.ReturnsAsync(async () => (await RecordedAsync()).FirstOrDefault(), "the invocation");
        Assert.Equal("", seen["Text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Restart_SameBlob_IsDeliveredOnceAndBlobsUploadedMeanwhileAreProcessed()
    {
        await using (var first = await DevHostHarness.StartAsync(Storage, _worker, _logging, _hostId))
        {
            await DevHostHarness.UploadAsync(Storage, _worker.Container, "2025/first.xlsx", [1]);
            await Eventually.TrueAsync(async () => (await RecordedAsync()).Count == 1, "the first invocation");
            await DevHostHarness.WaitUntilQuietAsync(first, Storage);
        }

        // Uploaded while no host runs: found by the first scan after the restart.
        await DevHostHarness.UploadAsync(Storage, _worker.Container, "2025/meanwhile.xlsx", [2]);
        await using var second = await DevHostHarness.StartAsync(Storage, _worker, _logging, _hostId);
        await Eventually.TrueAsync(async () => (await RecordedAsync()).Count >= 2, "the blob uploaded meanwhile");
        await DevHostHarness.WaitUntilQuietAsync(second, Storage);

        var names = (await RecordedAsync()).Select(r => r["Name"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["first.xlsx", "meanwhile.xlsx"], names);
    }

    [Fact]
    public async Task Overwrite_NewETag_IsDeliveredAgain()
    {
        // A new ETag is a new blob version to the host, even with the same bytes: one reason functions must be idempotent.
        await using var host = await DevHostHarness.StartAsync(Storage, _worker, _logging, _hostId);
        await DevHostHarness.UploadAsync(Storage, _worker.Container, "2025/a.xlsx", [1]);
        await Eventually.TrueAsync(async () => (await RecordedAsync()).Count == 1, "the first version");

        await DevHostHarness.UploadAsync(Storage, _worker.Container, "2025/a.xlsx", [1]);

        await Eventually.TrueAsync(async () => (await RecordedAsync()).Count == 2, "the second version");
        await DevHostHarness.WaitUntilQuietAsync(host, Storage);
        Assert.Equal(2, (await RecordedAsync()).Count);
    }

    [Fact]
    public async Task FunctionThrows_RetriesUpToThresholdThenOnePoisonMessage()
    {
        // The test worker's host.json sets poisonBlobThreshold to 3.
        await using var host = await DevHostHarness.StartAsync(Storage, _worker, _logging, _hostId);

        var blob = await DevHostHarness.UploadAsync(Storage, _worker.FailContainer, "fail-me.xlsx", [9]);

        var poison = new QueueClient(Storage, HostQueueNames.BlobTriggerPoison, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await Eventually.ReturnsAsync(async () => await PoisonMessagesAsync(poison) is { Count: > 0 } found ? found : null, "the poison message");
        await DevHostHarness.WaitUntilQuietAsync(host, Storage);

        Assert.Equal(3, (await RecordedAsync("FailingBlob")).Count);
        var message = Assert.Single(await PoisonMessagesAsync(poison));
        var expected = new JsonObject
        {
            ["Type"] = "BlobTrigger",
            ["FunctionId"] = "Host.Functions.FailingBlob",
            ["BlobType"] = "BlockBlob",
            ["ContainerName"] = _worker.FailContainer,
            ["BlobName"] = "fail-me.xlsx",
            ["ETag"] = (await blob.GetPropertiesAsync()).Value.ETag.ToString(),
        };
        Assert.True(JsonNode.DeepEquals(expected, message), message.ToJsonString());
        Assert.Equal(["Type", "FunctionId", "BlobType", "ContainerName", "BlobName", "ETag"], message.Select(p => p.Key));
        Assert.Contains(_logging.Entries, e => e.Message.Contains("InvalidOperationException: test worker refuses fail-me.xlsx", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FunctionThrowsOnce_RetrySucceeds_NoPoison()
    {
        await using var host = await DevHostHarness.StartAsync(Storage, _worker, _logging, _hostId);

        await DevHostHarness.UploadAsync(Storage, _worker.FailContainer, "flaky.xlsx", [7]);

        await Eventually.TrueAsync(async () => (await RecordedAsync("FailingBlob")).Count == 2, "the retry");
        await DevHostHarness.WaitUntilQuietAsync(host, Storage);
        Assert.Equal(2, (await RecordedAsync("FailingBlob")).Count);
        var poison = new QueueClient(Storage, HostQueueNames.BlobTriggerPoison, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        Assert.Empty(await PoisonMessagesAsync(poison));
    }

    [Fact]
    public async Task AdminPost_BlobFunctionWithInput_RunsItOnThatBlob()
    {
        await using var host = await DevHostHarness.StartAsync(Storage, _worker, _logging, _hostId, o => o with { EnableTriggers = false });
        await DevHostHarness.UploadAsync(Storage, _worker.Container, "2025/manual.xlsx", [5]);
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(host.BaseAddress, "admin/functions/RecordBlob"),
            new StringContent($$"""{"input": "{{_worker.Container}}/2025/manual.xlsx"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var seen = await Eventually.ReturnsAsync(async () => (await RecordedAsync()).FirstOrDefault(), "the admin run");
        Assert.Equal("manual.xlsx", seen["Name"]!.GetValue<string>());
    }

    [Fact]
    public async Task EventGrid_BlobCreatedTwice_RunsOnceWithoutPolling()
    {
        await using var host = await DevHostHarness.StartAsync(Storage, _worker, _logging, _hostId, o => o with { PollBlobs = false });
        var blob = await DevHostHarness.UploadAsync(Storage, _worker.Container, "2025/pushed.xlsx", Encoding.UTF8.GetBytes("pushed"));
        using var http = new HttpClient();
        var url = new Uri(host.BaseAddress, "runtime/webhooks/blobs?functionName=Host.Functions.RecordBlob");
        var events = $$"""
            [{ "id": "{{Guid.NewGuid()}}", "eventType": "Microsoft.Storage.BlobCreated", "subject": "/blobServices/default/containers/{{_worker.Container}}/blobs/2025/pushed.xlsx",
               "eventTime": "2025-01-15T02:00:00Z", "dataVersion": "", "data": { "api": "PutBlob", "url": "{{blob.Uri}}", "blobType": "BlockBlob" } }]
            """;

        using var first = await http.PostAsync(url, new StringContent(events, Encoding.UTF8, "application/json"));
        var seen = await Eventually.ReturnsAsync(async () => (await RecordedAsync()).FirstOrDefault(), "the invocation from the event");
        // Event Grid delivers at least once: the duplicate finds the completed receipt and queues nothing.
        using var duplicate = await http.PostAsync(url, new StringContent(events, Encoding.UTF8, "application/json"));
        await Eventually.TrueAsync(async () => await DevHostHarness.LengthAsync(new QueueClient(Storage, HostQueueNames.BlobTrigger(_hostId))) == 0, "an empty queue");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, duplicate.StatusCode);
        Assert.Equal("pushed", seen["Text"]!.GetValue<string>());
        Assert.Single(await RecordedAsync());
        Assert.Contains(_logging.Entries, e => e.Message == "Event Grid delivered 1 events for RecordBlob: 0 blobs queued");
        Assert.Equal(0, host.BlobPoller!.CompletedPolls);
    }

    [Fact]
    public async Task EventGrid_SubscriptionValidation_EchoesTheCode()
    {
        await using var host = await DevHostHarness.StartAsync(Storage, _worker, _logging, _hostId, o => o with { PollBlobs = false });
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(host.BaseAddress, "runtime/webhooks/blobs?functionName=Host.Functions.RecordBlob"), new StringContent("""
            [{ "id": "1", "eventType": "Microsoft.EventGrid.SubscriptionValidationEvent", "subject": "", "data": { "validationCode": "512d38b6-c7b8-40c8-89fe-f46f9e9622b6" } }]
            """, Encoding.UTF8, "application/json"));
        using var unknown = await http.PostAsync(new Uri(host.BaseAddress, "runtime/webhooks/blobs?functionName=Host.Functions.Nope"), new StringContent("[]"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["validationResponse"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    /// <summary>This test's poison messages: the queue is shared by every test on the instance.</summary>
    private async Task<List<JsonObject>> PoisonMessagesAsync(QueueClient poison)
    {
        if (!(await poison.ExistsAsync()).Value)
        {
            return [];
        }

        var peeked = await poison.PeekMessagesAsync(32);
        return [.. peeked.Value.Select(m => JsonNode.Parse(m.Body.ToString())!.AsObject()).Where(m => m["ContainerName"]?.GetValue<string>() == _worker.FailContainer)];
    }
}
