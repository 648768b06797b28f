using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ParServerless.Files;
using ParServerless.Pipeline.Storage;
using ParServerless.Scoring.History;
using ParServerless.Scoring.Results;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Pipeline.Publication;

/// <summary>Which set of derived results a row belongs to.</summary>
public enum ResultStage
{
    Invalid = 0,
    /// <summary>Bản dự thảo: computed for Sở Nội vụ's preview; never public.</summary>
    Draft = 1,
    /// <summary>Đã công bố: frozen with the published Decision.</summary>
    Published = 2,
    /// <summary>An earlier year's table imported from a file, for year-over-year comparison.</summary>
    History = 3,
}

/// <summary>A unit's derived result as stored and served. Decimals are unrounded; the API adds display texts.</summary>
public sealed record ResultRow(
    int Year, string UnitCode, string UnitName, string GroupCode, string Status, decimal SelfTotal, decimal AppraisedPoints,
    decimal SurveyPoints, decimal Bonus, decimal Penalty, decimal Total, decimal Maximum, decimal Index, int? Rank, string? Band,
    IReadOnlyDictionary<string, decimal> AreaIndices, string Scheme, string InputSha256)
{
    /// <summary>Against the earlier year (so sánh với năm trước); null when no earlier results exist.</summary>
    public ResultChange? Change { get; init; }

    /// <summary>The head's rating (xếp loại người đứng đầu) by the scheme's rule; null when not rated.</summary>
    public HeadRating? HeadRating { get; init; }

    /// <summary>False for a unit scored but not ranked, whose head therefore gets no rating.</summary>
    public bool Ranked { get; init; } = true;

    /// <summary>Position in the Decision's appendix: groups in the scheme's order, then the group's rows as printed.</summary>
    public int Order { get; init; }
}

/// <summary>A unit's change against the earlier year, as stored and served (from <see cref="YearOverYearChange"/>).</summary>
/// <param name="Basis">None, SameUnit, Renamed or Merged.</param>
/// <param name="PreviousIndex">The earlier published score (tổng điểm / chỉ số, 100-point scale); a merged unit's is its predecessors' mean.</param>
/// <param name="PointsChange">Index − previous index, in points.</param>
/// <param name="RankChange">Previous rank − rank: −2 for a unit that fell from 1st to 3rd.</param>
public sealed record ResultChange(
    int PreviousYear, string Basis, decimal? PreviousIndex, int? PreviousRank, decimal? PointsChange, int? RankChange, IReadOnlyList<string> Predecessors)
{
    public static ResultChange Of(YearOverYearChange c) =>
        new(c.PreviousYear, c.Basis.ToString(), c.PreviousScore, c.PreviousRank, c.PointsChange, c.RankChange, c.Predecessors);
}

