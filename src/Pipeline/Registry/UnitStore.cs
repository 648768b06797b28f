using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using ParServerless.Pipeline.Storage;
using ParServerless.Scoring.History;
using ParServerless.Scoring.Units;

namespace ParServerless.Pipeline.Registry;

/// <summary>A unit registered for a year, with the earlier units it replaces (sáp nhập / đổi tên).</summary>
public sealed record UnitEntry(Unit Unit, IReadOnlyList<string> Predecessors);

/// <summary>
/// Units of a year in table <c>Units</c>: PartitionKey = year (D4), RowKey = unit code (escaped). One partition per year,
/// so a registration is a few ≤100-operation transactions.
/// </summary>
public sealed class UnitStore(StorageClients clients, StorageSetup setup)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<int, (int Version, IReadOnlyList<UnitEntry> Units)> _cache = new();

    private TableClient Table => clients.Table(StorageNames.Tables.Units);

    /// <summary>The year's units, from memory when <paramref name="version"/> (the year row's <see cref="YearRecord.UnitsVersion"/>) is the one cached.</summary>
    /// <remarks>Ingestion reads the year row anyway; this saves re-reading every unit for every file (1,000 units × 1,000 files).</remarks>
    public async Task<IReadOnlyList<UnitEntry>> ListAsync(int year, int version, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(year, out var cached) && cached.Version == version) return cached.Units;
        var units = await ListAsync(year, cancellationToken).ConfigureAwait(false);
        _cache[year] = (version, units);
        return units;
    }

    public async Task<IReadOnlyList<UnitEntry>> ListAsync(int year, CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var pk = Partition(year);
        var list = new List<UnitEntry>();
        // A string filter: a LINQ one compiles expression trees on first use (cold start, issue #14).
        await foreach (var e in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {pk}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(new UnitEntry(
                new Unit(KeyText.Unescape(e.RowKey), e.GetString("Name"), e.GetString("GroupCode"), e.GetBoolean("Ranked") ?? true),
                JsonSerializer.Deserialize<string[]>(e.GetString("Predecessors") ?? "[]", Json) ?? []));
        }
        return list.OrderBy(u => u.Unit.GroupCode, StringComparer.Ordinal).ThenBy(u => u.Unit.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>Makes the year's units exactly <paramref name="units"/>: upserts them and deletes the ones no longer listed.</summary>
    public async Task ReplaceAsync(int year, IReadOnlyList<UnitEntry> units, CancellationToken cancellationToken)
    {
        var existing = await ListAsync(year, cancellationToken).ConfigureAwait(false);
        var pk = Partition(year);
        var keep = units.Select(u => u.Unit.Code).ToHashSet(StringComparer.Ordinal);
        var actions = units.Select(u => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(pk, KeyText.Escape(u.Unit.Code))
            {
                ["Name"] = u.Unit.Name,
                ["GroupCode"] = u.Unit.GroupCode,
                ["Ranked"] = u.Unit.Ranked,
                ["Predecessors"] = JsonSerializer.Serialize(u.Predecessors, Json),
            }))
            .Concat(existing.Where(e => !keep.Contains(e.Unit.Code))
                .Select(e => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(pk, KeyText.Escape(e.Unit.Code)), Azure.ETag.All)))
            .ToList();
        await TableBatch.SubmitAsync(Table, actions, cancellationToken).ConfigureAwait(false);
    }

    public static PredecessorMap Predecessors(IEnumerable<UnitEntry> units) => new(
        units.Where(u => u.Predecessors.Count > 0).ToDictionary(u => u.Unit.Code, u => u.Predecessors, StringComparer.Ordinal));

    private static string Partition(int year) => year.ToString("D4", CultureInfo.InvariantCulture);
}
