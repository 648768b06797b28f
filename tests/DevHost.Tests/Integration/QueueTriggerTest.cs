using ParServerless.Testing;
using Azure.Storage.Queues;
using ParServerless.DevHost.Tests.Support;
using ParServerless.Testing.Azurite;
using Xunit.Abstractions;

namespace ParServerless.DevHost.Tests.Integration;

/// <summary>Queue triggers end to end: DevHost's listener, retries, poison and crash recovery, the real worker binding the message.</summary>
[Collection(AzuriteTests.Name)]
public sealed class QueueTriggerTest(AzuriteFixture azurite, ITestOutputHelper output)
{
    private readonly TestLogging _logging = new(output);
    private readonly WorkerSettings _worker = new();
    private readonly string _hostId = DevHostHarness.Unique("test-");

    private string Storage => azurite.ConnectionString;

    /// <summary>Base64, as the host's queues extension reads by default.</summary>
    private QueueClient Queue(string name) => new(Storage, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    private async Task SendAsync(string text)
    {
        var queue = Queue(_worker.Queue);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(text);
    }

    private async Task<List<System.Text.Json.Nodes.JsonObject>> DeliveriesAsync(string text) =>
        [.. (await DevHostHarness.MarkersAsync(Storage, _worker, "RecordQueue")).Where(m => m["Text"]!.GetValue<string>() == text)];

    [Fact]
    public async Task Message_IsBoundAsTextWithTheHostsMetadata_AndDeletedAfterSuccess()
    {
        await using var host = await DevHostHarness.StartAsync(Storage, _worker, _logging, _hostId);
        await SendAsync("{\"year\":2025,\"id\":\"ok1\"}");

        var seen = await Eventually.ReturnsAsync(async () => (await DeliveriesAsync("{\"year\":2025,\"id\":\"ok1\"}")).FirstOrDefault(), "the delivery");
        Assert.Equal(1, seen["DequeueCount"]!.GetValue<long>());
        Assert.Equal("{\"year\":2025,\"id\":\"ok1\"}", seen["QueueTrigger"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(seen["Id"]!.GetValue<string>()));
        await Eventually.TrueAsync(async () => await DevHostHarness.LengthAsync(Queue(_worker.Queue)) == 0, "the message deleted");
        Assert.Single(await DeliveriesAsync("{\"year\":2025,\"id\":\"ok1\"}"));
    }

    [Fact]
    public async Task Failure_IsRetriedWithAHigherDequeueCount_ThenSucceeds()
    {
        await using var host = await DevHostHarness.StartAsync(Storage, _worker, _logging, _hostId);
        await SendAsync("flaky-1");

        await Eventually.TrueAsync(async () => (await DeliveriesAsync("flaky-1")).Count == 2, "a second delivery");
        await Eventually.TrueAsync(async () => await DevHostHarness.LengthAsync(Queue(_worker.Queue)) == 0, "the message deleted");
        Assert.Equal([1L, 2L], (await DeliveriesAsync("flaky-1")).Select(d => d["DequeueCount"]!.GetValue<long>()).Order());
        Assert.Equal(0, await DevHostHarness.LengthAsync(Queue(_worker.Queue + "-poison")));
    }

    [Fact]
    public async Task AlwaysFailing_IsTriedMaxDequeueCountTimes_ThenMovedToThePoisonQueueUnchanged()
    {
        await using var host = await DevHostHarness.StartAsync(Storage, _worker, _logging, _hostId);
        await SendAsync("fail-always");

        var poison = Queue(_worker.Queue + "-poison");
        await Eventually.TrueAsync(async () => await DevHostHarness.LengthAsync(poison) == 1, "the poison message");
        Assert.Equal("fail-always", (await poison.ReceiveMessageAsync()).Value.Body.ToString());
        Assert.Equal(3, (await DeliveriesAsync("fail-always")).Count); // host.json maxDequeueCount
        Assert.Equal(0, await DevHostHarness.LengthAsync(Queue(_worker.Queue)));
    }

    [Fact]
    public async Task Crash_MidInvocation_MessageComesBackAfterItsVisibilityTimeout()
    {
        // A message received and never settled (DevHost died): hidden for the visibility timeout, then delivered again.
        var queue = Queue(_worker.Queue);
        await SendAsync("crashed-1");
        var taken = (await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(2))).Value;
        Assert.Equal(1, taken.DequeueCount);

        await using var host = await DevHostHarness.StartAsync(Storage, _worker, _logging, _hostId);
        var seen = await Eventually.ReturnsAsync(async () => (await DeliveriesAsync("crashed-1")).FirstOrDefault(), "the redelivery");
        Assert.Equal(2, seen["DequeueCount"]!.GetValue<long>());
        await Eventually.TrueAsync(async () => await DevHostHarness.LengthAsync(queue) == 0, "the message deleted");
    }
}
