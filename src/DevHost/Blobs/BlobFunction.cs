using Azure.Storage.Blobs;
using ParServerless.DevHost.Configuration;

namespace ParServerless.DevHost.Blobs;

/// <summary>A blob-triggered function with its path pattern resolved and its storage account connected.</summary>
internal sealed record BlobFunction(FunctionDefinition Definition, BlobPathPattern Pattern, StorageAccount Account)
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
        return new BlobFunction(definition, pattern, accounts.Get(settings.ResolveConnection(trigger.Connection)));
    }
}
