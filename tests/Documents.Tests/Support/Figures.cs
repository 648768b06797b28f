using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace ParServerless.Documents.Tests.Support;

/// <summary>Figures of a PDF's tables read from word positions: for alignment and wrapping checks.</summary>
internal static partial class Figures
{
    [GeneratedRegex(@"^[+−-]?\d+,\d+$")]
    private static partial Regex DecimalNumber();

    /// <summary>Every decimal figure on each page, with the x of its decimal comma.</summary>
    public static IReadOnlyList<IReadOnlyList<(string Text, double Comma, Word Word)>> Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => (IReadOnlyList<(string, double, Word)>)p.GetWords()
            .Where(w => DecimalNumber().IsMatch(w.Text))
            .Select(w => (w.Text, w.Letters.First(l => l.Value == ",").StartBaseLine.X, w)).ToList()).ToList();
    }

    /// <summary>
    /// Commas grouped into columns: first into tables (runs of rows less than 30 pt apart), then, within a table, commas
    /// closer than <paramref name="gap"/> points belong to one column.
    /// </summary>
    public static IEnumerable<List<(string Text, double Comma, Word Word)>> Columns(IReadOnlyList<(string Text, double Comma, Word Word)> figures, double gap = 6)
    {
        var byRow = figures.OrderByDescending(f => f.Word.BoundingBox.Bottom).ToList();
        var table = new List<(string, double, Word)>();
        foreach (var f in byRow)
        {
            if (table.Count > 0 && table[^1].Item3.BoundingBox.Bottom - f.Word.BoundingBox.Bottom > 30)
            {
                foreach (var c in InTable(table, gap)) yield return c;
                table = [];
            }
            table.Add(f);
        }
        foreach (var c in InTable(table, gap)) yield return c;
    }

    private static IEnumerable<List<(string Text, double Comma, Word Word)>> InTable(List<(string Text, double Comma, Word Word)> figures, double gap)
    {
        var sorted = figures.OrderBy(f => f.Comma).ToList();
        var column = new List<(string, double, Word)>();
        foreach (var f in sorted)
        {
            if (column.Count > 0 && f.Comma - column[^1].Item2 > gap)
            {
                yield return column;
                column = [];
            }
            column.Add(f);
        }
        if (column.Count > 0) yield return column;
    }
}
