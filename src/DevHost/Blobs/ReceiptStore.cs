using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace ParServerless.DevHost.Blobs;

/// <summary>State of a blob receipt.</summary>
internal enum ReceiptState
{
    Missing = 0,

    /// <summary>Created, but the trigger message may not be queued yet: whoever holds the lease finishes the job.</summary>
    Incomplete = 1,

    /// <summary>The trigger message was queued: this blob version is never queued again for this function.</summary>
    Complete = 2,
}

/// <summary>
/// Blob receipts as the host keeps them: empty blobs <c>azure-webjobs-hosts/blobreceipts/{hostId}/{functionId}/{etag}/{container}/{blobName}</c>,
/// with metadata <c>Incomplete</c> until the trigger message is queued.
/// </summary>
/// <remarks>
/// The ETag comes before the blob name (as in the host) because blob names may contain slashes.
/// A receipt is complete once the message is <em>queued</em>, not when the function succeeds: retries and crash recovery live in the queue.
/// </remarks>
internal sealed class ReceiptStore
{
    public const string ContainerName = "azure-webjobs-hosts";
    private const string IncompleteKey = "Incomplete";
    private static readonly TimeSpan LeasePeriod = TimeSpan.FromSeconds(30);

    private readonly BlobContainerClient _container;

    public ReceiptStore(BlobServiceClient hostStorage) => _container = hostStorage.GetBlobContainerClient(ContainerName);

    public static string ReceiptName(string hostId, string functionId, string eTag, string containerName, string blobName) =>
        $"blobreceipts/{hostId}/{functionId}/{eTag}/{containerName}/{blobName}";

    public BlockBlobClient Reference(string hostId, string functionId, string eTag, string containerName, string blobName) =>
        _container.GetBlockBlobClient(ReceiptName(hostId, functionId, eTag, containerName, blobName));

    public static async Task<ReceiptState> ReadAsync(BlockBlobClient receipt, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await receipt.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return properties.Value.Metadata.ContainsKey(IncompleteKey) ? ReceiptState.Incomplete : ReceiptState.Complete;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return ReceiptState.Missing;
        }
    }

    /// <summary>Creates an incomplete receipt unless one exists. False when someone else created it first.</summary>
    public async Task<bool> TryCreateIncompleteAsync(BlockBlobClient receipt, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await receipt.UploadAsync(new MemoryStream(), new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    Metadata = new Dictionary<string, string> { [IncompleteKey] = IncompleteKey },
                }, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException exception) when (exception.ErrorCode == BlobErrorCode.ContainerNotFound && attempt == 0)
            {
                await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
                return false;
            }
        }
    }

    /// <summary>Leases the receipt for 30 s, or returns null when someone else holds it (or it vanished).</summary>
    public static async Task<string?> TryAcquireLeaseAsync(BlockBlobClient receipt, CancellationToken cancellationToken)
    {
        try
        {
            var lease = await receipt.GetBlobLeaseClient().AcquireAsync(LeasePeriod, cancellationToken: cancellationToken).ConfigureAwait(false);
            return lease.Value.LeaseId;
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 409)
        {
            return null;
        }
    }

    public static async Task MarkCompletedAsync(BlockBlobClient receipt, string leaseId, CancellationToken cancellationToken)
    {
        try
        {
            await receipt.SetMetadataAsync(new Dictionary<string, string>(), new BlobRequestConditions { LeaseId = leaseId }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            // Receipt deleted or lease lost: the next poll sees it incomplete and finishes the job, possibly queuing twice (at least once).
        }
    }

    public static async Task ReleaseLeaseAsync(BlockBlobClient receipt, string leaseId, CancellationToken cancellationToken)
    {
        try
        {
            await receipt.GetBlobLeaseClient(leaseId).ReleaseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 409)
        {
            // Gone or leased by someone else: nothing of ours to release.
        }
    }
}
