using System.Text;
using ParServerless.Files.Containers;
using ParServerless.Files.Tables;
using ParServerless.Scoring.Problems;
using static ParServerless.Files.FileProblemCodes;

namespace ParServerless.Files.Csv;

/// <summary>
/// Reads a CSV score file by the grammar of docs/FILES.md section 3.2: UTF-8 with or without BOM; LF or CRLF line breaks;
/// '#key=value' metadata lines before the header; ';' or ',' separator told from the header line; RFC 4180 quoted fields.
/// </summary>
/// <remarks>
/// Strict where a lenient reader would guess: a line with another number of fields than the header, a quote out of place, or
/// (with ',') a mark that a decimal comma may have split is a coded error naming the line, never re-aligned.
/// </remarks>
internal static class CsvTableReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static RawTable? Read(ReadOnlySpan<byte> bytes, ReadBudget budget, ProblemBag bag)
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
        if (text.Contains('\r', StringComparison.Ordinal) && !text.Contains('\n', StringComparison.Ordinal))
        {
            bag.Error(BadLineBreaks, Location.Whole,
                "Tệp CSV chỉ dùng ký tự CR để xuống dòng (định dạng Mac cũ), nên cả tệp bị đọc thành một dòng. Hãy lưu lại với tùy chọn \"CSV UTF-8\" (xuống dòng LF hoặc CRLF).",
                "The CSV file breaks lines with a lone CR (old Mac format), so it reads as a single line. Save it again as \"CSV UTF-8\" (LF or CRLF line breaks).");
            return null;
        }

        var table = new RawTable();
        var builder = new TableBuilder(table, bag, budget, null, firstRowIsHeader: true);
        var record = new CsvRecord();
        var pos = 0;
        var line = 1;
        char separator = '\0';
        var headerWidth = 0;
        var cells = new List<GridCell>();
        while (pos < text.Length)
        {
            budget.Tick();
            var startLine = line;
            if (separator == '\0')
            {
                var end = text.IndexOf('\n', pos);
                var raw = (end < 0 ? text[pos..] : text[pos..end]).TrimEnd('\r');
                if (raw.StartsWith('#') || raw.Trim().Length == 0)
                {
                    var eq = raw.IndexOf('=', StringComparison.Ordinal);
                    if (raw.StartsWith('#') && eq > 1)
                    {
                        var key = raw[1..eq].Trim();
                        table.AddMeta(key, raw[(eq + 1)..].Trim(), new Location(Row: line, Field: key), bag);
                    }
                    pos = end < 0 ? text.Length : end + 1;
                    line++;
                    continue;
                }
                separator = Separator(raw);
            }
            if (!record.Read(text, ref pos, ref line, separator, budget.Limits.MaxCellsPerRow))
            {
                bag.Error(Unreadable, new Location(Row: startLine),
                    "Dấu ngoặc kép (\") mở nhưng không đóng; phần còn lại của tệp không đọc được.",
                    "A quote (\") is opened but never closed; the rest of the file cannot be read.");
                return null;
            }
            if (record.IsBlank) continue;
            if (record.LoneCr)
            {
                bag.Error(BadLineBreaks, new Location(Row: startLine),
                    "Dòng có ký tự CR đứng riêng (không phải xuống dòng LF hoặc CRLF); dòng không được đọc.",
                    "The line holds a lone CR (not an LF or CRLF line break); the line is not read.");
                continue;
            }
            if (record.BadQuote is { } quoteProblem)
            {
                bag.Error(MalformedCsvRow, new Location(Row: startLine, Column: Name(builder, record.BadQuoteField)),
                    quoteProblem
                        ? "Trường có ký tự sau dấu ngoặc kép đóng. Trường có dấu ngoặc kép phải được bao trọn trong \"…\", dấu ngoặc kép bên trong ghi hai lần (\"\")."
                        : "Trường không đặt trong ngoặc kép lại chứa dấu ngoặc kép. Hãy bao trọn trường trong \"…\" và ghi dấu ngoặc kép bên trong hai lần (\"\").",
                    quoteProblem
                        ? "A field has text after its closing quote. A quoted field is wholly inside \"…\", inner quotes doubled (\"\")."
                        : "An unquoted field holds a quote. Put the whole field inside \"…\" and double the inner quotes (\"\").");
                continue;
            }
            if (headerWidth == 0) headerWidth = record.Count;
            else if (record.Count != headerWidth)
            {
                bag.Error(MalformedCsvRow, new Location(Row: startLine),
                    $"Dòng có {record.Count} trường, trong khi dòng tiêu đề có {headerWidth} cột; dòng không được đọc để tránh ghi nhận sai điểm. Nếu dùng dấu phẩy thập phân (87,55) với dấu phân cách ',', hãy đặt số trong ngoặc kép hoặc dùng dấu ';'.",
                    $"The line has {record.Count} fields but the header has {headerWidth} columns; it is not read, so no mark is misread. With ',' as separator, quote decimal commas (\"87,55\") or separate with ';'.");
                continue;
            }
            else if (separator == ',' && SplitMark(builder, record) is { } split)
            {
                bag.Error(MalformedCsvRow, new Location(Row: startLine, Column: Name(builder, split)),
                    $"Điểm '{record.Fields[split]}' đứng ngay trước trường chỉ gồm chữ số '{record.Fields[split + 1]}': có thể là số thập phân '{record.Fields[split]},{record.Fields[split + 1]}' bị dấu phân cách ',' tách đôi. Hãy đặt số trong ngoặc kép (\"87,55\") hoặc dùng dấu ';'.",
                    $"The mark '{record.Fields[split]}' is followed by a digits-only field '{record.Fields[split + 1]}': it may be the decimal '{record.Fields[split]},{record.Fields[split + 1]}' split by the ',' separator. Quote it (\"87,55\") or separate with ';'.");
                continue;
            }
            cells.Clear();
            for (var i = 0; i < record.Count; i++)
                if (record.Fields[i].Length > 0) cells.Add(new GridCell(i, CellKind.Text, record.Fields[i]));
            if (!builder.AddRow(startLine, cells)) break;
        }
        if (!builder.HeaderFound)
        {
            bag.Error(Empty, Location.Whole, "Tệp CSV trống: không có dòng tiêu đề.", "The CSV file is empty: it has no header line.");
            return null;
        }
        return table;
    }

    private static string? Name(TableBuilder builder, int index) =>
        builder.HeaderFound && builder.ColumnAt(index) is var c && c != Column.None ? Headers.Machine(c) : null;

    /// <summary>The index of an unquoted whole-number mark followed by an unquoted digits-only field: "1,5" split in two by ','.</summary>
    private static int? SplitMark(TableBuilder builder, CsvRecord record)
    {
        for (var i = 0; i + 1 < record.Count; i++)
        {
            if (builder.ColumnAt(i) is not (Column.Points or Column.Percent)) continue;
            if (record.Quoted[i] || record.Quoted[i + 1]) continue;
            if (IsWholeNumber(record.Fields[i]) && IsDigits(record.Fields[i + 1])) return i;
        }
        return null;
    }

    private static bool IsWholeNumber(string s) => IsDigits(s.Length > 0 && s[0] is '+' or '-' or '\u2212' ? s[1..] : s);

    private static bool IsDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);

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

    /// <summary>One record's fields, whether each was quoted, and the first structural fault found.</summary>
    private sealed class CsvRecord
    {
        private readonly StringBuilder _field = new();

        public List<string> Fields { get; } = [];

        public List<bool> Quoted { get; } = [];

        public int Count => Fields.Count;

        public bool IsBlank => Fields.TrueForAll(f => f.Length == 0) && !Quoted.Contains(true) && BadQuote is null && !LoneCr;

        /// <summary>Null when the quotes are well formed; true for text after a closing quote, false for a quote inside an unquoted field.</summary>
        public bool? BadQuote { get; private set; }

        public int BadQuoteField { get; private set; }

        /// <summary>A carriage return outside quotes that does not start a CRLF.</summary>
        public bool LoneCr { get; private set; }

        /// <summary>Reads one record (which may span lines inside quotes); false when a quote never closes.</summary>
        /// <exception cref="LimitExceededException">The record has more than <paramref name="maxFields"/> fields.</exception>
        public bool Read(string text, ref int pos, ref int line, char separator, int maxFields)
        {
            Fields.Clear();
            Quoted.Clear();
            BadQuote = null;
            LoneCr = false;
            _field.Clear();
            var state = State.Start;
            while (pos < text.Length)
            {
                var c = text[pos++];
                if (state == State.InQuotes)
                {
                    if (c == '"')
                    {
                        if (pos < text.Length && text[pos] == '"') { _field.Append('"'); pos++; }
                        else state = State.AfterQuotes;
                    }
                    else
                    {
                        if (c == '\n') line++;
                        _field.Append(c);
                    }
                    continue;
                }
                if (c == separator)
                {
                    Finish(state);
                    state = State.Start;
                    if (Fields.Count >= maxFields) throw new LimitExceededException(Limit.CellsPerRow, "fields in a line");
                    continue;
                }
                if (c == '\n') { line++; Finish(state); return true; }
                if (c == '\r')
                {
                    if (pos < text.Length && text[pos] == '\n') continue;
                    if (pos < text.Length) LoneCr = true;
                    continue;
                }
                switch (state)
                {
                    case State.Start when c is ' ' or '\t':
                        _field.Append(c);
                        continue;
                    case State.Start when c == '"' && string.IsNullOrWhiteSpace(_field.ToString()):
                        _field.Clear();
                        state = State.InQuotes;
                        continue;
                    case State.AfterQuotes when c is ' ' or '\t':
                        continue;
                    case State.AfterQuotes:
                        Fault(true);
                        continue;
                    case State.Start or State.Unquoted when c == '"':
                        Fault(false);
                        continue;
                }
                state = State.Unquoted;
                _field.Append(c);
            }
            if (state == State.InQuotes) return false;
            Finish(state);
            return true;
        }

        private void Fault(bool afterQuote)
        {
            if (BadQuote is not null) return;
            BadQuote = afterQuote;
            BadQuoteField = Fields.Count;
        }

        private void Finish(State state)
        {
            var quoted = state == State.AfterQuotes;
            var s = _field.ToString();
            _field.Clear();
            Fields.Add(quoted ? s : s.Trim());
            Quoted.Add(quoted);
        }

        private enum State
        {
            Start = 0,
            Unquoted,
            InQuotes,
            AfterQuotes,
        }
    }
}
