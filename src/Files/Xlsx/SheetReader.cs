using System.Text;
using System.Xml;
using ParServerless.Files.Containers;
using ParServerless.Files.Tables;

namespace ParServerless.Files.Xlsx;

/// <summary>Streams a worksheet's rows (SpreadsheetML <c>sheetData</c>) without building a DOM.</summary>
internal static class SheetReader
{
    /// <summary>Calls <paramref name="onRow"/> for each non-empty row with its 1-based number; stops when it returns false.</summary>
    /// <remarks>Every row and cell spends from <paramref name="budget"/>: a row over <see cref="FileLimits.MaxCellsPerRow"/> cells,
    /// a sheet over <see cref="FileLimits.MaxCells"/>, or a passed deadline stops the read with <see cref="LimitExceededException"/>.</remarks>
    public static void Read(XmlReader reader, IReadOnlyList<string> sharedStrings, ReadBudget budget, Func<int, List<GridCell>, bool> onRow)
    {
        var cells = new List<GridCell>(16);
        var rowNumber = 0;
        var text = new StringBuilder();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row") continue;
            rowNumber = ParseInt(reader.GetAttribute("r")) ?? rowNumber + 1;
            cells.Clear();
            budget.Tick();
            if (!reader.IsEmptyElement)
            {
                var depth = reader.Depth;
                var column = -1;
                var inRow = 0;
                while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
                {
                    if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c") continue;
                    if (++inRow > budget.Limits.MaxCellsPerRow) throw new LimitExceededException(Limit.CellsPerRow, "cells in a row");
                    budget.Cell();
                    column = ColumnIndex(reader.GetAttribute("r")) ?? column + 1;
                    var cell = ReadCell(reader, column, sharedStrings, text, budget.Limits.MaxTextLength + 1);
                    if (cell.Kind != CellKind.Empty) cells.Add(cell);
                }
            }
            if (cells.Count > 0 && !onRow(rowNumber, cells)) return;
        }
    }

    private static GridCell ReadCell(XmlReader reader, int column, IReadOnlyList<string> shared, StringBuilder text, int maxChars)
    {
        var type = reader.GetAttribute("t");
        if (reader.IsEmptyElement) return new GridCell(column, CellKind.Empty, null);
        var depth = reader.Depth;
        string? value = null, formula = null;
        var inline = false;
        text.Clear();
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth) && !reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "v":
                        value = ReadContent(reader, maxChars);
                        continue;
                    case "f":
                        formula = ReadContent(reader, maxChars);
                        continue;
                    case "is":
                        inline = true;
                        ReadRichText(reader, text, maxChars);
                        reader.Read();
                        continue;
                    default:
                        reader.Skip();
                        continue;
                }
            }
            reader.Read();
        }
        if (inline) return new GridCell(column, CellKind.Text, text.ToString());
        if (value is null)
            return formula is not null
                ? new GridCell(column, CellKind.FormulaWithoutValue, formula)
                : new GridCell(column, CellKind.Empty, null);
        return type switch
        {
            "s" => ParseInt(value) is { } i && i >= 0 && i < shared.Count
                ? new GridCell(column, CellKind.Text, shared[i])
                : new GridCell(column, CellKind.Other, "#REF"),
            "str" or "inlineStr" => new GridCell(column, CellKind.Text, value),
            "b" => new GridCell(column, CellKind.Other, value == "1" ? "TRUE" : "FALSE"),
            "e" or "d" => new GridCell(column, CellKind.Other, value),
            _ => new GridCell(column, CellKind.Number, value),
        };
    }

    /// <summary>Reads an <c>si</c> or <c>is</c> element's text: plain or rich runs, skipping phonetic hints. Leaves the reader on its end.</summary>
    /// <param name="maxChars">Stop adding once the text passes this many characters; the caller reports the bound.</param>
    internal static void ReadRichText(XmlReader reader, StringBuilder sb, long maxChars = long.MaxValue)
    {
        if (reader.IsEmptyElement) return;
        var depth = reader.Depth;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth) && !reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                if (reader.LocalName == "t")
                {
                    var room = (int)Math.Clamp(maxChars - sb.Length, 0, int.MaxValue - 1);
                    sb.Append(ReadContent(reader, room + 1));
                    continue;
                }
                if (reader.LocalName is "rPh" or "phoneticPr") { reader.Skip(); continue; }
            }
            reader.Read();
        }
    }

    /// <summary>
    /// An element's text, like <see cref="XmlReader.ReadElementContentAsString()"/>, but keeping at most <paramref name="maxChars"/>
    /// characters: the rest is read in chunks and dropped, so one huge cell never becomes one huge string. Leaves the reader past the element.
    /// </summary>
    internal static string ReadContent(XmlReader reader, int maxChars)
    {
        if (reader.IsEmptyElement) { reader.Read(); return ""; }
        var depth = reader.Depth;
        var text = new BoundedText(maxChars);
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth) && !reader.EOF)
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                if (reader.CanReadValueChunk)
                {
                    var buffer = t_buffer ??= new char[4096];
                    int n;
                    while ((n = reader.ReadValueChunk(buffer, 0, buffer.Length)) > 0) text.Append(buffer.AsSpan(0, n));
                }
                else
                {
                    text.Append(reader.Value);
                }
            }
            reader.Read();
        }
        reader.Read();
        return text.ToString();
    }

    /// <summary>One chunk buffer per thread: cells are read by the million, a buffer each would be gigabytes of garbage.</summary>
    [ThreadStatic]
    private static char[]? t_buffer;

    /// <summary>Text kept up to a bound; one chunk (the usual cell) becomes its string without a builder.</summary>
    private ref struct BoundedText(int max)
    {
        private string? _single;
        private StringBuilder? _many;

        public void Append(ReadOnlySpan<char> chunk)
        {
            var length = _many?.Length ?? _single?.Length ?? 0;
            var room = max - length;
            if (room <= 0) return;
            if (chunk.Length > room) chunk = chunk[..room];
            if (_single is null && _many is null) { _single = new string(chunk); return; }
            _many ??= new StringBuilder(_single);
            _many.Append(chunk);
        }

        public override readonly string ToString() => _many?.ToString() ?? _single ?? "";
    }

    /// <summary>0-based column index of a reference like "AB12".</summary>
    internal static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') { index = index * 26 + (c - 'A' + 1); letters++; }
            else break;
        }
        return letters is 0 or > 3 ? null : index - 1;
    }

    internal static string ColumnLetters(int index)
    {
        var s = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }

    private static int? ParseInt(string? s) =>
        int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : null;
}
