using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using System.Text.Json.Nodes;
using ParServerless.Files.Tables;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;

namespace ParServerless.Files.Tests.Support;

/// <summary>An excel formula cell for corpus files: text, and the cached value (null when never calculated).</summary>
internal sealed record Formula(string Text, decimal? Cached);

/// <summary>A field written verbatim, unquoted and unescaped: CSV text or a JSON fragment as a corruption would leave it.
/// In xlsx it is a text cell.</summary>
internal sealed record Raw(string Text);

/// <summary>An Excel error or boolean cell, written with its type ("e" or "b").</summary>
internal sealed record Typed(string Type, string Value);

/// <summary>
/// A score file as a test writes it, independent of the library's template writer: metadata, columns and rows,
/// serialised to xlsx (hand-made SpreadsheetML), csv or json. Corpus cases mutate a valid one.
/// </summary>
internal sealed record Doc(Dictionary<string, string> Meta, List<Column> Columns, List<Dictionary<Column, object?>> Rows)
{
    /// <summary>A deep copy with a change: corpus cases share one valid doc.</summary>
    public Doc Also(Action<Doc> change)
    {
        var copy = new Doc(new(Meta), [.. Columns], Rows.Select(r => new Dictionary<Column, object?>(r)).ToList());
        change(copy);
        return copy;
    }

    public Dictionary<Column, object?> Row(string code, string? unit = null) =>
        Rows.First(r => (string?)r.GetValueOrDefault(Column.Code) == code && (unit is null || (string?)r.GetValueOrDefault(Column.Unit) == unit));

    public static Dictionary<string, string> MetaFor(FileKind kind, string? group, string? unit, int? round = null, int year = 2025)
    {
        var meta = new Dictionary<string, string>
        {
            ["schemeId"] = TestData.Scheme.Ref.Id, ["schemeVersion"] = TestData.Scheme.Ref.Version.ToString(CultureInfo.InvariantCulture),
            ["year"] = year.ToString(CultureInfo.InvariantCulture), ["kind"] = kind.ToString(),
        };
        if (group is not null) meta["group"] = group;
        if (unit is not null) meta["unit"] = unit;
        if (round is not null) meta["round"] = round.Value.ToString(CultureInfo.InvariantCulture);
        return meta;
    }

    /// <summary>A valid self-assessment: every node, headings without points, each appraised leaf at half its maximum.</summary>
    public static Doc SelfAssessment(Unit unit)
    {
        var rows = new List<Dictionary<Column, object?>>();
        foreach (var node in TestData.Scheme.Areas.SelectMany(a => a.SelfAndDescendants()))
        {
            var max = node.IsLeaf ? node.Leaf!.MaximumFor(unit.GroupCode) : node.MaximumFor(unit.GroupCode);
            if (max is null or 0) continue;
            var row = new Dictionary<Column, object?> { [Column.Code] = node.Code.Value, [Column.Name] = node.Name, [Column.Maximum] = max };
            if (node.IsLeaf && node.Leaf!.Method == ScoringMethod.Appraised)
            {
                row[Column.Points] = decimal.Round(max.Value / 2, 2);
                row[Column.Note] = "Đã thực hiện đầy đủ";
                row[Column.Evidence] = new[] { "QĐ số 12/QĐ-UBND", "Báo cáo 7/BC-STP" };
            }
            rows.Add(row);
        }
        return new Doc(MetaFor(FileKind.SelfAssessment, unit.GroupCode, unit.Code),
            [Column.Code, Column.Name, Column.Maximum, Column.Points, Column.Note, Column.Evidence], rows);
    }

    public static Doc Appraisal(IReadOnlyList<Unit> units, int round)
    {
        var rows = new List<Dictionary<Column, object?>>();
        foreach (var unit in units)
            foreach (var (leaf, max) in TestData.Scheme.LeavesFor(unit.GroupCode).Where(l => l.Node.Leaf!.Method == ScoringMethod.Appraised))
                rows.Add(new() { [Column.Unit] = unit.Code, [Column.Code] = leaf.Code.Value, [Column.Maximum] = max, [Column.Points] = decimal.Round(max * 0.8m, 2), [Column.Note] = "Đồng ý" });
        return new Doc(MetaFor(FileKind.Appraisal, units[0].GroupCode, null, round),
            [Column.Unit, Column.Code, Column.Maximum, Column.Points, Column.Note], rows);
    }

    public static Doc Explanation(Unit unit)
    {
        var rows = TestData.Scheme.LeavesFor(unit.GroupCode).Where(l => l.Node.Leaf!.Method == ScoringMethod.Appraised).Take(2)
            .Select(l => new Dictionary<Column, object?> { [Column.Code] = l.Node.Code.Value, [Column.Note] = "Bổ sung tài liệu", [Column.Evidence] = new[] { "CV 5/STP" } })
            .ToList();
        return new Doc(MetaFor(FileKind.Explanation, unit.GroupCode, unit.Code), [Column.Code, Column.Note, Column.Evidence], rows);
    }

