using ParServerless.Documents.Layout;
using SkiaSharp;

namespace ParServerless.Documents.Charts;

/// <summary>One area of the result-sheet chart: its short label, the unit's index and the group average.</summary>
internal sealed record AreaPair(string Label, double Unit, string UnitText, double Average);

/// <summary>
/// The result sheet's chart (biểu đồ chỉ số thành phần): per area (lĩnh vực), the unit's component index beside its group's
/// average, on an axis from 0 to 100 with grid lines every 20; the unit's value over its bar; a boxed legend below.
/// </summary>
/// <remarks>
/// Drawn with the document's text engine straight onto the PDF page, like the Decision's group charts, so its glyphs join
/// the document's font cut and are checked like the text. It keeps the geometry the sheet had when ScottPlot drew it (the
/// data area, paddings, label offsets and legend layout below are ScottPlot 5's for this chart at A4 width), so the page looks
/// the same; ScottPlot rendered every chart twice and cost about a fifth of a sheet.
/// </remarks>
internal static class AreaComparisonChart
{
    private static readonly TextStyle ValueStyle = new(7.5f);
    private static readonly TextStyle LabelStyle = new(9);
    private const string AxisTitle = "Chỉ số thành phần (%)";
    private const string AverageColor = "#A6A6A6";

    /// <summary>Left of the data area: the y axis's title, tick labels (up to "100") and ticks.</summary>
    private const float Left = 37.849121f;
    private const float Right = 15;
    private const float Top = 15;

    /// <summary>Below the data area: the x tick labels and the legend.</summary>
    private const float Bottom = 80.698242f;

    /// <summary>The y axis runs to 112, leaving room for a value over a bar of 100.</summary>
    private const double YMax = 112;

    private const double BarWidth = 0.95;

    public static void Draw(SKCanvas canvas, SKSize size, TextEngine text, IReadOnlyList<AreaPair> areas, string unitColor, string unitLegend, string averageLegend)
    {
        // Whole points, as ScottPlot sized its image.
        float width = (int)size.Width, height = (int)size.Height;
        var (left, right, top, bottom) = (Left, width - Right, Top, height - Bottom);
        var xMin = -0.8;
        var xSpan = areas.Count * 3 - 1.2 - xMin;
        float X(double v) => (float)(left + (v - xMin) * (right - left) / xSpan);
        float Y(double v) => (float)(bottom - v * (bottom - top) / YMax);

        using var background = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill };
        canvas.DrawRect(0, 0, width, height, background);
        using (var grid = new SKPaint { Color = new SKColor(1, 1, 1, 30), StrokeWidth = 1, Style = SKPaintStyle.Stroke })
            for (var v = 0; v <= 100; v += 20) canvas.DrawLine(left, Y(v), right, Y(v), grid);

        using var unit = new SKPaint { Color = SKColor.Parse(unitColor), Style = SKPaintStyle.Fill };
        using var average = new SKPaint { Color = SKColor.Parse(AverageColor), Style = SKPaintStyle.Fill };
        for (var i = 0; i < areas.Count; i++)
        {
            var a = areas[i];
            Bar(i * 3, a.Unit, unit);
            // Only the unit's bars carry labels: two labels per area collide at A4 width, and the table gives the averages.
            var w = text.Measure(a.UnitText, ValueStyle);
            text.Draw(canvas, a.UnitText, X(i * 3) - w / 2, Y(Math.Max(0, a.Unit)) - 5 - 2.9187012f, ValueStyle);
            Bar(i * 3 + 1, a.Average, average);
        }

        using var ink = new SKPaint { Color = SKColors.Black, StrokeWidth = 1, Style = SKPaintStyle.Stroke };
        for (var i = 0; i < areas.Count; i++)
        {
            var label = areas[i].Label;
            text.Draw(canvas, label, X(i * 3 + 0.5) - text.Measure(label, LabelStyle) / 2, bottom + 2 + 6.8466797f, LabelStyle);
        }
        canvas.DrawLine(left, bottom, right, bottom, ink);
        canvas.DrawLine(left, top + 0.1f, right, top + 0.1f, ink);

        canvas.Save();
        canvas.Translate(4, (top + bottom) / 2);
        canvas.RotateDegrees(-90);
        text.Draw(canvas, AxisTitle, -text.Measure(AxisTitle, LabelStyle) / 2, 6.8466797f, LabelStyle);
        canvas.Restore();
        for (var v = 0; v <= 100; v += 20)
        {
            canvas.DrawLine(left, Y(v), left - 4, Y(v), ink);
            var tick = ChartFormat.Axis(v);
            text.Draw(canvas, tick, left - 9 - text.Measure(tick, LabelStyle), Y(v) + 1.67211914f, LabelStyle);
        }
        canvas.DrawLine(left, bottom, left, top, ink);
        canvas.DrawLine(right, bottom, right, top, ink);

        Legend(canvas, text, [(unitLegend, unit), (averageLegend, average)], (left + right) / 2, height - 40.34912f, ink);

        void Bar(double position, double value, SKPaint fill)
        {
            var x0 = X(position - BarWidth / 2);
            var x1 = X(position + BarWidth / 2);
            var y0 = Y(Math.Max(0, value));
            canvas.DrawRect(x0, y0, x1 - x0, Y(0) - y0, fill);
        }
    }

    /// <summary>Items side by side, each a swatch and its label, spaced by the widest label; a white box with a black border.</summary>
    private static void Legend(SKCanvas canvas, TextEngine text, IReadOnlyList<(string Label, SKPaint Fill)> items, float centre, float boxTop, SKPaint border)
    {
        const float padding = 10, swatchWidth = 20, swatchHeight = 6.2094727f, labelGap = 5, itemGap = 10, boxHeight = 20.349121f;
        var widest = items.Max(i => text.Measure(i.Label, LabelStyle));
        var step = swatchWidth + labelGap + widest + itemGap;
        var box = new SKRect(centre - (padding + items.Count * step) / 2, boxTop, centre + (padding + items.Count * step) / 2, boxTop + boxHeight);
        using (var white = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill }) canvas.DrawRect(box, white);
        canvas.DrawRect(box, border);
        for (var i = 0; i < items.Count; i++)
        {
            var x = box.Left + padding + i * step;
            canvas.DrawRect(x, boxTop + 7.0698242f, swatchWidth, swatchHeight, items[i].Fill);
            text.Draw(canvas, items[i].Label, x + swatchWidth + labelGap, boxTop + 11.846680f, LabelStyle);
        }
    }
}
