using ParServerless.Documents.Fonts;
using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace ParServerless.Documents.Charts;

/// <summary>One bar of a group chart: a unit, its index, its band colour and the label printed at the bar's end.</summary>
internal sealed record ChartBar(string Name, double Value, string Color, string Label);

/// <summary>A legend entry: band name and colour.</summary>
internal sealed record ChartLegendItem(string Text, string Color);

/// <summary>
/// The group chart of the Decision (Biểu đồ 01 …): one horizontal bar per unit in rank order, coloured by band, with its
/// formatted index at the end of the bar, the group average as a dashed line, and a legend of the bands.
/// </summary>
/// <remarks>Drawn by ScottPlot straight onto the PDF page canvas, so it stays vector; labels are formatted by the caller.</remarks>
internal static class BandBarChart
{
    public static void Draw(SKCanvas canvas, SKSize size, IReadOnlyList<ChartBar> bars, IReadOnlyList<ChartLegendItem> legend,
        double average, string averageLabel, string axisLabel)
    {
        TinosFontResolver.Install();
        var plot = new Plot();
        try
        {
            plot.FigureBackground.Color = Colors.White;
            plot.DataBackground.Color = Colors.White;
            var n = bars.Count;
            // Added first so that bars and their labels are drawn over it.
            var line = plot.Add.VerticalLine(average);
            line.LinePattern = LinePattern.Dashed;
            line.LineWidth = 1;
            line.Color = Colors.Black.WithAlpha(0.6);
            var items = bars.Select((b, i) => new Bar
            {
                Position = n - 1 - i,
                Value = b.Value,
                FillColor = ChartFormat.Color(b.Color),
                LineWidth = 0,
                Label = b.Label,
                Size = 0.72,
            }).ToList();
            var barPlot = plot.Add.Bars(items);
            barPlot.Horizontal = true;
            barPlot.ValueLabelStyle.FontSize = 9;
            barPlot.ValueLabelStyle.FontName = EmbeddedFonts.Family;

            var positions = Enumerable.Range(0, n).Select(i => (double)(n - 1 - i)).ToArray();
            plot.Axes.Left.TickGenerator = new NumericManual(positions, bars.Select(b => b.Name).ToArray());
            plot.Axes.Left.TickLabelStyle.FontSize = 9;
            plot.Axes.Left.MajorTickStyle.Length = 0;
            plot.Axes.Bottom.TickGenerator = new NumericManual(
                Enumerable.Range(0, 11).Select(i => i * 10.0).ToArray(),
                Enumerable.Range(0, 11).Select(i => ChartFormat.Axis(i * 10.0)).ToArray());
            plot.Axes.Bottom.TickLabelStyle.FontSize = 9;
            plot.Axes.Bottom.Label.Text = axisLabel;
            plot.Axes.Bottom.Label.FontSize = 10;
            plot.Axes.Bottom.Label.Bold = false;
            plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
            plot.Grid.XAxisStyle.MajorLineStyle.Color = Colors.Black.WithAlpha(0.12);

            plot.Legend.ManualItems.AddRange(legend.Select(l => new LegendItem { LabelText = l.Text, FillColor = ChartFormat.Color(l.Color) }));
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = averageLabel, LineColor = Colors.Black.WithAlpha(0.6), LinePattern = LinePattern.Dashed, LineWidth = 1 });
            plot.Legend.FontSize = 9;
            plot.Legend.FontName = EmbeddedFonts.Family;
            plot.Legend.Orientation = Orientation.Horizontal;
            plot.ShowLegend(Edge.Bottom);

            // Room right of 100 for the value labels.
            plot.Axes.SetLimits(0, 108, -0.6, n - 0.4);
            ChartRender.Once(plot, canvas, size);
        }
        finally
        {
            plot.Dispose();
        }
    }
}
