using SkiaSharp;

namespace ParServerless.Documents.Layout;

internal sealed partial class PdfLayout
{
    private const float BorderWidth = 0.5f;

    /// <summary>Places a table row by row; a row that does not fit starts a new page, which repeats the header row.</summary>
    private void PlaceTable(Table table)
    {
        var width = Page.ContentWidth;
        var widths = ColumnWidths(table, width);
        var header = RowPiece(table, widths, table.Columns.Select(c => new TableCell(c.Header, table.Header, TextAlign.Center)).ToArray(), table.HeaderFill, null);
        var tails = DecimalTails(table);
        var rows = table.Rows.Select(r => RowPiece(table, widths, r.Cells, r.Fill, tails)).ToList();
        var lead = table.Lead.Count == 0 ? (Piece?)null : Combine(table.Lead.SelectMany(b => Flow(b, width)).ToList());
        var trailer = table.Trailer.Count == 0 ? (Piece?)null : Combine(table.Trailer.SelectMany(b => Flow(b, width)).ToList());

        // The lead, the header and the first rows (at least MinRowsAtPageEnd, or all) start on one page.
        var first = rows.Take(Table.MinRowsAtPageEnd).Sum(r => r.Height) + (rows.Count <= Table.MinRowsAtPageEnd ? trailer?.Height ?? 0 : 0);
        if (_y + (lead?.Height ?? 0) + header.Height + first > Page.ContentBottom && !AtTop) StartPage(Page, newSection: false);
        if (lead is { } l) Place(l);
        Place(header);
        var onPage = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var fits = _y + row.Height <= Page.ContentBottom + 0.01f;
            // The last rows go with the trailer: when the rest of the table and its trailer cannot end on this page, break
            // early enough that at least two rows precede the trailer on the next one.
            var tail = rows.Skip(i).Sum(r => r.Height) + (trailer?.Height ?? 0);
            var keepWithTrailer = trailer is not null && rows.Count - i == 2 && _y + tail > Page.ContentBottom + 0.01f && onPage > 0;
            if (!fits || keepWithTrailer)
            {
                StartPage(Page, newSection: false);
                Place(header);
                onPage = 0;
            }
            Place(row);
            onPage++;
        }
        if (trailer is { } t)
        {
            if (_y + t.Height > Page.ContentBottom + 0.01f)
            {
                StartPage(Page, newSection: false);
                Place(header);
            }
            Place(t);
        }
        if (table.SpaceAfter > 0) Place(new Piece(table.SpaceAfter, null, Discardable: true));
    }

    /// <summary>
    /// Widths by weight, except that a column never gets less than its widest unbreakable body text (a figure, a word) plus
    /// padding: the shortfall is taken from the columns with room to spare, in proportion to their spare room.
    /// </summary>
    private float[] ColumnWidths(Table table, float width)
    {
        var totalWeight = table.Columns.Sum(c => c.Weight);
        var widths = table.Columns.Select(c => width * c.Weight / totalWeight).ToArray();
        var minimum = new float[widths.Length];
        for (var i = 0; i < widths.Length; i++)
        {
            var widest = 0f;
            foreach (var row in table.Rows)
            {
                if (i >= row.Cells.Count) continue;
                var cell = row.Cells[i];
                var style = cell.Style ?? table.Body;
                foreach (var word in Scoring.Text.Nfc(cell.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    widest = Math.Max(widest, _engine.Measure(word, style));
            }
            // Header words too: a header may wrap between words, never inside one ("ĐTXH/H").
            foreach (var word in Scoring.Text.Nfc(table.Columns[i].Header).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                widest = Math.Max(widest, _engine.Measure(word, table.Header));
            minimum[i] = widest + 2 * table.Padding + 1;
        }
        var shortfall = widths.Select((w, i) => Math.Max(0, minimum[i] - w)).Sum();
        if (shortfall <= 0) return widths;
        var spare = widths.Select((w, i) => Math.Max(0, w - minimum[i])).ToArray();
        var totalSpare = spare.Sum();
        if (totalSpare < shortfall) return widths; // cannot fit: keep the weights, the breaker cuts what it must
        return widths.Select((w, i) => w < minimum[i] ? minimum[i] : w - shortfall * spare[i] / totalSpare).ToArray();
    }

    /// <summary>
    /// Per right-aligned column, the widest part from the decimal comma to the end ("," and the decimals). A figure is then
    /// indented from the right by what its own part lacks, so that the commas of a column line up exactly, even where the
    /// font kerns some digit pairs ("11") and the figures' widths differ by a fraction of a point.
    /// </summary>
    private float[] DecimalTails(Table table)
    {
        var tails = new float[table.Columns.Count];
        foreach (var row in table.Rows)
        {
            for (var i = 0; i < tails.Length && i < row.Cells.Count; i++)
            {
                var cell = row.Cells[i];
                if ((cell.Align ?? table.Columns[i].Align) != TextAlign.Right || DecimalTail(cell.Text) is not { } tail) continue;
                tails[i] = Math.Max(tails[i], _engine.Measure(tail, cell.Style ?? table.Body));
            }
        }
        return tails;
    }

    /// <summary>", 353" of "23,353": the text from a figure's only comma to its end; null for anything else.</summary>
    private static string? DecimalTail(string text)
    {
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        return comma > 0 && comma == text.LastIndexOf(',') && text.Length - comma <= 6 && !text.Contains(' ', StringComparison.Ordinal)
            && text[(comma + 1)..].All(c => char.IsAsciiDigit(c) || c == '%') ? text[comma..] : null;
    }

    private Piece RowPiece(Table table, float[] widths, IReadOnlyList<TableCell> cells, uint fill, float[]? tails)
    {
        var laid = new List<(List<TextLine> Lines, float Height)>(widths.Length);
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = i < cells.Count ? cells[i] : new TableCell("");
            var style = cell.Style ?? table.Body;
            var align = cell.Align ?? table.Columns[i].Align;
            var indent = tails is not null && align == TextAlign.Right && tails[i] > 0 && DecimalTail(cell.Text) is { } tail
                ? tails[i] - _engine.Measure(tail, style) : 0;
            var p = new Paragraph([new Run(cell.Text, style)], align, RightIndent: indent, LineSpacing: 1.15f);
            var lines = LineBreaker.Break(_engine, p, widths[i] - 2 * table.Padding);
            laid.Add((lines, lines.Sum(l => l.Height)));
        }
        var height = laid.Max(c => c.Height) + 2 * table.Padding;
        return new Piece(height, (canvas, x, y) =>
        {
            using var border = new SKPaint { Color = SKColors.Black, StrokeWidth = BorderWidth, Style = SKPaintStyle.Stroke };
            if (fill != 0)
            {
                using var background = new SKPaint { Color = new SKColor(fill), Style = SKPaintStyle.Fill };
                canvas.DrawRect(x, y, widths.Sum(), height, background);
            }
            // The row's texts first, then its cell borders: the PDF writer switches graphics state once per row, not twice
            // between every two cells. (Rectangles, not one path: the writer keeps a rectangle as one short "re".)
            // In reading order, one text run per stretch of one style (TextEngine.Draw says why).
            var texts = new List<PlacedText>(widths.Length);
            var left = x;
            for (var i = 0; i < widths.Length; i++)
            {
                var (lines, textHeight) = laid[i];
                var top = y + (height - textHeight) / 2;
                foreach (var line in lines)
                {
                    PlaceLine(canvas, line, left + table.Padding, top, texts);
                    top += line.Height;
                }
                left += widths[i];
            }
            _engine.Draw(canvas, texts);
            left = x;
            foreach (var width in widths)
            {
                canvas.DrawRect(left, y, width, height, border);
                left += width;
            }
        });
    }
}