/// <summary>
/// Derived results in table <c>Results</c>: PartitionKey = <c>{year:D4}|{stage}</c> (draft, published, history),
/// RowKey = unit code (escaped; history rows use <c>row-{seq:D4}</c> because old tables may lack codes).
/// Rebuildable at any time from raw marks; a stage is replaced as a whole, stale rows deleted.
/// </summary>
public sealed class ResultStore(StorageClients clients, StorageSetup setup)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TableClient Table => clients.Table(StorageNames.Tables.Results);

    public static string Partition(int year, ResultStage stage) =>
        FormattableString.Invariant($"{year:D4}|{stage.ToString().ToLowerInvariant()}");

    /// <summary>Replaces a stage's rows with the standings' rows.</summary>
    public async Task SaveAsync(int year, ResultStage stage, IReadOnlyList<GroupStanding> standings, string inputSha256, CancellationToken cancellationToken)
    {
        var pk = Partition(year, stage);
        await ReplaceAsync(pk, RowsOf(year, standings, inputSha256).Select(r => ToEntity(pk, r)).ToList(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces a stage's rows with a computed year's rows: standings, year over year and heads' ratings.</summary>
    public async Task SaveAsync(ResultStage stage, YearResults computed, string inputSha256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(computed);
        var pk = Partition(computed.Year.Year, stage);
        await ReplaceAsync(pk, RowsOf(computed, inputSha256).Select(r => ToEntity(pk, r)).ToList(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The rows of a computed year, in the Decision's order, with their change against the earlier year and their heads' ratings.</summary>
    public static IReadOnlyList<ResultRow> RowsOf(YearResults computed, string inputSha256)
    {
        ArgumentNullException.ThrowIfNull(computed);
        var ranked = computed.Standings.SelectMany(s => s.Rows).ToDictionary(r => r.Result.Unit.Code, StringComparer.Ordinal);
        return RowsOf(computed.Year.Year, computed.Standings, inputSha256).Select(r =>
        {
            var row = ranked[r.UnitCode];
            return r with
            {
                Change = computed.Changes?.GetValueOrDefault(r.UnitCode) is { } c ? ResultChange.Of(c) : null,
                HeadRating = computed.Scheme.HeadRatingOf(r.GroupCode, row.Result.Unit.Ranked, row.Band, row.Result.Index),
            };
        }).ToList();
    }

    /// <summary>The rows of standings, as stored and served, in the standings' order (the Decision's).</summary>
    public static IReadOnlyList<ResultRow> RowsOf(int year, IReadOnlyList<GroupStanding> standings, string inputSha256) =>
        standings.SelectMany(s => s.Rows).Select(r => new ResultRow(
            year, r.Result.Unit.Code, r.Result.Unit.Name, r.Result.Unit.GroupCode, r.Result.Status.ToString(), r.Result.SelfTotal,
            r.Result.AppraisedPoints, r.Result.SurveyPoints, r.Result.Bonus, r.Result.Penalty, r.Result.Total, r.Result.Maximum,
            r.Result.Index, r.Rank, r.Band?.Name, r.Result.Areas.ToDictionary(a => a.Code.Value, a => a.Index, StringComparer.Ordinal),
            r.Result.Scheme.ToString(), inputSha256) { Ranked = r.Result.Unit.Ranked }).Select((r, i) => r with { Order = i }).ToList();

    public async Task<IReadOnlyList<ResultRow>> ListAsync(int year, ResultStage stage, string? group, CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var pk = Partition(year, stage);
        var list = new List<ResultRow>();
        await foreach (var e in Table.QueryAsync<TableEntity>(x => x.PartitionKey == pk, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var row = FromEntity(year, e);
            if (group is null || string.Equals(row.GroupCode, group, StringComparison.OrdinalIgnoreCase)) list.Add(row);
        }
        // The Decision's order, stored with each row; rows stored before it was kept have order 0 and fall back on group and rank.
        return list.OrderBy(r => r.Order).ThenBy(r => r.GroupCode, StringComparer.Ordinal).ThenBy(r => r.Rank ?? int.MaxValue)
            .ThenBy(r => r.UnitCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>Stores an earlier year's published table read from a file (kind 6), replacing any earlier import of that year.</summary>
    public async Task SaveHistoryAsync(int year, IReadOnlyList<PublishedRow> rows, string sha256, CancellationToken cancellationToken)
    {
        var pk = Partition(year, ResultStage.History);
        var entities = rows.Select((r, i) => new TableEntity(pk, HistoryRowKey(i))
        {
            ["UnitName"] = r.UnitName,
            ["UnitCode"] = r.UnitCode,
            ["GroupCode"] = r.GroupCode,
            ["Total"] = KeyText.Invariant(r.Total),
            ["Rank"] = r.Rank,
            ["Band"] = r.Band,
            ["Sha256"] = sha256,
        }).ToList();
        await ReplaceAsync(pk, entities, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Row key of an imported row: its position, since old tables may lack unit codes. Never <c>#</c>, which Table keys forbid
    /// (with it every import was refused, retried and poisoned).
    /// </summary>
    internal static string HistoryRowKey(int position) => FormattableString.Invariant($"row-{position:D4}");

    /// <summary>The table to compare <paramref name="year"/> with: our own published results of the year before, else an imported one.</summary>
    public async Task<IReadOnlyList<PublishedResult>> PreviousAsync(int year, CancellationToken cancellationToken)
    {
        var previous = year - 1;
        var own = await ListAsync(previous, ResultStage.Published, null, cancellationToken).ConfigureAwait(false);
        if (own.Count > 0)
            return own.Select(r => new PublishedResult(previous, r.UnitName, r.UnitCode, r.GroupCode, r.Index, r.Rank, r.Band)).ToList();
        var pk = Partition(previous, ResultStage.History);
        var list = new List<PublishedResult>();
        await foreach (var e in Table.QueryAsync<TableEntity>(x => x.PartitionKey == pk, cancellationToken: cancellationToken).ConfigureAwait(false))
            list.Add(new PublishedResult(previous, e.GetString("UnitName"), e.GetString("UnitCode"), e.GetString("GroupCode"),
                KeyText.ParseDecimal(e.GetString("Total")), e.GetInt32("Rank"), e.GetString("Band")));
        return list;
    }

    private async Task ReplaceAsync(string partition, List<TableEntity> entities, CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var keep = entities.Select(e => e.RowKey).ToHashSet(StringComparer.Ordinal);
        var stale = new List<TableTransactionAction>();
        await foreach (var e in Table.QueryAsync<TableEntity>(x => x.PartitionKey == partition, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            if (!keep.Contains(e.RowKey))
                stale.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, e.RowKey), ETag.All));
        var actions = entities.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).Concat(stale).ToList();
        await TableBatch.SubmitAsync(Table, actions, cancellationToken).ConfigureAwait(false);
    }

    private static TableEntity ToEntity(string partition, ResultRow r) => new(partition, KeyText.Escape(r.UnitCode))
    {
        ["UnitName"] = r.UnitName,
        ["GroupCode"] = r.GroupCode,
        ["Status"] = r.Status,
        ["SelfTotal"] = KeyText.Invariant(r.SelfTotal),
        ["AppraisedPoints"] = KeyText.Invariant(r.AppraisedPoints),
        ["SurveyPoints"] = KeyText.Invariant(r.SurveyPoints),
        ["Bonus"] = KeyText.Invariant(r.Bonus),
        ["Penalty"] = KeyText.Invariant(r.Penalty),
        ["Total"] = KeyText.Invariant(r.Total),
        ["Maximum"] = KeyText.Invariant(r.Maximum),
        ["Index"] = KeyText.Invariant(r.Index),
        ["Rank"] = r.Rank,
        ["Band"] = r.Band,
        ["AreaIndices"] = JsonSerializer.Serialize(r.AreaIndices.ToDictionary(p => p.Key, p => KeyText.Invariant(p.Value)), Json),
        ["Scheme"] = r.Scheme,
        ["InputSha256"] = r.InputSha256,
        ["Order"] = r.Order,
        ["Ranked"] = r.Ranked,
        ["HeadRating"] = r.HeadRating?.ToString(),
        ["PreviousYear"] = r.Change?.PreviousYear,
        ["Basis"] = r.Change?.Basis,
        ["PreviousIndex"] = KeyText.Invariant(r.Change?.PreviousIndex),
        ["PreviousRank"] = r.Change?.PreviousRank,
        ["PointsChange"] = KeyText.Invariant(r.Change?.PointsChange),
        ["RankChange"] = r.Change?.RankChange,
        ["Predecessors"] = r.Change is { Predecessors.Count: > 0 } c ? JsonSerializer.Serialize(c.Predecessors, Json) : null,
    };

    private static ResultRow FromEntity(int year, TableEntity e) => new(
        year, KeyText.Unescape(e.RowKey), e.GetString("UnitName"), e.GetString("GroupCode"), e.GetString("Status"),
        D(e, "SelfTotal"), D(e, "AppraisedPoints"), D(e, "SurveyPoints"), D(e, "Bonus"), D(e, "Penalty"), D(e, "Total"),
        D(e, "Maximum"), D(e, "Index"), e.GetInt32("Rank"), e.GetString("Band"),
        (JsonSerializer.Deserialize<Dictionary<string, string>>(e.GetString("AreaIndices") ?? "{}", Json) ?? [])
            .ToDictionary(p => p.Key, p => KeyText.ParseDecimal(p.Value), StringComparer.Ordinal),
        e.GetString("Scheme"), e.GetString("InputSha256"))
    {
        Order = e.GetInt32("Order") ?? 0,
        Ranked = e.GetBoolean("Ranked") ?? true,
        HeadRating = Enum.TryParse<HeadRating>(e.GetString("HeadRating"), out var h) && h != Scoring.Schemes.HeadRating.Invalid ? h : null,
        Change = e.GetInt32("PreviousYear") is { } py
            ? new ResultChange(py, e.GetString("Basis") ?? nameof(ComparisonBasis.None), KeyText.ParseDecimalOrNull(e.GetString("PreviousIndex")),
                e.GetInt32("PreviousRank"), KeyText.ParseDecimalOrNull(e.GetString("PointsChange")), e.GetInt32("RankChange"),
                JsonSerializer.Deserialize<string[]>(e.GetString("Predecessors") ?? "[]", Json) ?? [])
            : null,
    };

    private static decimal D(TableEntity e, string name) => KeyText.ParseDecimal(e.GetString(name) ?? "0");
}
