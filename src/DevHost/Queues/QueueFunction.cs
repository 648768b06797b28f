using Azure.Storage.Queues;
using ParServerless.DevHost.Blobs;
using ParServerless.DevHost.Configuration;

namespace ParServerless.DevHost.Queues;

/// <summary>A queue-triggered function with its queue name resolved and its storage account connected.</summary>
internal sealed record QueueFunction(FunctionDefinition Definition, string QueueName, StorageAccount Account)
{
    public BindingDefinition Trigger => Definition.Trigger;

    public QueueClient Queue => Account.Queues.GetQueueClient(QueueName);

    /// <summary>The host's poison queue of a queue trigger: the queue's name with <c>-poison</c>, in the same account.</summary>
    public QueueClient PoisonQueue => Account.Queues.GetQueueClient(QueueName + "-poison");

    /// <summary>Resolves <c>%SETTING%</c> in the queue name and the <c>connection</c>, as the host does when it starts the listener.</summary>
    public static QueueFunction Create(FunctionDefinition definition, AppSettings settings, StorageAccounts accounts)
    {
        var trigger = definition.Trigger;
        if (string.IsNullOrWhiteSpace(trigger.QueueName))
        {
            throw new InvalidDataException($"{definition.Name}: a queueTrigger needs a \"queueName\"");
        }

        // Queue names are lowercase in Azure; the host lowercases %SETTING% values the same way.
        var name = settings.Resolve(trigger.QueueName).ToLowerInvariant();
        return new QueueFunction(definition, name, accounts.Get(settings.ResolveConnection(trigger.Connection)));
    }
}
