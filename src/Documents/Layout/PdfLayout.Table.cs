using SkiaSharp;

namespace ParServerless.Documents.Layout;

internal sealed partial class PdfLayout
{
    private const float BorderWidth = 0.5f;

    /// <summary>Places a table row by row; a row that does not fit starts a new page, which repeats the header row.</summary>
    private void PlaceTable(Table table)
    {
        var width = Page.ContentWidth;
        var totalWeight = table.Columns.Sum(c => c.Weight);
        var widths = table.Columns.Select(c => width * c.Weight / totalWeight).ToArray();
        var header = RowPiece(table, widths, table.Columns.Select(c => new TableCell(c.Header, table.Header, TextAlign.Center)).ToArray(), table.HeaderFill);
        var rows = table.Rows.Select(r => RowPiece(table, widths, r.Cells, r.Fill)).ToList();

        if (_y + header.Height + (rows.Count > 0 ? rows[0].Height : 0) > Page.ContentBottom && !AtTop) StartPage(Page, newSection: false);
        Place(header);
        foreach (var row in rows)
        {
            if (_y + row.Height > Page.ContentBottom + 0.01f)
            {
                StartPage(Page, newSection: false);
                Place(header);
            }
            Place(row);
        }
        if (table.SpaceAfter > 0) Place(new Piece(table.SpaceAfter, null, Discardable: true));
    }

    private Piece RowPiece(Table table, float[] widths, IReadOnlyList<TableCell> cells, uint fill)
    {
        var laid = new List<(List<TextLine> Lines, float Height)>(widths.Length);
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = i < cells.Count ? cells[i] : new TableCell("");
            var style = cell.Style ?? table.Body;
            var align = cell.Align ?? table.Columns[i].Align;
            var p = new Paragraph([new Run(cell.Text, style)], align, LineSpacing: 1.15f);
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
            var left = x;
            for (var i = 0; i < widths.Length; i++)
            {
                var (lines, textHeight) = laid[i];
                var top = y + (height - textHeight) / 2;
                foreach (var line in lines)
                {
                    LinePiece(line).Draw!(canvas, left + table.Padding, top);
                    top += line.Height;
                }
                canvas.DrawRect(left, y, widths[i], height, border);
                left += widths[i];
            }
        });
    }
}
