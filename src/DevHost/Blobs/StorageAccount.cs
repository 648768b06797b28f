using System.Collections.Concurrent;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace ParServerless.DevHost.Blobs;

/// <summary>Blob and queue clients for one storage account (one connection string).</summary>
internal sealed record StorageAccount(BlobServiceClient Blobs, QueueServiceClient Queues);

/// <summary>One <see cref="StorageAccount"/> per connection string, created once.</summary>
internal sealed class StorageAccounts
{
    private readonly ConcurrentDictionary<string, StorageAccount> _accounts = new(StringComparer.Ordinal);

    public StorageAccount Get(string connectionString) => _accounts.GetOrAdd(connectionString, Create);

    private static StorageAccount Create(string connectionString)
    {
        var blobOptions = new BlobClientOptions();
        Configure(blobOptions.Retry);
        // Base64, as the host's queue clients write: a message the host would write reads the same here and in Azure.
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        Configure(queueOptions.Retry);
        return new StorageAccount(new BlobServiceClient(connectionString, blobOptions), new QueueServiceClient(connectionString, queueOptions));
    }

    private static void Configure(RetryOptions retry)
    {
        // Fail fast when the emulator is down: the pollers retry on their own schedule and log the outage once.
        retry.MaxRetries = 2;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(2);
        retry.NetworkTimeout = TimeSpan.FromSeconds(30);
    }
}
