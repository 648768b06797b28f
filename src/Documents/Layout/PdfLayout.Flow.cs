using SkiaSharp;

namespace ParServerless.Documents.Layout;

internal sealed partial class PdfLayout
{
    private List<Piece> Flow(Block block, float width)
    {
        var pieces = new List<Piece>();
        switch (block)
        {
            case Paragraph p:
                if (p.SpaceBefore > 0) pieces.Add(new Piece(p.SpaceBefore, null, Discardable: true));
                foreach (var line in LineBreaker.Break(_engine, p, width)) pieces.Add(LinePiece(line));
                if (p.SpaceAfter > 0) pieces.Add(new Piece(p.SpaceAfter, null, Discardable: true));
                break;
            case Spacer s:
                pieces.Add(new Piece(s.Height, null, Discardable: true));
                break;
            case Rule r:
                pieces.Add(new Piece(r.SpaceBefore + r.Thickness + r.SpaceAfter, (canvas, x, y) =>
                {
                    var w = r.Width <= 0 ? width : Math.Min(r.Width, width);
                    var left = r.Align switch { TextAlign.Center => x + (width - w) / 2, TextAlign.Right => x + width - w, _ => x };
                    var mid = y + r.SpaceBefore + r.Thickness / 2;
                    using var paint = new SKPaint { Color = SKColors.Black, StrokeWidth = r.Thickness, Style = SKPaintStyle.Stroke, IsAntialias = true };
                    canvas.DrawLine(left, mid, left + w, mid, paint);
                }));
                break;
            case Drawing d:
                pieces.Add(new Piece(d.Height + d.SpaceAfter, (canvas, x, y) =>
                {
                    // A drawing has no text engine, so it has no glyphs to collect in the first pass.
                    if (_engine.Collecting) return;
                    canvas.Save();
                    canvas.Translate(x, y);
                    canvas.ClipRect(new SKRect(0, 0, width, d.Height));
                    d.Draw(canvas, new SKSize(width, d.Height));
                    canvas.Restore();
                }));
                break;
            case Figure f:
                pieces.Add(new Piece(f.Height + f.SpaceAfter, (canvas, x, y) =>
                {
                    canvas.Save();
                    canvas.Translate(x, y);
                    f.Draw(canvas, new SKSize(width, f.Height), _engine);
                    canvas.Restore();
                }));
                break;
            case Columns c:
                pieces.Add(ColumnsPiece(c, width));
                break;
            case KeepTogether k:
                pieces.Add(Combine(k.Blocks.SelectMany(b => Flow(b, width)).ToList()));
                break;
            case Table:
            case PageBreak:
                throw new ArgumentException($"{block.GetType().Name} cannot be nested inside another block", nameof(block));
            default:
                throw new ArgumentException($"Unknown block {block.GetType().Name}", nameof(block));
        }
        return pieces;
    }

    private Piece LinePiece(TextLine line) => new(line.Height, (canvas, x, y) =>
    {
        var texts = new List<PlacedText>(line.Pieces.Count);
        PlaceLine(canvas, line, x, y, texts);
        _engine.Draw(canvas, texts);
    });

    /// <summary>
    /// Draws the shading of a line whose box starts at (x, y) and adds its texts to <paramref name="texts"/>, which the caller
    /// draws together (<see cref="TextEngine.Draw(SKCanvas, List{PlacedText})"/>).
    /// </summary>
    private void PlaceLine(SKCanvas canvas, TextLine line, float x, float y, List<PlacedText> texts)
    {
        var descent = line.Pieces.Count == 0 ? 0 : line.Pieces.Max(p => _engine.Metrics(p.Style).Descent);
        // Centre the glyph box (ascent + descent) in the line box, as word processors do with "multiple" line spacing.
        var baseline = (line.Height - line.Ascent - descent) / 2 + line.Ascent;
        foreach (var (text, style, dx) in line.Pieces)
        {
            if (style.Background != 0)
            {
                // A shaded box behind the text (a missing field of a draft), without the trailing space.
                var (ascent, below) = _engine.Metrics(style);
                using var shade = new SKPaint { Color = new SKColor(style.Background), Style = SKPaintStyle.Fill };
                canvas.DrawRect(x + dx - 1, y + baseline - ascent, _engine.Measure(text.TrimEnd(), style) + 2, ascent + below, shade);
            }
            texts.Add(new PlacedText(text, x + dx, y + baseline, style));
        }
    }

    private static Piece Combine(List<Piece> pieces)
    {
        var height = pieces.Sum(p => p.Height);
        return new Piece(height, (canvas, x, y) =>
        {
            var top = y;
            foreach (var p in pieces)
            {
                p.Draw?.Invoke(canvas, x, top);
                top += p.Height;
            }
        });
    }

    private Piece ColumnsPiece(Columns c, float width)
    {
        var totalWeight = c.Items.Sum(i => i.Weight);
        var usable = width - c.Gap * (c.Items.Count - 1);
        var parts = new List<(float X, Piece Piece)>();
        var x = 0f;
        foreach (var column in c.Items)
        {
            var w = usable * column.Weight / totalWeight;
            parts.Add((x, Combine(column.Blocks.SelectMany(b => Flow(b, w)).ToList())));
            x += w + c.Gap;
        }
        return new Piece(parts.Max(p => p.Piece.Height), (canvas, ox, oy) =>
        {
            foreach (var (dx, piece) in parts) piece.Draw?.Invoke(canvas, ox + dx, oy);
        });
    }
}
