using Azure;
using Microsoft.Extensions.Configuration;

namespace ParServerless.Pipeline.Storage;

/// <summary>
/// Creates the app's containers and tables on first use. In Azure, infra/ creates them and says so
/// (<see cref="StorageNames.Settings.StorageProvisioned"/>), and no create call is made; locally and in tests this makes a fresh
/// Azurite usable. Start-up never waits on storage (the host's readiness check has 30 s), so this runs lazily, once, and again
/// after a failure.
/// </summary>
/// <param name="clients">The app's storage clients.</param>
/// <param name="provisioned">Every container and table already exists: <see cref="EnsureAsync"/> does nothing.</param>
public sealed class StorageSetup(StorageClients clients, bool provisioned = false)
{
    private readonly Lock _lock = new();
    private Task? _setup;

    /// <summary>Whether the settings say infra has created every container, table and queue.</summary>
    public static bool IsProvisioned(IConfiguration configuration) =>
        bool.TryParse(configuration[StorageNames.Settings.StorageProvisioned], out var provisioned) && provisioned;

    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (provisioned) return Task.CompletedTask;
        lock (_lock)
        {
            if (_setup is null || _setup.IsFaulted || _setup.IsCanceled) _setup = CreateAsync();
            return _setup.IsCompletedSuccessfully ? Task.CompletedTask : _setup.WaitAsync(cancellationToken);
        }
    }

    private Task CreateAsync() =>
        // Not the caller's token: one caller giving up must not fail the setup others wait on. All at once, not one after
        // another: each is a round trip, and the first storage-backed answer of a new instance waits for them.
        Task.WhenAll(StorageNames.Uploads.All.Concat(StorageNames.AppContainers.All)
            .Select(name => (Task)clients.Container(name).CreateIfNotExistsAsync())
            .Concat(StorageNames.Tables.All.Select(CreateTableAsync)));

    private async Task CreateTableAsync(string name)
    {
        try { await clients.Tables.CreateTableIfNotExistsAsync(name).ConfigureAwait(false); }
        catch (RequestFailedException e) when (e.Status == 409) { /* created concurrently */ }
    }
}
