using System.Globalization;
using System.Text;
using System.Text.Json;
using ParServerless.Files;
using ParServerless.Files.Xlsx;
using ParServerless.Pipeline.Publication;
using ParServerless.Scoring.Formatting;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Pipeline.Api;

/// <summary>
/// Open-data export of a published year (dữ liệu mở), schema <c>par-open-data/2</c>, the same columns in CSV, JSON and XLSX
/// (docs/PIPELINE.md lists them): the result, the change against the earlier year, the head's rating, then one
/// <c>area_{code}</c> index column per area. Rows in the Decision's order: groups as the scheme lists them, units as printed.
/// </summary>
/// <remarks>
/// One format per column: a number column holds only numbers (or nothing), each the machine value of
/// <see cref="CanonicalNumber"/> (10 places at most, no trailing zeros, ASCII minus: <c>-2</c>), the same digits as the API and
/// decision.json; numeric cells in XLSX. A text column holds only text. CSV is UTF-8 with BOM (Excel opens Vietnamese
/// correctly), comma-separated, with formula-neutralised text.
/// </remarks>
public static class OpenData
{
    public const string SchemaVersion = "par-open-data/2";

    public static readonly string[] FixedColumns =
    [
        "year", "group", "unit_code", "unit_name", "self_total", "appraised_points", "survey_points", "bonus", "penalty", "total",
        "maximum", "index", "rank", "band", "ranked", "previous_year", "comparison", "previous_index", "previous_rank", "points_change",
        "rank_change", "head_rating_code", "head_rating",
    ];

    public static IReadOnlyList<string> Columns(IReadOnlyList<ResultRow> rows) =>
        [.. FixedColumns, .. AreaCodes(rows).Select(c => "area_" + c)];

    /// <summary>Rows in the Decision's order: the scheme's group order, then each group's rows as stored (rank order, as printed).</summary>
    public static IReadOnlyList<ResultRow> InDecisionOrder(IReadOnlyList<ResultRow> rows, Scheme scheme)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(scheme);
        var position = scheme.Groups.Select((g, i) => (g.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
        return rows.OrderBy(r => position.GetValueOrDefault(r.GroupCode, int.MaxValue)).ThenBy(r => r.Order)
            .ThenBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.UnitCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>Area codes in the scheme's numeric order (2 before 10).</summary>
    private static List<string> AreaCodes(IReadOnlyList<ResultRow> rows) =>
        rows.SelectMany(r => r.AreaIndices.Keys).Distinct().OrderBy(c => c.Length).ThenBy(c => c, StringComparer.Ordinal).ToList();

    private static IEnumerable<object?[]> Values(IReadOnlyList<ResultRow> rows)
    {
        var areas = AreaCodes(rows);
        foreach (var r in rows)
        {
            var c = r.Change;
            yield return
            [
                r.Year, r.GroupCode, r.UnitCode, r.UnitName, N(r.SelfTotal), N(r.AppraisedPoints), N(r.SurveyPoints), N(r.Bonus), N(r.Penalty),
                N(r.Total), N(r.Maximum), N(r.Index), r.Rank, r.Band, r.Ranked ? 1 : 0, c?.PreviousYear, c?.Basis, N(c?.PreviousIndex),
                c?.PreviousRank, N(c?.PointsChange), c?.RankChange,
                r.HeadRating is { } h ? HeadRatings.Code(h) : null, r.HeadRating is { } t ? HeadRatings.Text(t) : null,
                .. areas.Select(a => r.AreaIndices.TryGetValue(a, out var v) ? N(v) : null),
            ];
        }
    }

    private static object? N(decimal? value) => value is { } v ? CanonicalNumber.Of(v) : null;

    public static byte[] Csv(IReadOnlyList<ResultRow> rows)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', Columns(rows)).Append("\r\n");
        foreach (var values in Values(rows))
            sb.AppendJoin(',', values.Select(v => v switch
            {
                null => "",
                decimal d => CanonicalNumber.Text(d),
                int i => i.ToString(CultureInfo.InvariantCulture),
                string s => CsvSafe.Field(s, ','),
                _ => Convert.ToString(v, CultureInfo.InvariantCulture),
            })).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    public static byte[] Json(IReadOnlyList<ResultRow> rows, JsonSerializerOptions options)
    {
        var columns = Columns(rows);
        var records = Values(rows).Select(v => columns.Zip(v).ToDictionary(p => p.First, p => p.Second)).ToList();
        return JsonSerializer.SerializeToUtf8Bytes(new { schema = SchemaVersion, columns, rows = records }, options);
    }

    /// <summary>Sheet <c>KetQua</c>: byte-identical for the same rows in any process (<see cref="TableWorkbook"/>).</summary>
    public static byte[] Xlsx(IReadOnlyList<ResultRow> rows) =>
        TableWorkbook.Write("KetQua", Columns(rows), Values(rows).Select(v => (IReadOnlyList<object?>)v.Select(x => x is string s ? CsvSafe.Neutralise(s) : x).ToArray()));
}
