using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ParServerless.Pipeline.Storage;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Pipeline.Ingestion;

/// <summary>Where a unit's current marks of one source came from.</summary>
public sealed record MarkHead(string UnitCode, MarkSource Source, string Sha256, DateTimeOffset UploadedAt, string Container, string BlobName);

/// <summary>
/// Raw marks, the source of truth, in table <c>Marks</c>. PartitionKey = <c>{year:D4}|{unit}</c>, so each unit's marks
/// are one partition and one file's rows for a unit are a few ≤100-operation transactions. RowKeys:
/// <list type="bullet">
/// <item><c>S{source}|{sha256}|L|{seq:D4}</c>: one leaf mark of the upload with that hash (Criterion, Points as an invariant string, Note, Evidence);</item>
/// <item><c>S{source}|{sha256}|A|{seq:D4}</c>: one bonus/penalty line (Points, Reason);</item>
/// <item><c>S{source}|head</c>: which upload's rows count now.</item>
/// </list>
/// Every upload's rows stay (history); the head moves to the newest upload (by upload time, then hash) with an ETag-guarded
/// write, so a late redelivery of an older file never wins and two writers cannot both think they won.
/// </summary>
public sealed class MarkStore(StorageClients clients, StorageSetup setup, UploadStore uploads)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TableClient Table => clients.Table(StorageNames.Tables.Marks);

    public static string Partition(int year, string unit) => FormattableString.Invariant($"{year:D4}|{KeyText.Escape(unit)}");

    private static string Prefix(MarkSource source, string sha) => FormattableString.Invariant($"S{(int)source}|{sha}|");

    private static string HeadKey(MarkSource source) => FormattableString.Invariant($"S{(int)source}|head");

    /// <summary>Records one sheet of an upload and makes it current unless a newer upload already is.</summary>
    /// <remarks>
    /// Round trips: the rows and the head share the unit's partition, so the head travels in the rows' last transaction. A
    /// first upload of its unit and source is <b>one</b> call (for up to 99 rows), rows and head atomic together. When a head
    /// exists, that transaction fails as a whole on the head's insert (409); the head is read and the last rows go again with
    /// the head replaced on its ETag, or without it when the stored upload is newer: three calls.
    /// </remarks>
    /// <returns>True when this upload is now the current one for the unit and source.</returns>
    public async Task<bool> RecordAsync(MarkSheet sheet, string sha256, DateTimeOffset uploadedAt, string container, string blobName, CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var pk = Partition(sheet.Year, sheet.UnitCode);
        var head = new TableEntity(pk, HeadKey(sheet.Source))
        {
            ["Sha256"] = sha256,
            ["UploadedAt"] = uploadedAt,
            ["Container"] = container,
            ["BlobName"] = blobName,
            ["SchemeId"] = sheet.Scheme.Id,
            ["SchemeVersion"] = sheet.Scheme.Version,
            ["Leaves"] = sheet.Leaves.Count,
            ["Adjustments"] = sheet.Adjustments.Count,
        };
        var rows = Rows(sheet, sha256).Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList();
        // Rows first: they are invisible until the head points at their hash, so a crash between chunks leaves nothing half-visible.
        // The last chunk carries the head (most uploads are the first of their unit and source: try the insert before reading).
        var chunks = TableBatch.Chunks([.. rows, new TableTransactionAction(TableTransactionActionType.Add, head)]).ToList();
        foreach (var chunk in chunks[..^1])
            await Table.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
        var last = chunks[^1][..^1];
        try
        {
            await Table.SubmitTransactionAsync(chunks[^1], cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Upserts never conflict: the head exists (an earlier upload, or this one delivered again). Compare below.
        }
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var current = await Table.GetEntityIfExistsAsync<TableEntity>(pk, head.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            try
            {
                if (!current.HasValue)
                {
                    await Table.SubmitTransactionAsync([.. last, new TableTransactionAction(TableTransactionActionType.Add, head)], cancellationToken).ConfigureAwait(false);
                    return true;
                }
                var existing = current.Value!;
                var wins = existing.GetString("Sha256") != sha256
                           && IsNewer(uploadedAt, sha256, existing.GetDateTimeOffset("UploadedAt") ?? default, existing.GetString("Sha256"));
                TableTransactionAction[] actions = wins ? [.. last, new TableTransactionAction(TableTransactionActionType.UpdateReplace, head, existing.ETag)] : last;
                await TableBatch.SubmitAsync(Table, actions, cancellationToken).ConfigureAwait(false);
                return wins || existing.GetString("Sha256") == sha256;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another upload for the same unit and source moved the head: read it again and compare.
            }
        }
        throw new InvalidOperationException($"The marks head of {pk} kept changing under 10 attempts.");
    }

    /// <summary>The rows of one sheet of an upload, as <see cref="RecordAsync"/> writes them (the head aside).</summary>
    private static IEnumerable<TableEntity> Rows(MarkSheet sheet, string sha256)
    {
        var pk = Partition(sheet.Year, sheet.UnitCode);
        var prefix = Prefix(sheet.Source, sha256);
        for (var i = 0; i < sheet.Leaves.Count; i++)
        {
            var leaf = sheet.Leaves[i];
            yield return new TableEntity(pk, FormattableString.Invariant($"{prefix}L|{i:D4}"))
            {
                ["Criterion"] = leaf.Criterion.Value,
                ["Points"] = KeyText.Invariant(leaf.Points),
                ["Note"] = leaf.Note,
                ["Evidence"] = leaf.Evidence.Count == 0 ? null : JsonSerializer.Serialize(leaf.Evidence, Json),
            };
        }
        for (var i = 0; i < sheet.Adjustments.Count; i++)
        {
            var adjustment = sheet.Adjustments[i];
            yield return new TableEntity(pk, FormattableString.Invariant($"{prefix}A|{i:D4}"))
            {
                ["Points"] = KeyText.Invariant(adjustment.Points),
                ["Reason"] = adjustment.Reason,
            };
        }
    }

    /// <summary>
    /// Whether storage would refuse a row of the sheet whatever the retry (a value above 64 KiB, a row above 1 MiB, a key
    /// above 1 KiB): checked before anything is written, so such a file is a coded rejection (PAR-I008), never a poison message.
    /// </summary>
    /// <returns>Null when every row fits, else the first limit broken.</returns>
    public static string? StorageProblem(MarkSheet sheet, string sha256)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        if (StorageLimits.KeyBytes(Partition(sheet.Year, sheet.UnitCode)) > StorageLimits.MaxKeyBytes) return $"unit code {sheet.UnitCode.Length} characters";
        foreach (var row in Rows(sheet, sha256))
            if (StorageLimits.Problem(row) is { } problem) return problem;
        return null;
    }

    private static bool IsNewer(DateTimeOffset at, string sha, DateTimeOffset currentAt, string currentSha) =>
        at > currentAt || at == currentAt && string.CompareOrdinal(sha, currentSha) > 0;

    /// <summary>Most range queries a year's marks are read with at once. <value>8.</value></summary>
    /// <remarks>
    /// A range query's pages are strictly sequential (continuation tokens, 1,000 rows a page), so a 4,500-unit year (99,000 rows
    /// at 22 leaves a unit and one source, more with several sources) read as one range is 100 or more round trips in a row;
    /// eight ranges make it about an eighth each, overlapped. More bought nothing measurable on Azurite (16 and 32 ranges read
    /// as fast as 8: docs/BENCHMARKS.md), and eight requests stay well within the storage client's connection pool and the
    /// account's request-rate target.
    /// </remarks>
    internal const int MaxParallelRanges = 8;

    /// <summary>Fewest registered units a range is cut for. <value>100 units (2,000–4,000 rows, two to four pages, at 22–40 leaves a unit).</value></summary>
    /// <remarks>A small year is one query: another query would cost a round trip (and, in Azurite, a scan of the whole table)
    /// to save less than that.</remarks>
    internal const int MinUnitsPerRange = 100;

    /// <summary>The current mark sheets of every unit of a year, by unit code, read as one range query.</summary>
    /// <remarks>The same read and audit rule as <see cref="CurrentAsync(int, IEnumerable{string}, CancellationToken)"/> without
    /// unit codes to cut at: for callers that do not hold the year's units and read small years.</remarks>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<MarkSheet>>> CurrentAsync(int year, CancellationToken cancellationToken) =>
        CurrentAsync(year, [], cancellationToken);

    /// <summary>
    /// The current mark sheets of every unit of a year, by unit code (in PartitionKey order), read as up to
    /// <see cref="MaxParallelRanges"/> disjoint PartitionKey ranges at once, cut at the partitions of <paramref name="unitCodes"/>.
    /// </summary>
    /// <remarks>
    /// <b>No marks count without their audit row</b>: a head naming an upload whose status row (Uploads, outcome Accepted) is
    /// missing (the ingestion failed after moving the head and before its last write) does not count until a redelivery
    /// completes it. The ranges cover the year's whole key space (<see cref="KeyRanges"/>), so a unit missing from
    /// <paramref name="unitCodes"/> is read all the same, exactly once; the codes only decide where the ranges are cut.
    /// </remarks>
    /// <param name="unitCodes">The year's registered unit codes (hints, any order); empty reads the year as one range.</param>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<MarkSheet>>> CurrentAsync(int year, IEnumerable<string> unitCodes, CancellationToken cancellationToken) =>
        CurrentAsync(year, unitCodes, MaxParallelRanges, MinUnitsPerRange, cancellationToken);

    /// <summary>The read with its cutting settings given (tests cut a small year into many ranges).</summary>
    internal async Task<IReadOnlyDictionary<string, IReadOnlyList<MarkSheet>>> CurrentAsync(
        int year, IEnumerable<string> unitCodes, int maxRanges, int minUnitsPerRange, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unitCodes);
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var ranges = KeyRanges.Cut(FormattableString.Invariant($"{year:D4}|"), FormattableString.Invariant($"{year:D4}}}"),
            unitCodes.Select(code => Partition(year, code)), maxRanges, minUnitsPerRange);
        // The audit rows and every range at once: none depends on another.
        var auditRead = uploads.AcceptedKeysAsync(year, cancellationToken);
        var reads = ranges.Select(r => ReadRangeAsync(r, cancellationToken)).ToList();
        await Task.WhenAll(reads.Append<Task>(auditRead)).ConfigureAwait(false);
        var audited = await auditRead.ConfigureAwait(false);
        var result = new Dictionary<string, IReadOnlyList<MarkSheet>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Ranges in key order, each in the server's key order: the same order as one range query.
        foreach (var read in reads)
        {
            foreach (var (pk, rows) in await read.ConfigureAwait(false))
            {
                // Disjoint ranges cannot both hold a partition; if they did, a unit's marks would be read twice (a bug, not data).
                if (!seen.Add(pk)) throw new InvalidOperationException($"Partition {pk} was read by two ranges of {year}.");
                var unit = KeyText.Unescape(pk[(pk.IndexOf('|', StringComparison.Ordinal) + 1)..]);
                result[unit] = SheetsOf(year, unit, rows, audited);
            }
        }
        return result;
    }

    /// <summary>The rows of one range, by partition, in the order the server returned them.</summary>
    private async Task<Dictionary<string, List<TableEntity>>> ReadRangeAsync(KeyRange range, CancellationToken cancellationToken)
    {
        var byPartition = new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal);
        await foreach (var e in Table.QueryAsync<TableEntity>(range.Filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!byPartition.TryGetValue(e.PartitionKey, out var list)) byPartition[e.PartitionKey] = list = [];
            list.Add(e);
        }
        return byPartition;
    }

    /// <summary>The heads of one unit: which upload counts for each source.</summary>
    public async Task<IReadOnlyList<MarkHead>> HeadsAsync(int year, string unit, CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var pk = Partition(year, unit);
        var heads = new List<MarkHead>();
        await foreach (var e in Table.QueryAsync<TableEntity>(x => x.PartitionKey == pk, cancellationToken: cancellationToken).ConfigureAwait(false))
            if (e.RowKey.EndsWith("|head", StringComparison.Ordinal))
                heads.Add(ToHead(unit, e));
        return heads;
    }

    private static MarkHead ToHead(string unit, TableEntity e) => new(
        unit, (MarkSource)int.Parse(e.RowKey[1..e.RowKey.IndexOf('|', StringComparison.Ordinal)], CultureInfo.InvariantCulture),
        e.GetString("Sha256"), e.GetDateTimeOffset("UploadedAt") ?? default, e.GetString("Container"), e.GetString("BlobName"));

    private static List<MarkSheet> SheetsOf(int year, string unit, List<TableEntity> rows, IReadOnlySet<string> audited)
    {
        var sheets = new List<MarkSheet>();
        foreach (var head in rows.Where(r => r.RowKey.EndsWith("|head", StringComparison.Ordinal)))
        {
            var h = ToHead(unit, head);
            if (!audited.Contains(UploadStore.RowKey(h.Container, h.BlobName, h.Sha256))) continue;
            var prefix = Prefix(h.Source, h.Sha256);
            var mine = rows.Where(r => r.RowKey.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(r => r.RowKey, StringComparer.Ordinal).ToList();
            // Only the first Leaves/Adjustments rows count: the same bytes read again under a changed scheme could have left more.
            int Seq(TableEntity r) => int.Parse(r.RowKey.AsSpan(prefix.Length + 2), CultureInfo.InvariantCulture);
            var leafCount = head.GetInt32("Leaves") ?? -1;
            var adjustmentCount = head.GetInt32("Adjustments") ?? -1;
            var leaves = mine.Where(r => r.RowKey[prefix.Length] == 'L' && Seq(r) < leafCount).Select(r => new LeafMark(
                new CriterionCode(r.GetString("Criterion")),
                KeyText.ParseDecimalOrNull(r.GetString("Points")),
                r.GetString("Note"),
                r.GetString("Evidence") is { } ev ? JsonSerializer.Deserialize<string[]>(ev, Json) ?? [] : [])).ToList();
            var adjustments = mine.Where(r => r.RowKey[prefix.Length] == 'A' && Seq(r) < adjustmentCount).Select(r => new Adjustment(
                KeyText.ParseDecimal(r.GetString("Points")), r.GetString("Reason"))).ToList();
            if (leaves.Count != leafCount || adjustments.Count != adjustmentCount)
                throw new InvalidOperationException($"Marks of {unit} {h.Source} {h.Sha256} are incomplete: the head was written before its rows.");
            sheets.Add(new MarkSheet(new SchemeRef(head.GetString("SchemeId"), head.GetInt32("SchemeVersion") ?? 0), year, unit, h.Source, leaves, adjustments));
        }
        return sheets.OrderBy(s => s.Source).ToList();
    }
}
