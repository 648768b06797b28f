using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ParServerless.Files.Tables;
using Column = ParServerless.Files.Tables.Column;
using Headers = ParServerless.Files.Tables.Headers;

namespace ParServerless.Files.Tests.Support;

/// <summary>A template line a test fills: its unit and code as printed, and its index among the unit's free lines.</summary>
internal sealed record TemplateLine(string? Unit, string? Code, int FreeIndex);

/// <summary>Fills a generated template the way a person (xlsx) or a client (csv/json) would: only the editable columns.</summary>
/// <remarks>Values are decimal (a number), string (text), or string[] (evidence, one per line).</remarks>
internal static class TemplateFiller
{
    public delegate IReadOnlyDictionary<Column, object?>? Values(TemplateLine line);

    public static byte[] Fill(FileFormat format, byte[] template, Values values, bool decimalComma = true) => format switch
    {
        FileFormat.Xlsx => FillXlsx(template, values),
        FileFormat.Csv => FillCsv(template, values, decimalComma),
        FileFormat.Json => FillJson(template, values),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    private static byte[] FillXlsx(byte[] template, Values values)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var doc = SpreadsheetDocument.Open(stream, true))
        {
            var wb = doc.WorkbookPart!;
            var strings = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
            var sheet = wb.Workbook.Sheets!.Elements<Sheet>().First();
            var part = (WorksheetPart)wb.GetPartById(sheet.Id!);
            var rows = part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
            var header = rows.First(r => r.RowIndex! == Templates.XlsxTemplateWriter.HeaderRow);
            var columns = header.Elements<Cell>().ToDictionary(c => Letters(c.CellReference!), c => Headers.Recognise(Text(c, strings)));
            var free = new Dictionary<string, int>();
            foreach (var row in rows.Where(r => r.RowIndex! > Templates.XlsxTemplateWriter.HeaderRow))
            {
                var cells = row.Elements<Cell>().ToDictionary(c => columns[Letters(c.CellReference!)]);
                var unit = cells.TryGetValue(Column.Unit, out var u) ? Text(u, strings) : null;
                var code = cells.TryGetValue(Column.Code, out var k) ? Text(k, strings) : null;
                var index = 0;
                if (code is null) { free.TryGetValue(unit ?? "", out index); free[unit ?? ""] = index + 1; }
                var given = values(new TemplateLine(unit, code, index));
                if (given is null) continue;
                foreach (var (column, value) in given)
                {
                    var cell = cells[column];
                    switch (value)
                    {
                        case null:
                            cell.CellValue = null; cell.DataType = null; cell.InlineString = null;
                            break;
                        case decimal d:
                            cell.DataType = null; cell.InlineString = null;
                            cell.CellValue = new CellValue(d.ToString(CultureInfo.InvariantCulture));
                            break;
                        default:
                            var text = value is string[] list ? string.Join('\n', list) : (string)value;
                            cell.CellValue = null;
                            cell.DataType = CellValues.InlineString;
                            cell.InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve });
                            break;
                    }
                }
            }
            part.Worksheet.Save();
        }
        return stream.ToArray();
    }

    private static string Letters(string reference) => new(reference.TakeWhile(char.IsLetter).ToArray());

    private static string? Text(Cell cell, string[] strings) =>
        cell.DataType?.Value == CellValues.SharedString ? strings[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)]
        : cell.CellValue?.Text ?? cell.InlineString?.InnerText;

    private static byte[] FillCsv(byte[] template, Values values, bool decimalComma)
    {
        var text = Encoding.UTF8.GetString(template).TrimStart('\uFEFF');
        var lines = Csv.Parse(text, ';');
        var output = new StringBuilder();
        List<string>? header = null;
        var free = new Dictionary<string, int>();
        var sep = decimalComma ? ';' : ',';
        foreach (var fields in lines)
        {
            if (fields.Count == 1 && fields[0].StartsWith('#')) { output.Append(fields[0]).Append('\n'); continue; }
            if (header is null) { header = fields; output.AppendJoin(sep, fields.Select(f => Csv.Quote(f, sep))).Append('\n'); continue; }
            var cols = header.Select(Headers.Recognise).ToList();
            string? Get(Column c) => cols.IndexOf(c) is var i and >= 0 && fields[i].Length > 0 ? fields[i] : null;
            var unit = Get(Column.Unit);
            var code = Get(Column.Code);
            var index = 0;
            if (code is null) { free.TryGetValue(unit ?? "", out index); free[unit ?? ""] = index + 1; }
            var given = values(new TemplateLine(unit, code, index));
            // Template numbers are written with a decimal comma; a ',' file re-writes them with a dot.
            var row = fields.Select(f => decimalComma ? f : ReDot(f)).ToList();
            if (given is not null)
                foreach (var (column, value) in given)
                    row[cols.IndexOf(column)] = value switch
                    {
                        null => "",
                        decimal d => decimalComma ? d.ToString(CultureInfo.InvariantCulture).Replace('.', ',') : d.ToString(CultureInfo.InvariantCulture),
                        string[] list => string.Join('\n', list),
                        _ => (string)value,
                    };
            output.AppendJoin(sep, row.Select(f => Csv.Quote(f, sep))).Append('\n');
        }
        return Encoding.UTF8.GetBytes(output.ToString());
    }

    private static string ReDot(string field) =>
        decimal.TryParse(field.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _) && field.Count(c => c == ',') == 1
            ? field.Replace(',', '.') : field;

    private static byte[] FillJson(byte[] template, Values values)
    {
        var root = JsonNode.Parse(template)!.AsObject();
        var free = new Dictionary<string, int>();
        foreach (var item in root["rows"]!.AsArray())
        {
            var obj = item!.AsObject();
            var unit = obj["unit"]?.GetValue<string>();
            var code = obj["code"]?.GetValue<string>();
            var index = 0;
            if (code is null) { free.TryGetValue(unit ?? "", out index); free[unit ?? ""] = index + 1; }
            var given = values(new TemplateLine(unit, code, index));
            if (given is null) continue;
            foreach (var (column, value) in given)
                obj[Headers.Machine(column)] = value switch
                {
                    null => null,
                    decimal d => JsonValue.Create(d),
                    string[] list => new JsonArray(list.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
                    _ => JsonValue.Create((string)value),
                };
        }
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }
}

/// <summary>A tiny RFC 4180 CSV reader/writer for tests (independent of the library's reader).</summary>
internal static class Csv
{
    public static List<List<string>> Parse(string text, char sep)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == sep && !(row.Count == 0 && field.Length > 0 && field[0] == '#')) { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }

    public static string Quote(string field, char sep) =>
        field.IndexOfAny([sep, '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
