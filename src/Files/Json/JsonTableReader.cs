using System.Globalization;
using System.Text.Json;
using ParServerless.Files.Containers;
using ParServerless.Files.Tables;
using ParServerless.Scoring.Problems;
using static ParServerless.Files.FileProblemCodes;

namespace ParServerless.Files.Json;

/// <summary>
/// Reads the JSON form of a score file (docs/FILES.md): top-level metadata (schemeId, schemeVersion, year, group, unit, kind, round)
/// and a "rows" array whose objects use the CSV header keys (unit, code, points, percent, note, evidence, reason, unitName, group, total, rank, band).
/// </summary>
internal static class JsonTableReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = 16,
        CommentHandling = JsonCommentHandling.Skip, // reported by JsonPrescan first: a file with a comment never gets here
        AllowTrailingCommas = true,
    };

    private static readonly string[] MetaKeys = ["schemeId", "schemeVersion", "year", "group", "unit", "kind", "round"];

    public static RawTable? Read(ReadOnlyMemory<byte> bytes, ReadBudget budget, ProblemBag bag)
    {
        var limits = budget.Limits;
        if (bytes.Span.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        if (!System.Text.Unicode.Utf8.IsValid(bytes.Span))
        {
            bag.Error(Unreadable, Location.Whole,
                "Tệp JSON không được mã hóa UTF-8 hợp lệ.", "The JSON file is not valid UTF-8.");
            return null;
        }
        if (!JsonPrescan.Check(bytes.Span, Options.MaxDepth, limits.MaxCellsPerRow, bag)) return null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, Options);
        }
        catch (JsonException e)
        {
            bag.Error(Unreadable, new Location(Row: e.LineNumber is { } l ? (int)l + 1 : null),
                "Tệp không phải JSON hợp lệ (lỗi cú pháp ở dòng này).",
                "The file is not valid JSON (syntax error on this line).");
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                bag.Error(Unreadable, new Location(Field: "$"),
                    "Tệp JSON phải là một đối tượng {…} có mảng \"rows\".",
                    "The JSON file must be an object {…} with a \"rows\" array.");
                return null;
            }
            var table = new RawTable();
            // A column is present when some row has the property, even as null: the same rule as a CSV header.
            foreach (var key in MetaKeys)
            {
                if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) continue;
                table.HasMeta = true;
                var text = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString() ?? "",
                    JsonValueKind.Number => value.GetRawText(),
                    _ => "\u0000" + value.GetRawText(),
                };
                table.AddMeta(key, text, new Location(Field: key), bag);
            }
            if (!root.TryGetProperty("rows", out var rows) || rows.ValueKind != JsonValueKind.Array)
            {
                bag.Error(MissingColumn, new Location(Field: "rows"),
                    "Tệp JSON thiếu mảng \"rows\".", "The JSON file has no \"rows\" array.");
                return null;
            }
            var index = 0;
            foreach (var item in rows.EnumerateArray())
            {
                budget.Tick();
                var path = string.Create(CultureInfo.InvariantCulture, $"rows[{index}]");
                index++;
                if (item.ValueKind != JsonValueKind.Object)
                {
                    bag.Error(Unreadable, new Location(Field: path),
                        "Mỗi phần tử của \"rows\" phải là một đối tượng {…}.", "Each item of \"rows\" must be an object {…}.");
                    continue;
                }
                if (table.Rows.Count >= limits.MaxRows)
                {
                    bag.Error(TooManyRows, new Location(Field: path),
                        $"Tệp có quá {limits.MaxRows} dòng dữ liệu; hệ thống dừng đọc tại đây.",
                        $"The file has more than {limits.MaxRows} data rows; reading stopped here.");
                    break;
                }
                var row = new RawRow(new Location(Field: path));
                var named = new Dictionary<Column, string>();
                foreach (var property in item.EnumerateObject())
                {
                    var column = Headers.Recognise(property.Name);
                    var where = new Location(Field: path + "." + property.Name);
                    if (column == Column.None)
                    {
                        // A misspelt "poitns" would leave the row without its mark, read as blank: refused instead.
                        bag.Error(UnknownProperty, where,
                            $"Thuộc tính \"{property.Name}\" không phải là cột của tệp điểm (các cột: code, points, percent, note, evidence, unit, reason…).",
                            $"Property \"{property.Name}\" is not a column of a score file (columns: code, points, percent, note, evidence, unit, reason…).");
                        continue;
                    }
                    // "points" and "Điểm" are one column: two names for it in one row leave the mark unclear.
                    if (!named.TryAdd(column, property.Name))
                    {
                        if (named[column] != property.Name)
                            bag.Error(DuplicateKey, where,
                                $"Thuộc tính \"{property.Name}\" và \"{named[column]}\" cùng chỉ một cột ({Headers.Machine(column)}); không rõ giá trị nào đúng.",
                                $"Properties \"{property.Name}\" and \"{named[column]}\" name the same column ({Headers.Machine(column)}); which value counts is unclear.");
                        continue;
                    }
                    table.Columns.Add(column);
                    row[column] = Cell(property.Value, column, where, table, bag, budget);
                }
                if (!row.IsBlank) table.Rows.Add(row);
            }
            // With no row there is no column to miss: the file is reported as empty instead.
            if (table.Rows.Count == 0)
                foreach (var c in Enum.GetValues<Column>().Where(c => c != Column.None)) table.Columns.Add(c);
            return table;
        }
    }

    private static RawCell Cell(JsonElement value, Column column, Location where, RawTable table, ProblemBag bag, ReadBudget limits)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return value.TryGetDecimal(out var d)
                    ? new RawCell(CellKind.Number, d, null, where)
                    : new RawCell(CellKind.Other, 0, value.GetRawText(), where);
            case JsonValueKind.String:
                return new RawCell(CellKind.Text, 0, TableBuilder.Clean(value.GetString() ?? "", where, table, bag, limits), where);
            // Only evidence is a list; "points": [] is not a blank mark.
            case JsonValueKind.Array when column == Column.Evidence && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String):
                var joined = string.Join('\n', value.EnumerateArray().Select(e => e.GetString()));
                return new RawCell(CellKind.Text, 0, TableBuilder.Clean(joined, where, table, bag, limits), where);
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return new RawCell(CellKind.Empty, 0, null, where);
            default:
                return new RawCell(CellKind.Other, 0, value.GetRawText(), where);
        }
    }
}
