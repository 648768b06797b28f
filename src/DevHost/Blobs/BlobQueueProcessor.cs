using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using ParServerless.DevHost.Queues;
using ParServerless.DevHost.Worker;

namespace ParServerless.DevHost.Blobs;

/// <summary>Settings of the blob trigger queue listener.</summary>
/// <param name="PoisonThreshold">Failed invocations of one blob version before it is poisoned (<c>poisonBlobThreshold</c>).</param>
/// <param name="MaxDegreeOfParallelism">Blob invocations running at once (<c>maxDegreeOfParallelism</c>).</param>
/// <param name="VisibilityTimeout">How long a dequeued message stays hidden; renewed at half-time while the function runs, so it only matters after a crash.</param>
/// <param name="MaxPollingInterval">Longest sleep between two looks at an empty queue.</param>
internal sealed record BlobQueueSettings(
    int PoisonThreshold,
    int MaxDegreeOfParallelism,
    TimeSpan VisibilityTimeout,
    TimeSpan MaxPollingInterval);

/// <summary>
/// Reads the host's internal blob trigger queue and invokes the function for each message, as the host's shared blob queue listener does.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Success deletes the message. A failed invocation (the function threw, timed out, or the worker was lost) makes it visible again at once; the attempt that reaches
/// <c>poisonBlobThreshold</c> copies it to <c>webjobs-blobtrigger-poison</c> and deletes it. <c>queues.maxDequeueCount</c> plays no part.</item>
/// <item>A crash mid-invocation leaves the message hidden until its visibility timeout: it then comes back and counts as an attempt.</item>
/// <item>A message whose blob is gone, or whose blob has a newer ETag, is dropped: the newer version has its own receipt and message.</item>
/// </list>
/// </remarks>
internal sealed partial class BlobQueueProcessor
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    private readonly SelfCreatingQueue _queue;
    private readonly IReadOnlyDictionary<string, BlobFunction> _functions;
    private readonly FunctionInvoker _invoker;
    private readonly BlobQueueSettings _settings;
    private readonly WakeSignal _wake;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<Task, bool> _running = new();
    private bool _failing;

    public BlobQueueProcessor(SelfCreatingQueue queue, IEnumerable<BlobFunction> functions, FunctionInvoker invoker, BlobQueueSettings settings,
        WakeSignal wake, TimeProvider time, ILogger logger)
    {
        _queue = queue;
        _functions = functions.ToDictionary(f => f.Definition.Id, StringComparer.Ordinal);
        _invoker = invoker;
        _settings = settings;
        _wake = wake;
        _time = time;
        _logger = logger;
    }

    /// <summary>Receives and dispatches messages until <paramref name="stopping"/>; invocations then in flight finish under <paramref name="invocations"/>.</summary>
    public async Task RunAsync(CancellationToken stopping, CancellationToken invocations)
    {
        using var slots = new SemaphoreSlim(_settings.MaxDegreeOfParallelism);
        var delay = MinPollingInterval;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await slots.WaitAsync(stopping).ConfigureAwait(false);
                var wanted = Math.Min(32, slots.CurrentCount + 1);
                QueueMessage[] messages;
                try
                {
                    messages = (await _queue.RunAsync(q => q.ReceiveMessagesAsync(wanted, _settings.VisibilityTimeout, stopping), stopping).ConfigureAwait(false)).Value;
                    Recovered();
                }
                catch (Exception exception) when (!stopping.IsCancellationRequested && (MessageLease.IsTransient(exception) || exception is OperationCanceledException))
                {
                    // A network timeout surfaces as a cancellation nobody asked for.
                    Failing(exception);
                    messages = [];
                }

                if (messages.Length == 0)
                {
                    slots.Release();
                    await _wake.WaitAsync(delay, _time, stopping).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _settings.MaxPollingInterval.Ticks));
                    continue;
                }

                delay = MinPollingInterval;
                for (var i = 0; i < messages.Length; i++)
                {
                    if (i > 0)
                    {
                        await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false); // free: CurrentCount covered every message
                    }

                    var message = messages[i];
                    var task = Task.Run(() => ProcessAsync(message, invocations), CancellationToken.None);
                    _running[task] = true;
                    _ = task.ContinueWith(t => { slots.Release(); _running.TryRemove(t, out _); }, CancellationToken.None,
                        TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }

        // Let invocations in flight finish, like the host's graceful shutdown, so their messages are settled and not replayed.
        await Task.WhenAll(_running.Keys).ConfigureAwait(false);
    }

    internal async Task ProcessAsync(QueueMessage received, CancellationToken cancellationToken)
    {
        var lease = new MessageLease(_queue.Client, received);
        try
        {
            var message = BlobTriggerMessage.TryParse(received.Body.ToString());
            if (message is null || !_functions.TryGetValue(message.FunctionId, out var function))
            {
                Log.UnknownMessage(_logger, received.MessageId, message?.FunctionId);
                await lease.DeleteAsync(cancellationToken).ConfigureAwait(false);
                return;
            }

            if (received.DequeueCount > _settings.PoisonThreshold)
            {
                // Earlier attempts ended in crashes that never reported a failure; the host poisons these on receipt.
                await PoisonAsync(function, received, lease, cancellationToken).ConfigureAwait(false);
                return;
            }

            using var renewal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var renewing = lease.KeepInvisibleAsync(_settings.VisibilityTimeout, _time, e => Log.RenewFailed(_logger, lease.MessageId, e.Message), renewal.Token);
            InvocationResult? result;
            try
            {
                var reason = $"New blob detected({message.ContainerName}/{message.BlobName}), attempt {received.DequeueCount}";
                result = await InvokeAsync(function, message.ContainerName, message.BlobName, message.ETag, reason, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await renewal.CancelAsync().ConfigureAwait(false);
                await renewing.ConfigureAwait(false);
            }

            if (result is null || result.Succeeded)
            {
                await lease.DeleteAsync(cancellationToken).ConfigureAwait(false);
            }
            else if (received.DequeueCount >= _settings.PoisonThreshold)
            {
                await PoisonAsync(function, received, lease, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Log.Retrying(_logger, function.Definition.Name, message.ContainerName, message.BlobName, received.DequeueCount, _settings.PoisonThreshold);
                await _queue.Client.UpdateMessageAsync(received.MessageId, lease.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (MessageLease.IsTransient(exception) || exception is OperationCanceledException)
        {
            // The message stays hidden until its visibility timeout, then comes back: at least once, never lost.
            Log.ProcessingFailed(_logger, received.MessageId, exception.Message);
        }
    }

    /// <summary>Runs the function once on a blob's current version, outside receipts and retries (the admin API's blob run).</summary>
    /// <param name="path"><c>container/blob name</c>.</param>
    /// <returns>Null when the blob does not exist.</returns>
    public Task<InvocationResult?> RunOnceAsync(BlobFunction function, string path, CancellationToken cancellationToken)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == path.Length - 1)
        {
            throw new ArgumentException($"'{path}' is not container/blob", nameof(path));
        }

        return InvokeAsync(function, path[..slash], path[(slash + 1)..], expectedETag: null, "Admin API", cancellationToken);
    }

    /// <summary>Invokes the function for a blob, or returns null when the blob is gone or no longer has <paramref name="expectedETag"/>.</summary>
    private async Task<InvocationResult?> InvokeAsync(BlobFunction function, string containerName, string blobName, string? expectedETag, string reason,
        CancellationToken cancellationToken)
    {
        var blob = function.Account.Blobs.GetBlobContainerClient(containerName).GetBlobClient(blobName);
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            Log.BlobGone(_logger, function.Definition.Name, containerName, blobName);
            return null;
        }

        var currentETag = properties.ETag.ToString();
        if (expectedETag is not null && !string.Equals(BlobTriggerPoller.QuotedETag(currentETag), expectedETag, StringComparison.Ordinal))
        {
            Log.BlobChanged(_logger, function.Definition.Name, containerName, blobName, expectedETag, currentETag);
            return null;
        }

        // The worker downloads the blob itself from this reference (deferred binding), with the connection setting it resolves.
        var parameters = function.Pattern.Match(blobName) ?? new Dictionary<string, string>();
        var request = Invocations.ForBlob(function.Trigger.Name, function.Definition.Name, function.ConnectionName, containerName, blobName, blob.Uri,
            properties, [.. function.Pattern.Parameters.Where(parameters.ContainsKey).Select(p => KeyValuePair.Create(p, parameters[p]))], _time.GetUtcNow());
        return await _invoker.InvokeAsync(function.Definition, request, reason, cancellationToken).ConfigureAwait(false);
    }

    private async Task PoisonAsync(BlobFunction function, QueueMessage received, MessageLease lease, CancellationToken cancellationToken)
    {
        Log.Poisoned(_logger, function.Definition.Name, received.MessageId, _settings.PoisonThreshold, HostQueueNames.BlobTriggerPoison);
        await PoisonQueue.SendAsync(function.Account, received.Body.ToString(), cancellationToken).ConfigureAwait(false);
        await lease.DeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Failing(Exception exception)
    {
        if (!_failing)
        {
            _failing = true;
            Log.ReceiveFailed(_logger, exception.Message);
        }
    }

    private void Recovered()
    {
        if (_failing)
        {
            _failing = false;
            Log.ReceiveRecovered(_logger);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} failed on {Container}/{BlobName} (attempt {Attempt} of {Threshold}); retrying")]
        public static partial void Retrying(ILogger logger, string function, string container, string blobName, long attempt, int threshold);

        [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function}: message {MessageId} has reached the poison threshold of {Threshold}; moving it to queue '{PoisonQueue}'")]
        public static partial void Poisoned(ILogger logger, string function, string messageId, int threshold, string poisonQueue);

        [LoggerMessage(Level = LogLevel.Information, Message = "Function {Function}: blob {Container}/{BlobName} no longer exists; message dropped")]
        public static partial void BlobGone(ILogger logger, string function, string container, string blobName);

        [LoggerMessage(Level = LogLevel.Information, Message = "Function {Function}: blob {Container}/{BlobName} changed from {QueuedETag} to {CurrentETag}; the new version is triggered on its own")]
        public static partial void BlobChanged(ILogger logger, string function, string container, string blobName, string queuedETag, string currentETag);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} names no known blob function ({FunctionId}); deleted")]
        public static partial void UnknownMessage(ILogger logger, string messageId, string? functionId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} not settled, it comes back after its visibility timeout: {Reason}")]
        public static partial void ProcessingFailed(ILogger logger, string messageId, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the visibility of message {MessageId}: {Reason}")]
        public static partial void RenewFailed(ILogger logger, string messageId, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Blob trigger queue unreachable; retrying until it answers: {Reason}")]
        public static partial void ReceiveFailed(ILogger logger, string reason);

        [LoggerMessage(Level = LogLevel.Information, Message = "Blob trigger queue reachable again")]
        public static partial void ReceiveRecovered(ILogger logger);
    }
}
