using Azure.Storage.Blobs;
using ParServerless.DevHost.Configuration;

namespace ParServerless.DevHost.Blobs;

/// <summary>A blob-triggered function with its path pattern resolved and its storage account connected.</summary>
/// <param name="ConnectionName">The connection setting's name, sent to the worker, which resolves it itself.</param>
internal sealed record BlobFunction(FunctionDefinition Definition, BlobPathPattern Pattern, StorageAccount Account, string ConnectionName)
{
    public BindingDefinition Trigger => Definition.Trigger;

    public BlobContainerClient Container => Account.Blobs.GetBlobContainerClient(Pattern.Container);

    /// <summary>Resolves <c>%SETTING%</c> in the path and the <c>connection</c> name, as the host does when it starts the listener.</summary>
    public static BlobFunction Create(FunctionDefinition definition, AppSettings settings, StorageAccounts accounts)
    {
        var trigger = definition.Trigger;
        if (string.IsNullOrWhiteSpace(trigger.Path))
        {
            throw new InvalidDataException($"{definition.Name}: a blobTrigger needs a \"path\"");
        }

        var pattern = BlobPathPattern.Parse(settings.Resolve(trigger.Path));
        var connectionName = string.IsNullOrWhiteSpace(trigger.Connection) ? AppSettings.HostStorage : settings.Resolve(trigger.Connection);
        return new BlobFunction(definition, pattern, accounts.Get(settings.ResolveConnection(trigger.Connection)), connectionName);
    }
}
