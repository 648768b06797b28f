using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace ParServerless.DevHost.Blobs;

/// <summary>The host's queue names.</summary>
internal static class HostQueueNames
{
    /// <summary>Where poisoned blob trigger messages go, in the watched blob's account.</summary>
    public const string BlobTriggerPoison = "webjobs-blobtrigger-poison";

    /// <summary>The host's internal queue between blob detection and invocation, in the host storage.</summary>
    public static string BlobTrigger(string hostId) => "azure-webjobs-blobtrigger-" + hostId;
}

/// <summary>A queue that creates itself when missing, including after an in-memory emulator restarted empty.</summary>
internal sealed class SelfCreatingQueue(QueueClient queue)
{
    public QueueClient Client => queue;

    public Task<T> RunAsync<T>(Func<QueueClient, Task<T>> action, CancellationToken cancellationToken) =>
        RunCoreAsync(action, cancellationToken);

    private async Task<T> RunCoreAsync<T>(Func<QueueClient, Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action(queue).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.ErrorCode == QueueErrorCode.QueueNotFound)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return await action(queue).ConfigureAwait(false);
        }
    }
}

/// <summary>The poison queue <c>webjobs-blobtrigger-poison</c>: receives the original trigger message text, unchanged.</summary>
internal static class PoisonQueue
{
    public static Task SendAsync(StorageAccount watchedAccount, string messageText, CancellationToken cancellationToken)
    {
        var queue = new SelfCreatingQueue(watchedAccount.Queues.GetQueueClient(HostQueueNames.BlobTriggerPoison));
        return queue.RunAsync(q => q.SendMessageAsync(messageText, cancellationToken), cancellationToken);
    }
}
