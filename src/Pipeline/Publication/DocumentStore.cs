using ParServerless.Pipeline.Storage;

namespace ParServerless.Pipeline.Publication;

/// <summary>
/// Generated documents in the private <c>decisions</c> container, under <c>{year}/{inputSha256}/</c>: <c>decision.pdf</c>,
/// <c>decision.json</c>, <c>units/{unit}.pdf</c> (phiếu kết quả), <c>units/{unit}.json</c> (working sheet), and
/// <c>manifest.json</c> written last. Names come from the input hash and rendering is deterministic, so a replay finds the
/// same names holding the same bytes. Public routes read only the hash the year row says is published.
/// </summary>
public sealed class DocumentStore(StorageClients clients, StorageSetup setup)
{
    public const string DecisionPdf = "decision.pdf";
    public const string DecisionJson = "decision.json";
    public const string Manifest = "manifest.json";

    public static string UnitPdf(string unit) => $"units/{unit}.pdf";
    public static string UnitJson(string unit) => $"units/{unit}.json";

    private static string Name(int year, string sha256, string file) => FormattableString.Invariant($"{year}/{sha256}/{file}");

    public async Task<bool> ExistsAsync(int year, string sha256, CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var response = await clients.Container(StorageNames.AppContainers.Decisions).GetBlobClient(Name(year, sha256, Manifest))
            .ExistsAsync(cancellationToken).ConfigureAwait(false);
        return response.Value;
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
