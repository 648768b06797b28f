using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using ParServerless.DevHost.Worker;

namespace ParServerless.DevHost.Queues;

/// <summary>Settings of a queue trigger listener, from host.json <c>extensions.queues</c> and DevHost's options.</summary>
/// <param name="MaxDequeueCount">Deliveries of one message before it is poisoned (<c>maxDequeueCount</c>, default 5).</param>
/// <param name="BatchSize">Messages received at once (<c>batchSize</c>, at most 32).</param>
/// <param name="NewBatchThreshold">A new batch is fetched once at most this many invocations still run (<c>newBatchThreshold</c>).</param>
/// <param name="RetryDelay">How long a failed message stays invisible before its retry (<c>visibilityTimeout</c>, default 0).</param>
/// <param name="VisibilityTimeout">How long a received message stays hidden; renewed at half-time while the function runs, so it only matters after a crash.</param>
/// <param name="MaxPollingInterval">Longest sleep between two looks at an empty queue (<c>maxPollingInterval</c>).</param>
internal sealed record QueueListenerSettings(
    int MaxDequeueCount, int BatchSize, int NewBatchThreshold, TimeSpan RetryDelay, TimeSpan VisibilityTimeout, TimeSpan MaxPollingInterval);

/// <summary>
/// Listens to one queue-triggered function's queue as the host's queue listener does.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Receives up to <c>batchSize</c> messages, hidden for the visibility timeout (renewed while the function runs); fetches
/// again once no more than <c>newBatchThreshold</c> still run; backs off to <c>maxPollingInterval</c> on an empty or missing queue.</item>
/// <item>Success deletes the message. A failure (the function threw, timed out, or the worker was lost) makes it visible again after
/// <c>visibilityTimeout</c>; the delivery whose dequeue count reaches <c>maxDequeueCount</c> copies it to <c>{queue}-poison</c>
/// (created when missing) and deletes it.</item>
/// <item>A crash mid-invocation leaves the message hidden until its visibility timeout: it comes back with a higher dequeue count,
/// and one already past <c>maxDequeueCount</c> on receipt goes straight to poison, as in the host.</item>
/// </list>
/// </remarks>
internal sealed partial class QueueTriggerListener(
    QueueFunction function, FunctionInvoker invoker, QueueListenerSettings settings, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentDictionary<Task, bool> _running = new();
    private bool _failing;

    public QueueFunction Function => function;

    /// <summary>Receives and dispatches messages until <paramref name="stopping"/>; invocations in flight then finish under <paramref name="invocations"/>.</summary>
    public async Task RunAsync(CancellationToken stopping, CancellationToken invocations)
    {
        var delay = MinPollingInterval;
        var stopped = Task.Delay(Timeout.Infinite, stopping);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                if (_running.Count > settings.NewBatchThreshold)
                {
                    await Task.WhenAny(_running.Keys.Append(stopped)).ConfigureAwait(false);
                    continue;
                }

                QueueMessage[] messages;
                try
                {
                    messages = (await function.Queue.ReceiveMessagesAsync(Math.Min(32, settings.BatchSize), settings.VisibilityTimeout, stopping).ConfigureAwait(false)).Value;
                    Recovered();
                }
                catch (RequestFailedException exception) when (exception.ErrorCode == QueueErrorCode.QueueNotFound)
                {
                    messages = []; // as the host: a missing queue is an empty one
                }
                catch (Exception exception) when (!stopping.IsCancellationRequested && (MessageLease.IsTransient(exception) || exception is OperationCanceledException))
                {
                    Failing(exception);
                    messages = [];
                }

                if (messages.Length == 0)
                {
                    await Task.Delay(delay, time, stopping).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxPollingInterval.Ticks));
                    continue;
                }

                delay = MinPollingInterval;
                foreach (var message in messages)
                {
                    var task = Task.Run(() => ProcessAsync(message, invocations), CancellationToken.None);
                    _running[task] = true;
                    _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
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
        var lease = new MessageLease(function.Queue, received);
        try
        {
            if (received.DequeueCount > settings.MaxDequeueCount)
            {
                // Earlier deliveries ended in crashes that never reported a failure; the host poisons these on receipt.
                await PoisonAsync(received, lease, cancellationToken).ConfigureAwait(false);
                return;
            }

            using var renewal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var renewing = lease.KeepInvisibleAsync(settings.VisibilityTimeout, time, e => Log.RenewFailed(logger, lease.MessageId, e.Message), renewal.Token);
            InvocationResult result;
            try
            {
                var request = Invocations.ForQueue(function.Trigger.Name, function.Definition.Name, received, time.GetUtcNow());
                result = await invoker.InvokeAsync(function.Definition, request,
                    $"New queue message detected on '{function.QueueName}', dequeue count {received.DequeueCount}", cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await renewal.CancelAsync().ConfigureAwait(false);
                await renewing.ConfigureAwait(false);
            }

            if (result.Succeeded)
            {
                await lease.DeleteAsync(cancellationToken).ConfigureAwait(false);
            }
            else if (received.DequeueCount >= settings.MaxDequeueCount)
            {
                await PoisonAsync(received, lease, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Log.Retrying(logger, function.Definition.Name, received.MessageId, received.DequeueCount, settings.MaxDequeueCount, settings.RetryDelay);
                await function.Queue.UpdateMessageAsync(received.MessageId, lease.PopReceipt, visibilityTimeout: settings.RetryDelay, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (MessageLease.IsTransient(exception) || exception is OperationCanceledException)
        {
            // The message stays hidden until its visibility timeout, then comes back: at least once, never lost.
            Log.ProcessingFailed(logger, function.Definition.Name, received.MessageId, exception.Message);
        }
    }

    private async Task PoisonAsync(QueueMessage received, MessageLease lease, CancellationToken cancellationToken)
    {
        var poison = function.PoisonQueue;
        Log.Poisoned(logger, function.Definition.Name, received.MessageId, settings.MaxDequeueCount, poison.Name);
        try
        {
            await poison.SendMessageAsync(received.Body.ToString(), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.ErrorCode == QueueErrorCode.QueueNotFound)
        {
            await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await poison.SendMessageAsync(received.Body.ToString(), cancellationToken).ConfigureAwait(false);
        }

        await lease.DeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Failing(Exception exception)
    {
        if (!_failing)
        {
            _failing = true;
            Log.ReceiveFailed(logger, function.QueueName, exception.Message);
        }
    }

    private void Recovered()
    {
        if (_failing)
        {
            _failing = false;
            Log.ReceiveRecovered(logger, function.QueueName);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} failed on message {MessageId} (dequeue count {Attempt} of {MaxDequeueCount}); retrying after {RetryDelay}")]
        public static partial void Retrying(ILogger logger, string function, string messageId, long attempt, int maxDequeueCount, TimeSpan retryDelay);

        [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function}: message {MessageId} has reached MaxDequeueCount of {MaxDequeueCount}; moving it to queue '{PoisonQueue}'")]
        public static partial void Poisoned(ILogger logger, string function, string messageId, int maxDequeueCount, string poisonQueue);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function}: message {MessageId} not settled, it comes back after its visibility timeout: {Reason}")]
        public static partial void ProcessingFailed(ILogger logger, string function, string messageId, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the visibility of message {MessageId}: {Reason}")]
        public static partial void RenewFailed(ILogger logger, string messageId, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Queue '{Queue}' unreachable; retrying until it answers: {Reason}")]
        public static partial void ReceiveFailed(ILogger logger, string queue, string reason);

        [LoggerMessage(Level = LogLevel.Information, Message = "Queue '{Queue}' reachable again")]
        public static partial void ReceiveRecovered(ILogger logger, string queue);
    }
}
