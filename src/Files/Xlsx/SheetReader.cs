using System.Text;
using System.Xml;
using ParServerless.Files.Tables;

namespace ParServerless.Files.Xlsx;

/// <summary>Streams a worksheet's rows (SpreadsheetML <c>sheetData</c>) without building a DOM.</summary>
internal static class SheetReader
{
    /// <summary>Calls <paramref name="onRow"/> for each non-empty row with its 1-based number; stops when it returns false.</summary>
    public static void Read(XmlReader reader, IReadOnlyList<string> sharedStrings, Func<int, List<GridCell>, bool> onRow)
    {
        var cells = new List<GridCell>(16);
        var rowNumber = 0;
        var text = new StringBuilder();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row") continue;
            rowNumber = ParseInt(reader.GetAttribute("r")) ?? rowNumber + 1;
            cells.Clear();
            if (!reader.IsEmptyElement)
            {
                var depth = reader.Depth;
                var column = -1;
                while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
                {
                    if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c") continue;
                    column = ColumnIndex(reader.GetAttribute("r")) ?? column + 1;
                    var cell = ReadCell(reader, column, sharedStrings, text);
                    if (cell.Kind != CellKind.Empty) cells.Add(cell);
                }
            }
            if (cells.Count > 0 && !onRow(rowNumber, cells)) return;
        }
    }

    private static GridCell ReadCell(XmlReader reader, int column, IReadOnlyList<string> shared, StringBuilder text)
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
                        value = reader.ReadElementContentAsString();
                        continue;
                    case "f":
                        formula = reader.ReadElementContentAsString();
                        continue;
                    case "is":
                        inline = true;
                        ReadRichText(reader, text);
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
    internal static void ReadRichText(XmlReader reader, StringBuilder sb)
    {
        if (reader.IsEmptyElement) return;
        var depth = reader.Depth;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth) && !reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                if (reader.LocalName == "t") { sb.Append(reader.ReadElementContentAsString()); continue; }
                if (reader.LocalName is "rPh" or "phoneticPr") { reader.Skip(); continue; }
            }
            reader.Read();
        }
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
