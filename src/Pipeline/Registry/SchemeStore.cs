using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using ParServerless.Pipeline.Storage;
using ParServerless.Scoring.Problems;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Pipeline.Registry;

/// <summary>A registered scheme version (bộ tiêu chí).</summary>
public sealed record SchemeEntry(string Id, int Version, string Name, int FromYear, int ToYear, string Sha256, DateTimeOffset RegisteredAt);

/// <summary>
/// Scheme registry. A scheme version is immutable once registered: the JSON lives in blob <c>schemes/{id}/{version}.json</c>,
/// the row in table <c>Schemes</c> with PartitionKey = id, RowKey = version (D6). Re-registering identical JSON is a no-op;
/// different JSON under the same version is refused, because stored marks and results name the version that made them.
/// </summary>
public sealed class SchemeStore(StorageClients clients, StorageSetup setup, TimeProvider time)
{
    private readonly ConcurrentDictionary<SchemeRef, Scheme> _cache = new();

    private TableClient Table => clients.Table(StorageNames.Tables.Schemes);

    public static string BlobName(SchemeRef scheme) => FormattableString.Invariant($"{KeyText.Escape(scheme.Id)}/{scheme.Version}.json");

    /// <summary>Validates and registers a scheme. Returns the report; on errors nothing is written.</summary>
    public async Task<(Checked<Scheme> Result, bool Created)> PutAsync(string json, CancellationToken cancellationToken)
    {
        var result = SchemeJson.Load(json);
        if (!result.Accepted) return (result, false);
        var scheme = result.Value!;
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var canonical = SchemeJson.Save(scheme);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        var existing = await FindAsync(scheme.Ref.Id, scheme.Ref.Version, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            if (existing.Sha256 == sha) return (result, false);
            var bag = new ProblemBag();
            bag.Error("PAR-A020", Location.Whole,
                $"Bộ tiêu chí {scheme.Ref} đã được đăng ký với nội dung khác; hãy tăng số phiên bản (version).",
                $"Scheme {scheme.Ref} is already registered with different content; register it under a new version.");
            return (new Checked<Scheme>(null, bag.ToReport()), false);
        }
        await BlobWrites.CreateOnceAsync(clients.Container(StorageNames.AppContainers.Schemes), BlobName(scheme.Ref),
            BinaryData.FromString(canonical), "application/json", cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(scheme.Ref.Id, Row(scheme.Ref.Version))
        {
            ["Name"] = scheme.Name,
            ["FromYear"] = scheme.FromYear,
            ["ToYear"] = scheme.ToYear,
            ["Sha256"] = sha,
            ["RegisteredAt"] = time.GetUtcNow(),
        };
        try { await Table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false); }
        catch (RequestFailedException e) when (e.Status == 409) { /* a concurrent identical registration */ }
        _cache[scheme.Ref] = scheme;
        return (result, true);
    }

    public async Task<SchemeEntry?> FindAsync(string id, int version, CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(id, Row(version), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? ToEntry(row.Value!) : null;
    }

    public async Task<IReadOnlyList<SchemeEntry>> ListAsync(CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<SchemeEntry>();
        await foreach (var row in Table.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
            list.Add(ToEntry(row));
        return list;
    }

    /// <summary>Loads a registered scheme; null when it is not registered. Cached: versions never change.</summary>
    public async Task<Scheme?> GetAsync(SchemeRef scheme, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(scheme, out var cached)) return cached;
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var blob = await BlobWrites.ReadOrNullAsync(clients.Container(StorageNames.AppContainers.Schemes), BlobName(scheme), cancellationToken).ConfigureAwait(false);
        if (blob is null) return null;
        var loaded = SchemeJson.Load(blob.ToString());
        if (!loaded.Accepted)
            throw new InvalidOperationException($"Stored scheme {scheme} no longer loads: {loaded.Report.ToText()}");
        return _cache[scheme] = loaded.Value!;
    }

    private static string Row(int version) => version.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private static SchemeEntry ToEntry(TableEntity row) => new(
        row.PartitionKey, int.Parse(row.RowKey, System.Globalization.CultureInfo.InvariantCulture), row.GetString("Name"),
        row.GetInt32("FromYear") ?? 0, row.GetInt32("ToYear") ?? 0, row.GetString("Sha256"), row.GetDateTimeOffset("RegisteredAt") ?? default);
}
