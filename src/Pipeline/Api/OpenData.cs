using System.Globalization;
using System.Text;
using System.Text.Json;
using ParServerless.Files;
using ParServerless.Files.Xlsx;
using ParServerless.Pipeline.Publication;

namespace ParServerless.Pipeline.Api;

/// <summary>
/// Open-data export of a published year (dữ liệu mở), schema <c>par-open-data/1</c>, the same columns in CSV, JSON and XLSX:
/// year, group, unit_code, unit_name, self_total, appraised_points, survey_points, bonus, penalty, total, maximum, index, rank,
/// band, then one <c>area_{code}</c> index column per area. Numbers are unrounded, invariant (dot decimal) in CSV and JSON,
/// numeric cells in XLSX. CSV is UTF-8 with BOM (Excel opens Vietnamese correctly) and formula-neutralised text.
/// </summary>
public static class OpenData
{
    public const string SchemaVersion = "par-open-data/1";

    public static readonly string[] FixedColumns =
        ["year", "group", "unit_code", "unit_name", "self_total", "appraised_points", "survey_points", "bonus", "penalty", "total", "maximum", "index", "rank", "band"];

    public static IReadOnlyList<string> Columns(IReadOnlyList<ResultRow> rows) =>
        [.. FixedColumns, .. AreaCodes(rows).Select(c => "area_" + c)];

    private static List<string> AreaCodes(IReadOnlyList<ResultRow> rows) =>
        rows.SelectMany(r => r.AreaIndices.Keys).Distinct().OrderBy(c => c, StringComparer.Ordinal).ToList();

    private static IEnumerable<object?[]> Values(IReadOnlyList<ResultRow> rows)
    {
        var areas = AreaCodes(rows);
        foreach (var r in rows)
            yield return [r.Year, r.GroupCode, r.UnitCode, r.UnitName, r.SelfTotal, r.AppraisedPoints, r.SurveyPoints, r.Bonus, r.Penalty,
                r.Total, r.Maximum, r.Index, r.Rank, r.Band, .. areas.Select(a => r.AreaIndices.TryGetValue(a, out var v) ? (object?)v : null)];
    }

    public static byte[] Csv(IReadOnlyList<ResultRow> rows)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', Columns(rows)).Append("\r\n");
        foreach (var values in Values(rows))
            sb.AppendJoin(',', values.Select(v => v switch
            {
                null => "",
                decimal d => d.ToString(CultureInfo.InvariantCulture),
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
