using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using ParServerless.DevHost.Blobs;

namespace ParServerless.DevHost.Tests.Support;

/// <summary>Starts DevHost in-process against a fake handler, hermetically (no inherited environment, free port), with quick polling.</summary>
internal static class DevHostHarness
{
    public static Task<DevHostApp> StartAsync(FunctionAppFolder folder, FakeHandler handler, string? storage, TestLogging logging, string hostId,
        Func<DevHostOptions, DevHostOptions>? adjust = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>());
        if (storage is not null)
        {
            all["AzureWebJobsStorage"] = storage;
        }

        var options = new DevHostOptions
        {
            ScriptRoot = folder.Root,
            HandlerUrl = handler.BaseAddress,
            Port = 0,
            InheritEnvironment = false,
            HostId = hostId,
            Settings = all,
            BlobPollingInterval = TimeSpan.FromMilliseconds(250),
            BlobQueueMaxPollingInterval = TimeSpan.FromMilliseconds(250),
        };
        return DevHostApp.StartAsync(adjust?.Invoke(options) ?? options, logging.CreateFactory(), CancellationToken.None);
    }

    /// <summary>A fresh lowercase name usable as a container or host id.</summary>
    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

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
