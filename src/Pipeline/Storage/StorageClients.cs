using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace ParServerless.Pipeline.Storage;

/// <summary>
/// The app's SDK clients, one of each for the process (the SDK's clients are thread-safe and meant to be shared).
/// Built from <c>AzureWebJobsStorage</c> the way the host reads it: a connection string, or identity-based settings
/// (<c>AzureWebJobsStorage__accountName</c> or <c>__blobServiceUri</c>/<c>__tableServiceUri</c>/<c>__queueServiceUri</c>) with a managed identity.
/// </summary>
public sealed class StorageClients
{
    public StorageClients(BlobServiceClient blobs, TableServiceClient tables, QueueServiceClient? queues = null)
    {
        Blobs = blobs;
        Tables = tables;
        Queues = queues;
    }

    public BlobServiceClient Blobs { get; }
    public TableServiceClient Tables { get; }

    /// <summary>Queues, base64-encoded as the queue trigger reads them; null where a test composes storage without them.</summary>
    public QueueServiceClient? Queues { get; }

    /// <summary>Base64, the queue trigger's default <c>messageEncoding</c>: text written here reads the same in the host.</summary>
    public static QueueClientOptions QueueOptions => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    /// <exception cref="InvalidOperationException">These clients were composed without queues.</exception>
    public QueueClient Queue(string name) =>
        (Queues ?? throw new InvalidOperationException("These storage clients have no queue service.")).GetQueueClient(name);

    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(name);
    public TableClient Table(string name) => Tables.GetTableClient(name);

    /// <exception cref="InvalidOperationException">No storage setting: the app cannot run, and says which setting is missing.</exception>
    public static StorageClients FromConfiguration(IConfiguration configuration)
    {
        var name = StorageNames.Settings.Storage;
        if (configuration[name] is { Length: > 0 } connectionString)
            return new StorageClients(new BlobServiceClient(connectionString), new TableServiceClient(connectionString),
                new QueueServiceClient(connectionString, QueueOptions));

        var section = configuration.GetSection(name);
        var account = section["accountName"];
        var blobUri = section["blobServiceUri"] ?? (account is null ? null : $"https://{account}.blob.core.windows.net");
        var tableUri = section["tableServiceUri"] ?? (account is null ? null : $"https://{account}.table.core.windows.net");
        var queueUri = section["queueServiceUri"] ?? (account is null ? null : $"https://{account}.queue.core.windows.net");
        if (blobUri is null || tableUri is null || queueUri is null)
            throw new InvalidOperationException(
                $"Storage is not configured: set {name} (a connection string) or {name}__accountName (managed identity).");
        var credential = section["clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
        return new StorageClients(new BlobServiceClient(new Uri(blobUri), credential), new TableServiceClient(new Uri(tableUri), credential),
            new QueueServiceClient(new Uri(queueUri), credential, QueueOptions));
    }
}