    public static Doc Survey(IReadOnlyList<Unit> units)
    {
        var rows = new List<Dictionary<Column, object?>>();
        foreach (var unit in units)
            foreach (var (leaf, max) in TestData.Scheme.LeavesFor(unit.GroupCode).Where(l => l.Node.Leaf!.Method == ScoringMethod.Survey))
                rows.Add(new() { [Column.Unit] = unit.Code, [Column.Code] = leaf.Code.Value, [Column.Points] = decimal.Round(max * 0.75m, 2) });
        return new Doc(MetaFor(FileKind.Survey, units[0].GroupCode, null), [Column.Unit, Column.Code, Column.Points, Column.Percent], rows);
    }

    public static Doc BonusPenalty(IReadOnlyList<Unit> units)
    {
        var rows = new List<Dictionary<Column, object?>>();
        foreach (var unit in units)
        {
            rows.Add(new() { [Column.Unit] = unit.Code, [Column.Points] = 0.5m, [Column.Reason] = "Sáng kiến cải cách hành chính được công nhận" });
            rows.Add(new() { [Column.Unit] = unit.Code, [Column.Points] = -1m, [Column.Reason] = "Chậm báo cáo quý II" });
        }
        return new Doc(MetaFor(FileKind.BonusPenalty, units[0].GroupCode, null), [Column.Unit, Column.Points, Column.Reason], rows);
    }

    public static Doc Published()
    {
        var rows = new List<Dictionary<Column, object?>>
        {
            new() { [Column.UnitName] = "Văn phòng UBND tỉnh", [Column.Group] = "SO", [Column.Total] = 97.685m, [Column.Rank] = 1m, [Column.Band] = "Xuất sắc" },
            new() { [Column.UnitName] = "Sở Tư pháp", [Column.Unit] = "SO-TP", [Column.Group] = "SO", [Column.Total] = 87.187m, [Column.Rank] = 2m, [Column.Band] = "Tốt" },
            new() { [Column.UnitName] = "UBND thị xã Hương Trà", [Column.Group] = "HUYEN", [Column.Total] = 87.17m, [Column.Rank] = 1m, [Column.Band] = "Tốt" },
        };
        return new Doc(MetaFor(FileKind.PublishedResults, null, null, year: 2021),
            [Column.Unit, Column.UnitName, Column.Group, Column.Total, Column.Rank, Column.Band], rows);
    }

    // ---- serialisation ----

    public byte[] To(FileFormat format, bool decimalComma = true) => format switch
    {
        FileFormat.Xlsx => ToXlsx(),
        FileFormat.Csv => ToCsv(decimalComma ? ';' : ',', decimalComma),
        _ => ToJson(),
    };

    public byte[] ToXlsx(bool withMeta = true, int headerRow = 3)
    {
        var sheet = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        sheet.Append("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>PHIẾU THỬ</t></is></c></row>");
        AppendRow(sheet, headerRow, Columns.Select(c => (object?)Headers.Vietnamese(c, Kind)).ToList());
        var r = headerRow;
        foreach (var row in Rows) AppendRow(sheet, ++r, Columns.Select(c => row.GetValueOrDefault(c)).ToList());
        sheet.Append("</sheetData></worksheet>");
        var sheets = new List<(string, bool, string)> { ("Dữ liệu", false, sheet.ToString()) };
        if (withMeta)
        {
            var meta = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            var m = 0;
            foreach (var (k, v) in Meta) AppendRow(meta, ++m, [k, v]);
            meta.Append("</sheetData></worksheet>");
            sheets.Add(("_meta", true, meta.ToString()));
        }
        return RawXlsx.Build(sheets);
    }

    private FileKind Kind => Enum.TryParse<FileKind>(Meta.GetValueOrDefault("kind"), out var k) && k != FileKind.Invalid ? k : FileKind.SelfAssessment;

