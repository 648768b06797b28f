using ParServerless.Testing;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using ParServerless.DevHost.Blobs;

namespace ParServerless.DevHost.Tests.Support;

/// <summary>The containers and schedule one test gives the test worker through its app settings.</summary>
public sealed record WorkerSettings
{
    public string Container { get; init; } = DevHostHarness.Unique("in");
    public string FailContainer { get; init; } = DevHostHarness.Unique("fail");
    public string Markers { get; init; } = DevHostHarness.Unique("mark");
    public string Queue { get; init; } = DevHostHarness.Unique("queue");

    /// <summary>Yearly by default: 09:00 on 15 January in Vietnam is 02:00 UTC.</summary>
    public string Schedule { get; init; } = "0 0 2 15 1 *";

    public Dictionary<string, string> Extra { get; init; } = [];
}

/// <summary>Starts DevHost in-process against the real test worker, hermetically (no inherited environment, free port), with quick polling.</summary>
internal static class DevHostHarness
{
    public static Task<DevHostApp> StartAsync(string storage, WorkerSettings worker, TestLogging logging, string hostId,
        Func<DevHostOptions, DevHostOptions>? adjust = null)
    {
        var settings = new Dictionary<string, string>(worker.Extra)
        {
            ["AzureWebJobsStorage"] = storage,
            ["TEST_CONTAINER"] = worker.Container,
            ["TEST_FAIL_CONTAINER"] = worker.FailContainer,
            ["TEST_MARKERS"] = worker.Markers,
            ["TEST_SCHEDULE"] = worker.Schedule,
            ["TEST_QUEUE"] = worker.Queue,
        };
        var options = new DevHostOptions
        {
            AppDirectory = TestWorkerApp.Directory,
            Port = 0,
            InheritEnvironment = false,
            HostId = hostId,
            Settings = settings,
            BlobPollingInterval = TimeSpan.FromMilliseconds(250),
            BlobQueueMaxPollingInterval = TimeSpan.FromMilliseconds(250),
            ShutdownTimeout = TimeSpan.FromSeconds(10),
        };
        return DevHostApp.StartAsync(adjust?.Invoke(options) ?? options, logging.CreateFactory(), CancellationToken.None);
    }

    /// <summary>A fresh lowercase name usable as a container or host id.</summary>
    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    /// <summary>What the worker recorded for <paramref name="function"/> (its marker blobs), oldest first.</summary>
    public static async Task<List<JsonObject>> MarkersAsync(string storage, WorkerSettings worker, string function)
    {
        var container = new BlobContainerClient(storage, worker.Markers);
        if (!(await container.ExistsAsync()).Value)
        {
            return [];
        }

        var found = new List<(DateTimeOffset, JsonObject)>();
        await foreach (var item in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, function + "/", default))
        {
            var content = await container.GetBlobClient(item.Name).DownloadContentAsync();
            found.Add((item.Properties.CreatedOn ?? default, JsonNode.Parse(content.Value.Content.ToString())!.AsObject()));
        }

        return [.. found.OrderBy(f => f.Item1).Select(f => f.Item2)];
    }

    /// <summary>
    /// Waits until the stand-in has nothing left to do with what is already uploaded: three more full scans, and an empty internal queue.
    /// Then counting invocations tells "exactly once" without timing anything.
    /// </summary>
    public static async Task WaitUntilQuietAsync(DevHostApp host, string storage)
    {
        var poller = host.BlobPoller ?? throw new InvalidOperationException("no blob poller");
        var queue = new QueueClient(storage, HostQueueNames.BlobTrigger(host.HostId));
        var target = poller.CompletedPolls + 3;
        await Eventually.TrueAsync(async () => poller.CompletedPolls >= target && await LengthAsync(queue) == 0, "three more polls and an empty blob trigger queue");
        target = poller.CompletedPolls + 2;
        await Eventually.TrueAsync(async () => poller.CompletedPolls >= target && await LengthAsync(queue) == 0, "the blob trigger queue to stay empty");
    }

    /// <summary>Messages in a queue, hidden ones included; 0 when the queue does not exist.</summary>
    public static async Task<int> LengthAsync(QueueClient queue)
    {
        try
        {
            return (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        }
        catch (Azure.RequestFailedException exception) when (exception.Status == 404)
        {
            return 0;
        }
    }

    public static async Task<BlobClient> UploadAsync(string storage, string container, string name, byte[] content, IDictionary<string, string>? metadata = null)
    {
        var containerClient = new BlobContainerClient(storage, container);
        await containerClient.CreateIfNotExistsAsync();
        var blob = containerClient.GetBlobClient(name);
        await blob.UploadAsync(new BinaryData(content), new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = metadata });
        return blob;
    }
}
