using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using ParServerless.Scoring.Units;
using ParServerless.Testing.Azurite;

namespace ParServerless.Bench.Pipeline;

/// <summary>
/// The ingestion baseline: the raw storage work the same submissions need, 4 at a time (host.json's blobs maxDegreeOfParallelism):
/// read each blob and write its marks and status rows in transactions of one partition. It runs on a fresh Azurite of its own, as
/// the pipeline does on its own: Azurite slows as it fills, so sharing one instance would favour whichever runs first.
/// </summary>
internal static class RawStorage
{
    public static async Task<double> MeasureAsync(IReadOnlyList<Unit> units, IReadOnlyDictionary<string, byte[]> files, int year, int leaves)
    {
        await using var azurite = await AzuriteInstance.StartInMemoryAsync();
        var container = new BlobContainerClient(azurite.ConnectionString, "rawbench");
        await container.CreateIfNotExistsAsync();
        await Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (u, ct) =>
            await container.GetBlobClient($"{year}/{u.Code}/tu-danh-gia.xlsx").UploadAsync(new BinaryData(files[u.Code]), overwrite: true, ct));
        var table = new TableClient(azurite.ConnectionString, "BenchRaw");
        await table.CreateIfNotExistsAsync();
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (u, ct) =>
        {
            var content = (await container.GetBlobClient($"{year}/{u.Code}/tu-danh-gia.xlsx").DownloadContentAsync(ct)).Value.Content;
            var pk = $"raw|{year}|{u.Code}";
            var marks = Enumerable.Range(0, leaves).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity(pk, $"S1|x|L|{i:D4}") { ["Criterion"] = "1.1", ["Points"] = "1.5", ["Note"] = null })).ToList();
            foreach (var chunk in marks.Chunk(100)) await table.SubmitTransactionAsync(chunk, ct);
            await table.UpsertEntityAsync(new TableEntity(pk, "S1|head") { ["Sha256"] = content.Length.ToString(CultureInfo.InvariantCulture) }, cancellationToken: ct);
            await table.UpsertEntityAsync(new TableEntity($"raw|{year}", u.Code) { ["Outcome"] = "Accepted" }, cancellationToken: ct);
        });
        return watch.Elapsed.TotalSeconds;
    }
}