    private static void AppendRow(StringBuilder sb, int r, List<object?> values)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<row r=\"{r}\">");
        for (var i = 0; i < values.Count; i++)
        {
            var reference = Xlsx.SheetReader.ColumnLetters(i) + r.ToString(CultureInfo.InvariantCulture);
            switch (values[i])
            {
                case null: break;
                case decimal d: sb.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{d}</v></c>"); break;
                case Formula f:
                    sb.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><f>{SecurityElement.Escape(f.Text)}</f>");
                    if (f.Cached is { } cached) sb.Append(CultureInfo.InvariantCulture, $"<v>{cached}</v>");
                    sb.Append("</c>");
                    break;
                case Typed t: sb.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"{t.Type}\"><v>{t.Value}</v></c>"); break;
                default:
                    var text = values[i] switch { string[] list => string.Join('\n', list), Raw raw => raw.Text, var o => o!.ToString()! };
                    sb.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{SecurityElement.Escape(text)}</t></is></c>");
                    break;
            }
        }
        sb.Append("</row>");
    }

    public byte[] ToCsv(char sep = ';', bool decimalComma = true, bool bom = true)
    {
        var sb = new StringBuilder();
        foreach (var (k, v) in Meta) sb.Append('#').Append(k).Append('=').Append(v).Append('\n');
        sb.AppendJoin(sep, Columns.Select(c => Csv.Quote(Headers.Machine(c), sep))).Append('\n');
        foreach (var row in Rows)
            sb.AppendJoin(sep, Columns.Select(c => row.GetValueOrDefault(c) is Raw raw ? raw.Text : Csv.Quote(row.GetValueOrDefault(c) switch
            {
                null => "",
                decimal d => decimalComma ? d.ToString(CultureInfo.InvariantCulture).Replace('.', ',') : d.ToString(CultureInfo.InvariantCulture),
                string[] list => string.Join('\n', list),
                Formula f => "=" + f.Text,
                Typed t => t.Value,
                var o => o.ToString()!,
            }, sep))).Append('\n');
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        return bom ? [.. Encoding.UTF8.GetPreamble(), .. bytes] : bytes;
    }

    /// <summary>Marks a raw field through quoting: no field of a test file holds this character.</summary>
    private const string RawMark = "\u0001";

    public byte[] ToJson()
    {
        var root = new JsonObject();
        foreach (var (k, v) in Meta)
            root[k] = k is "schemeVersion" or "year" or "round" && int.TryParse(v, CultureInfo.InvariantCulture, out var i) ? JsonValue.Create(i) : JsonValue.Create(v);
        var rows = new JsonArray();
        foreach (var row in Rows)
        {
            var obj = new JsonObject();
            foreach (var c in Columns)
                obj[Headers.Machine(c)] = row.GetValueOrDefault(c) switch
                {
                    null => null,
                    decimal d => JsonValue.Create(d),
                    string[] list => new JsonArray(list.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
                    Formula f => JsonValue.Create("=" + f.Text),
                    Typed t => JsonValue.Create(t.Type == "b"),
                    Raw r => JsonValue.Create(RawMark + r.Text + RawMark),
                    var o => JsonValue.Create(o.ToString()),
                };
            rows.Add(obj);
        }
        root["rows"] = rows;
        var json = root.ToJsonString();
        // A raw fragment replaces its placeholder string, quotes and all, so it lands in the JSON unescaped.
        foreach (var raw in Rows.SelectMany(r => r.Values).OfType<Raw>())
        {
            var placeholder = System.Text.Json.JsonSerializer.Serialize(RawMark + raw.Text + RawMark);
            var at = json.IndexOf(placeholder, StringComparison.Ordinal);
            if (at >= 0) json = json[..at] + raw.Text + json[(at + placeholder.Length)..];
        }
        return Encoding.UTF8.GetBytes(json);
    }
}

/// <summary>Hand-made xlsx archives: any sheet XML, any extra entries, so corpus cases can hold what Excel would never write.</summary>
internal static class RawXlsx
{
    public static byte[] Build(IReadOnlyList<(string Name, bool Hidden, string Xml)> sheets, IEnumerable<(string Path, byte[] Bytes)>? extra = null,
        bool workbook = true)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, string text) => Add2(path, Encoding.UTF8.GetBytes(text));
            void Add2(string path, byte[] bytes)
            {
                using var s = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
                s.Write(bytes);
            }
            Add("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            if (workbook)
            {
                var wb = new StringBuilder("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
                var rels = new StringBuilder("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
                for (var i = 0; i < sheets.Count; i++)
                {
                    var (name, hidden, _) = sheets[i];
                    wb.Append(CultureInfo.InvariantCulture, $"<sheet name=\"{SecurityElement.Escape(name)}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"{(hidden ? " state=\"hidden\"" : "")}/>");
                    rels.Append(CultureInfo.InvariantCulture, $"<Relationship Id=\"rId{i + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>");
                }
                wb.Append("</sheets></workbook>");
                rels.Append("</Relationships>");
                Add("xl/workbook.xml", wb.ToString());
                Add("xl/_rels/workbook.xml.rels", rels.ToString());
            }
            for (var i = 0; i < sheets.Count; i++) Add($"xl/worksheets/sheet{i + 1}.xml", sheets[i].Xml);
            foreach (var (path, bytes) in extra ?? []) Add2(path, bytes);
        }
        return stream.ToArray();
    }
}
