using ParServerless.Documents.Layout;
using SkiaSharp;

namespace ParServerless.Documents.Charts;

/// <summary>One bar of a group chart: a unit, its index, its band colour and the label printed for its value.</summary>
internal sealed record ChartBar(string Name, double Value, string Color, string Label);

/// <summary>A legend entry: band name and colour.</summary>
internal sealed record ChartLegendItem(string Text, string Color);

/// <summary>How a group's chart is laid out, decided once for the whole group so that every part looks alike.</summary>
/// <param name="NameLines">Each unit's name as printed: one or two lines.</param>
/// <param name="NameWidth">Width of the name column, right of which the plot frame starts.</param>
/// <param name="ValueWidth">Width of the value column right of the frame.</param>
/// <param name="Pitch">Height of one bar's row.</param>
internal sealed record BarChartPlan(IReadOnlyList<IReadOnlyList<string>> NameLines, float NameWidth, float ValueWidth, float Pitch)
{
    /// <summary>Height of a chart of <paramref name="bars"/> rows.</summary>
    public float Height(int bars) => BandBarChart.Top + bars * Pitch + BandBarChart.Bottom;

    /// <summary>Rows that fit in <paramref name="height"/>; at least one.</summary>
    public int RowsFitting(float height) => Math.Max(1, (int)((height - BandBarChart.Top - BandBarChart.Bottom) / Pitch));
}

/// <summary>
/// The group chart of the Decision (Biểu đồ 01 …): one horizontal bar per unit in rank order, coloured by band, on an axis
/// from 0 to 100 with ticks every 10; names in a column left of the plot frame, values in a column right of it, so that no
/// label is ever clipped or crosses the frame; the group average as a dashed line drawn over the bars, labelled above the
/// frame; a legend of the bands present and the average. No shadows.
/// </summary>
/// <remarks>
/// Drawn with the document's text engine straight onto the PDF page, so it stays vector and every glyph is checked like the
/// text. A row is never lower than <see cref="MinPitch"/>; the chart's height follows from the number of rows, and a group
/// that does not fit on a page is split into parts of equal size (<see cref="BarChartPlan.RowsFitting"/>).
/// </remarks>
internal static class BandBarChart
{
    public static readonly TextStyle NameStyle = new(9);
    public static readonly TextStyle ValueStyle = new(9, Bold: true);
    public static readonly TextStyle TickStyle = new(9);
    public static readonly TextStyle LegendStyle = new(9);
    public static readonly TextStyle AverageStyle = new(9, Italic: true);

    /// <summary>Lowest row height: a bar of at least 10 pt with room for a one-line name.</summary>
    public const float MinPitch = 16;

    /// <summary>Band above the frame, for the average's label.</summary>
    public const float Top = 16;

    /// <summary>Band below the frame: tick labels, axis title, legend.</summary>
    public const float Bottom = 58;

    private const float Gap = 8;
    private const float LineHeight = 10.5f;

    /// <summary>Names wider than the name column wrap onto a second line; a name longer than two lines is shortened on its
    /// second line, ending in "…". The same rule applies to every unit of the group.</summary>
    public static BarChartPlan Plan(Func<string, TextStyle, float> measure, IReadOnlyList<ChartBar> bars, float width)
    {
        var widest = bars.Select(b => measure(b.Name, NameStyle)).DefaultIfEmpty(0).Max();
        var nameWidth = Math.Min(widest, width * 0.36f);
        var names = bars.Select(b => Wrap(measure, b.Name, nameWidth)).ToArray();
        var valueWidth = bars.Select(b => measure(b.Label, ValueStyle)).DefaultIfEmpty(20).Max() + Gap;
        var lines = names.Select(n => n.Count).DefaultIfEmpty(1).Max();
        var pitch = Math.Max(MinPitch, lines * LineHeight + 6);
        return new BarChartPlan(names, nameWidth, valueWidth, pitch);
    }

    /// <summary>Left and right of the plot frame in a chart of <paramref name="width"/>.</summary>
    public static (float Left, float Right) Frame(BarChartPlan plan, float width) => (plan.NameWidth + Gap, width - plan.ValueWidth - Gap / 2);

