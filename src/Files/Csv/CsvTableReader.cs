using System.Text;
using ParServerless.Files.Tables;
using ParServerless.Scoring.Problems;
using static ParServerless.Files.FileProblemCodes;

namespace ParServerless.Files.Csv;

/// <summary>
/// Reads a CSV score file: UTF-8 with or without BOM, ';' or ',' separator (told from the header line),
/// RFC 4180 quotes. Lines starting with '#' before the header carry metadata as <c>#key=value</c>.
/// </summary>
internal static class CsvTableReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static RawTable? Read(ReadOnlySpan<byte> bytes, FileLimits limits, ProblemBag bag)
    {
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            bag.Error(Unreadable, Location.Whole,
                $"Tệp CSV không được mã hóa UTF-8 (byte không hợp lệ ở vị trí {e.Index}). Hãy lưu lại với tùy chọn \"CSV UTF-8\".",
                $"The CSV file is not UTF-8 (invalid byte at position {e.Index}). Save it again as \"CSV UTF-8\".");
            return null;
        }
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            bag.Error(Unreadable, Location.Whole,
                "Tệp không phải văn bản CSV (có ký tự nhị phân).", "The file is not CSV text (it holds binary characters).");
            return null;
        }

        var table = new RawTable();
        var builder = new TableBuilder(table, bag, limits, null, firstRowIsHeader: true);
        var pos = 0;
        var line = 1;
        char separator = '\0';
        var headerWidth = 0;
        var fields = new List<string>();
        var cells = new List<GridCell>();
        while (pos < text.Length)
        {
            var startLine = line;
            if (separator == '\0')
            {
                var end = text.IndexOf('\n', pos);
                var raw = (end < 0 ? text[pos..] : text[pos..end]).TrimEnd('\r');
                if (raw.StartsWith('#'))
                {
                    var eq = raw.IndexOf('=', StringComparison.Ordinal);
                    if (eq > 1)
                    {
                        table.HasMeta = true;
                        var key = raw[1..eq].Trim();
                        table.Meta[key] = (raw[(eq + 1)..].Trim(), new Location(Row: line, Field: key));
                    }
                    pos = end < 0 ? text.Length : end + 1;
                    line++;
                    continue;
                }
                if (raw.Trim().Length == 0)
                {
                    pos = end < 0 ? text.Length : end + 1;
                    line++;
                    continue;
                }
                separator = Separator(raw);
            }
            if (!ReadRecord(text, ref pos, ref line, separator, fields))
            {
                bag.Error(Unreadable, new Location(Row: startLine),
                    "Dấu ngoặc kép (\") mở nhưng không đóng; phần còn lại của tệp không đọc được.",
                    "A quote (\") is opened but never closed; the rest of the file cannot be read.");
                return null;
            }
            if (headerWidth == 0) headerWidth = fields.Count;
            else if (fields.Count > headerWidth && fields.Skip(headerWidth).Any(f => f.Length > 0))
            {
                bag.Error(Unreadable, new Location(Row: startLine),
                    $"Dòng có {fields.Count} trường, nhiều hơn {headerWidth} cột tiêu đề. Nếu dùng dấu phẩy thập phân (87,55) với dấu phân cách ',', hãy đặt số trong ngoặc kép hoặc dùng dấu ';'.",
                    $"The line has {fields.Count} fields, more than the {headerWidth} header columns. With ',' as separator, quote decimal commas (\"87,55\") or separate with ';'.");
                continue;
            }
            cells.Clear();
            for (var i = 0; i < fields.Count; i++)
                if (fields[i].Length > 0) cells.Add(new GridCell(i, CellKind.Text, fields[i]));
            if (cells.Count == 0) continue;
            if (!builder.AddRow(startLine, cells)) break;
        }
        if (!builder.HeaderFound)
        {
            bag.Error(Empty, Location.Whole, "Tệp CSV trống: không có dòng tiêu đề.", "The CSV file is empty: it has no header line.");
            return null;
        }
        return table;
    }

    private static char Separator(string headerLine)
    {
        int semicolons = 0, commas = 0;
        var quoted = false;
        foreach (var c in headerLine)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == ';') semicolons++;
            else if (!quoted && c == ',') commas++;
        }
        return semicolons > 0 && semicolons >= commas ? ';' : ',';
    }

    /// <summary>Reads one record (which may span lines inside quotes); false when a quote never closes.</summary>
    private static bool ReadRecord(string text, ref int pos, ref int line, char separator, List<string> fields)
    {
        fields.Clear();
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        while (pos < text.Length)
        {
            var c = text[pos++];
            if (quoted)
            {
                if (c == '"')
                {
                    if (pos < text.Length && text[pos] == '"') { field.Append('"'); pos++; }
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            if (c == '"' && field.Length == 0 && !wasQuoted) { quoted = wasQuoted = true; continue; }
            if (c == separator) { fields.Add(Finish(field, wasQuoted)); wasQuoted = false; continue; }
            if (c == '\n') { line++; fields.Add(Finish(field, wasQuoted)); return true; }
            if (c == '\r' && (pos >= text.Length || text[pos] == '\n')) continue;
            field.Append(c);
        }
        if (quoted) return false;
        fields.Add(Finish(field, wasQuoted));
        return true;
    }

    private static string Finish(StringBuilder field, bool quoted)
    {
        var s = field.ToString();
        field.Clear();
        return quoted ? s : s.Trim();
    }
}
