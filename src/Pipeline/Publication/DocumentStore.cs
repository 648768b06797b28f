using ParServerless.Pipeline.Storage;

namespace ParServerless.Pipeline.Publication;

/// <summary>
/// Generated documents in the private <c>decisions</c> container. Final documents (what is published and signed) are under
/// <c>{year}/{inputSha256}/</c>: <c>decision.pdf</c>, <c>decision-twin.pdf</c> (the same text labelled as the
/// machine-readable twin of the signed original), <c>decision.json</c>, <c>units/{unit}.pdf</c> (phiếu kết quả),
/// <c>units/{unit}.json</c> (working sheet), and <c>manifest.json</c> written last. Drafts (marked DỰ THẢO) are under
/// <c>{year}/{inputSha256}/draft/</c>. Names come from the input hash and the stage, and rendering is deterministic, so a
/// replay finds the same names holding the same bytes. Public routes read only the hash the year row says is published.
/// </summary>
public sealed class DocumentStore(StorageClients clients, StorageSetup setup)
{
    public const string DecisionPdf = "decision.pdf";
    public const string DecisionJson = "decision.json";
    public const string DecisionTwinPdf = "decision-twin.pdf";
    private const string DraftFolder = "draft/";
    public const string Manifest = "manifest.json";

    public static string UnitPdf(string unit) => $"units/{unit}.pdf";
    public static string UnitJson(string unit) => $"units/{unit}.json";

    /// <summary>The signed original of a year's Decision, named by its own SHA-256 (written once, never overwritten).</summary>
    public static string SignedName(int year, string sha256) => FormattableString.Invariant($"{year}/signed/{sha256}.pdf");

    public async Task WriteSignedAsync(int year, string sha256, byte[] content, CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await BlobWrites.CreateOnceAsync(clients.Container(StorageNames.AppContainers.Decisions), SignedName(year, sha256),
            BinaryData.FromBytes(content), "application/pdf", cancellationToken).ConfigureAwait(false);
    }

    public async Task<BinaryData?> ReadSignedAsync(int year, string sha256, CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await BlobWrites.ReadOrNullAsync(clients.Container(StorageNames.AppContainers.Decisions), SignedName(year, sha256), cancellationToken).ConfigureAwait(false);
    }

    private static string Name(int year, string sha256, string file) => FormattableString.Invariant($"{year}/{sha256}/{file}");

    /// <summary>A file of the draft documents (dự thảo) rather than the final ones.</summary>
    public static string Draft(string file) => DraftFolder + file;

    /// <summary>Whether the documents of this hash were all written (their manifest comes last), as drafts or as finals.</summary>
    public async Task<bool> ExistsAsync(int year, string sha256, bool draft, CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var response = await clients.Container(StorageNames.AppContainers.Decisions).GetBlobClient(Name(year, sha256, draft ? Draft(Manifest) : Manifest))
            .ExistsAsync(cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    /// <summary>Every document already written under a hash (drafts as <c>draft/…</c>), in one listing.</summary>
    public async Task<IReadOnlySet<string>> ListAsync(int year, string sha256, CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var prefix = Name(year, sha256, "");
        var names = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var item in clients.Container(StorageNames.AppContainers.Decisions)
            .GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
            names.Add(item.Name[prefix.Length..]);
        return names;
    }

    public async Task WriteAsync(int year, string sha256, string file, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await BlobWrites.CreateOnceAsync(clients.Container(StorageNames.AppContainers.Decisions), Name(year, sha256, file),
            BinaryData.FromBytes(content), contentType, cancellationToken).ConfigureAwait(false);
    }

    public async Task<BinaryData?> ReadAsync(int year, string sha256, string file, CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await BlobWrites.ReadOrNullAsync(clients.Container(StorageNames.AppContainers.Decisions), Name(year, sha256, file), cancellationToken).ConfigureAwait(false);
    }
}