    public static void Draw(SKCanvas canvas, SKSize size, TextEngine text, BarChartPlan plan, int first, IReadOnlyList<ChartBar> bars,
        IReadOnlyList<ChartLegendItem> legend, double average, string averageLabel, string averageLegend, string axisLabel)
    {
        var (left, right) = Frame(plan, size.Width);
        var top = Top;
        var bottom = Top + bars.Count * plan.Pitch;
        float X(double v) => left + (float)(Math.Clamp(v, 0, 100) / 100) * (right - left);

        using var grid = new SKPaint { Color = new SKColor(0x1F000000), StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke };
        using var frame = new SKPaint { Color = new SKColor(0xFF808080), StrokeWidth = 0.6f, Style = SKPaintStyle.Stroke };
        using var tick = new SKPaint { Color = SKColors.Black, StrokeWidth = 0.6f, Style = SKPaintStyle.Stroke };
        for (var t = 0; t <= 100; t += 10)
        {
            var x = X(t);
            if (t is > 0 and < 100) canvas.DrawLine(x, top, x, bottom, grid);
            canvas.DrawLine(x, bottom, x, bottom + 3, tick);
            var label = ChartFormat.Axis(t);
            text.Draw(canvas, label, x - text.Measure(label, TickStyle) / 2, bottom + 3 + Ascent(text, TickStyle) + 1, TickStyle);
        }

        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var rowTop = top + i * plan.Pitch;
            var barHeight = Math.Min(plan.Pitch * 0.66f, 13);
            using var fill = new SKPaint { Color = SKColor.Parse(bar.Color), Style = SKPaintStyle.Fill };
            canvas.DrawRect(left, rowTop + (plan.Pitch - barHeight) / 2, X(bar.Value) - left, barHeight, fill);

            var lines = plan.NameLines[first + i];
            // Baselines centre the name's lines on the bar; the value shares the baseline of a one-line name.
            var middle = rowTop + plan.Pitch / 2 + Ascent(text, NameStyle) / 2;
            float Baseline(int l) => middle + (l - (lines.Count - 1) / 2f) * LineHeight;
            for (var l = 0; l < lines.Count; l++)
            {
                var w = text.Measure(lines[l], NameStyle);
                text.Draw(canvas, lines[l], plan.NameWidth - w, Baseline(l), NameStyle);
            }
            var vw = text.Measure(bar.Label, ValueStyle);
            text.Draw(canvas, bar.Label, size.Width - vw, middle, ValueStyle);
        }
        canvas.DrawRect(left, top, right - left, bottom - top, frame);

        // The average over the bars, dashed; its label above the frame, where no bar or name can be.
        var ax = X(average);
        using (var dash = new SKPaint { Color = new SKColor(0xCC000000), StrokeWidth = 1, Style = SKPaintStyle.Stroke, PathEffect = SKPathEffect.CreateDash([4, 3], 0) })
            canvas.DrawLine(ax, top - 3, ax, bottom, dash);
        var aw = text.Measure(averageLabel, AverageStyle);
        var alx = Math.Clamp(ax - aw / 2, left, size.Width - aw);
        text.Draw(canvas, averageLabel, alx, top - 5, AverageStyle);

        var axisY = bottom + 3 + 2 * (Ascent(text, TickStyle) + 3) + 2;
        var axisW = text.Measure(axisLabel, TickStyle);
        text.Draw(canvas, axisLabel, left + (right - left - axisW) / 2, axisY, TickStyle);
        Legend(canvas, text, legend, averageLegend, (left + right) / 2, axisY + 16);
    }

    private static void Legend(SKCanvas canvas, TextEngine text, IReadOnlyList<ChartLegendItem> items, string averageLegend, float centre, float baseline)
    {
        const float swatch = 9, inner = 4, between = 16, dashWidth = 18;
        var widths = items.Select(i => swatch + inner + text.Measure(i.Text, LegendStyle)).ToList();
        var averageWidth = dashWidth + inner + text.Measure(averageLegend, LegendStyle);
        var total = widths.Sum() + averageWidth + between * widths.Count;
        var x = centre - total / 2;
        for (var i = 0; i < items.Count; i++)
        {
            using var fill = new SKPaint { Color = SKColor.Parse(items[i].Color), Style = SKPaintStyle.Fill };
            canvas.DrawRect(x, baseline - swatch + 1, swatch, swatch, fill);
            text.Draw(canvas, items[i].Text, x + swatch + inner, baseline, LegendStyle);
            x += widths[i] + between;
        }
        using var dash = new SKPaint { Color = new SKColor(0xCC000000), StrokeWidth = 1, Style = SKPaintStyle.Stroke, PathEffect = SKPathEffect.CreateDash([4, 3], 0) };
        canvas.DrawLine(x, baseline - 3.5f, x + dashWidth, baseline - 3.5f, dash);
        text.Draw(canvas, averageLegend, x + dashWidth + inner, baseline, LegendStyle);
    }

    private static float Ascent(TextEngine text, TextStyle style) => text.Metrics(style).Ascent * 0.75f;

    private static IReadOnlyList<string> Wrap(Func<string, TextStyle, float> measure, string name, float width)
    {
        if (measure(name, NameStyle) <= width) return [name];
        var words = name.Split(' ');
        var lines = new List<string>();
        var line = "";
        foreach (var word in words)
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (measure(candidate, NameStyle) <= width || line.Length == 0) line = candidate;
            else
            {
                lines.Add(line);
                line = word;
            }
        }
        lines.Add(line);
        if (lines.Count <= 2 && lines.All(l => measure(l, NameStyle) <= width)) return lines;
        // Longer than two lines: keep the first, shorten the rest into the second.
        var rest = string.Join(" ", lines.Skip(1));
        while (rest.Length > 1 && measure(rest + "…", NameStyle) > width) rest = rest[..^1].TrimEnd();
        var firstLine = lines[0];
        while (firstLine.Length > 1 && measure(firstLine, NameStyle) > width) firstLine = firstLine[..^1];
        return [firstLine, rest + "…"];
    }
}
