using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace ParServerless.DevHost.Queues;

/// <summary>
/// A received queue message held while a function runs, as the host holds it: its visibility is renewed at half the timeout
/// (each update replaces the pop receipt), and it is deleted once settled. Shared by the blob trigger's queue and queue triggers.
/// </summary>
internal sealed class MessageLease(QueueClient queue, QueueMessage message)
{
    public string MessageId { get; } = message.MessageId;

    /// <summary>The latest pop receipt: each visibility update replaces it.</summary>
    public string PopReceipt { get; private set; } = message.PopReceipt;

    /// <summary>Storage and network faults that a later poll or renewal may not meet again.</summary>
    public static bool IsTransient(Exception exception) =>
        exception is RequestFailedException or HttpRequestException or IOException or TimeoutException or AggregateException;

    public async Task DeleteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await queue.DeleteMessageAsync(MessageId, PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Its visibility ran out and another receiver took it: that receiver settles it.
        }
    }

    /// <summary>Keeps the message invisible until <paramref name="cancellationToken"/> is cancelled (the function finished).</summary>
    /// <param name="renewFailed">Told once when a renewal fails; the message then comes back when its visibility runs out.</param>
    public async Task KeepInvisibleAsync(TimeSpan visibilityTimeout, TimeProvider time, Action<Exception> renewFailed, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(visibilityTimeout / 2, time, cancellationToken).ConfigureAwait(false);
                var updated = await queue.UpdateMessageAsync(MessageId, PopReceipt, visibilityTimeout: visibilityTimeout,
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                PopReceipt = updated.Value.PopReceipt;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception exception) when (IsTransient(exception))
        {
            renewFailed(exception);
        }
    }
}
