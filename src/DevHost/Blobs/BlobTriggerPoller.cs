using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;

namespace ParServerless.DevHost.Blobs;

/// <summary>
/// Detects new blob versions by scanning each watched container (Azurite emits no Event Grid events), and for each version not yet
/// receipted queues one trigger message, exactly as the host's blob trigger executor does: receipt, lease, enqueue, complete.
/// </summary>
/// <remarks>
/// Every poll lists the whole prefix, so nothing is missed after an outage: a blob uploaded while storage or the stand-in was down
/// is found on the first poll that succeeds. Zero-length blobs are not skipped (the host does not skip them either).
/// </remarks>
internal sealed partial class BlobTriggerPoller
{
    private readonly IReadOnlyList<BlobFunction> _functions;
    private readonly ReceiptStore _receipts;
    private readonly SelfCreatingQueue _queue;
    private readonly string _hostId;
    private readonly TimeSpan _interval;
    private readonly WakeSignal _queued;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    // Versions known to hold a completed receipt: skips one receipt read per blob per poll.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _completed = new(StringComparer.Ordinal);
    private bool _failing;
    private long _completedPolls;

    public BlobTriggerPoller(IReadOnlyList<BlobFunction> functions, ReceiptStore receipts, SelfCreatingQueue queue, string hostId,
        TimeSpan interval, WakeSignal queued, TimeProvider time, ILogger logger)
    {
        _functions = functions;
        _receipts = receipts;
        _queue = queue;
        _hostId = hostId;
        _interval = interval;
        _queued = queued;
        _time = time;
        _logger = logger;
    }

    /// <summary>Scans completed without error so far; lets tests wait for "a few more polls" instead of for a duration.</summary>
    public long CompletedPolls => Interlocked.Read(ref _completedPolls);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var function in _functions)
        {
            var path = function.Pattern.ToString();
            Log.Watching(_logger, function.Definition.Name, path, _interval.TotalSeconds);
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync(cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _completedPolls);
                if (_failing)
                {
                    _failing = false;
                    Log.Recovered(_logger);
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is RequestFailedException or HttpRequestException or IOException or AggregateException or TimeoutException or OperationCanceledException)
            {
                // Storage went away (an emulator restart, a network blip): keep polling; the next full scan catches up.
                if (!_failing)
                {
                    _failing = true;
                    Log.PollFailed(_logger, exception.Message);
                }
            }

            try
            {
                await Task.Delay(_interval, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One scan of every watched container. Returns how many trigger messages it queued.</summary>
    internal async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var function in _functions)
        {
            try
            {
                await foreach (var item in function.Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, function.Pattern.ListPrefix, cancellationToken)
                    .ConfigureAwait(false))
                {
                    if (function.Pattern.Match(item.Name) is not null && item.Properties.ETag is { } listed
                        && await TryQueueAsync(function, item.Name, listed.ToString(), item.Properties.BlobType, cancellationToken).ConfigureAwait(false))
                    {
                        queued++;
                    }
                }
            }
            catch (RequestFailedException exception) when (exception.ErrorCode == BlobErrorCode.ContainerNotFound)
            {
                // Nothing uploaded yet: the host waits for the container to appear too.
            }
        }

        if (queued > 0)
        {
            _queued.Set();
        }

        return queued;
    }

    /// <summary>
    /// Queues one blob announced from outside the scan (an Event Grid <c>BlobCreated</c> event), through the same receipts, so a blob
    /// both announced and found by a scan runs once.
    /// </summary>
    /// <returns>False when the blob does not match the function's path, no longer exists, or already has a receipt.</returns>
    public async Task<bool> QueueAsync(BlobFunction function, string blobName, CancellationToken cancellationToken)
    {
        if (function.Pattern.Match(blobName) is null)
        {
            return false;
        }

        BlobProperties properties;
        try
        {
            properties = (await function.Container.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return false;
        }

        var queued = await TryQueueAsync(function, blobName, properties.ETag.ToString(), properties.BlobType, cancellationToken).ConfigureAwait(false);
        if (queued)
        {
            _queued.Set();
        }

        return queued;
    }

    private async Task<bool> TryQueueAsync(BlobFunction function, string blobName, string listedETag, BlobType? blobType, CancellationToken cancellationToken)
    {
        var eTag = QuotedETag(listedETag);

        var container = function.Pattern.Container;
        var key = string.Join('\n', function.Definition.Id, container, blobName, eTag);
        if (_completed.ContainsKey(key))
        {
            return false;
        }

        var receipt = _receipts.Reference(_hostId, function.Definition.Id, eTag, container, blobName);
        var state = await ReceiptStore.ReadAsync(receipt, cancellationToken).ConfigureAwait(false);
        if (state == ReceiptState.Complete)
        {
            _completed[key] = true;
            return false;
        }

        if (state == ReceiptState.Missing && !await _receipts.TryCreateIncompleteAsync(receipt, cancellationToken).ConfigureAwait(false))
        {
            return false; // someone else just created it; look again next poll
        }

        // An incomplete receipt whose lease expired is one whose writer crashed before queuing: finish its job.
        var leaseId = await ReceiptStore.TryAcquireLeaseAsync(receipt, cancellationToken).ConfigureAwait(false);
        if (leaseId is null)
        {
            return false;
        }

        try
        {
            if (await ReceiptStore.ReadAsync(receipt, cancellationToken).ConfigureAwait(false) == ReceiptState.Complete)
            {
                _completed[key] = true;
                return false;
            }

            var message = new BlobTriggerMessage(function.Definition.Id, BlobTypeName(blobType), container, blobName, eTag);
            var sent = await _queue.RunAsync(q => q.SendMessageAsync(message.ToJson(), cancellationToken), cancellationToken).ConfigureAwait(false);
            Log.Queued(_logger, function.Definition.Name, container, blobName, eTag, sent.Value.MessageId);
            await ReceiptStore.MarkCompletedAsync(receipt, leaseId, cancellationToken).ConfigureAwait(false);
            _completed[key] = true;
            return true;
        }
        finally
        {
            await ReceiptStore.ReleaseLeaseAsync(receipt, leaseId, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The ETag as the blob's ETag header gives it, quotes included, which is what the host writes in receipts and messages:
    /// listings return it bare.
    /// </summary>
    internal static string QuotedETag(string eTag) => eTag.StartsWith('"') ? eTag : $"\"{eTag}\"";

    private static string BlobTypeName(BlobType? type) => type switch
    {
        BlobType.Page => "PageBlob",
        BlobType.Append => "AppendBlob",
        _ => "BlockBlob",
    };

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Polling blobs for {Function} at '{Path}' every {Seconds} s")]
        public static partial void Watching(ILogger logger, string function, string path, double seconds);

        [LoggerMessage(Level = LogLevel.Information, Message = "New blob detected for {Function}: {Container}/{BlobName} ({ETag}), queued as message {MessageId}")]
        public static partial void Queued(ILogger logger, string function, string container, string blobName, string eTag, string messageId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Blob polling failed, storage unreachable? Retrying every poll until it answers: {Reason}")]
        public static partial void PollFailed(ILogger logger, string reason);

        [LoggerMessage(Level = LogLevel.Information, Message = "Blob polling recovered: storage answers again")]
        public static partial void Recovered(ILogger logger);
    }
}
