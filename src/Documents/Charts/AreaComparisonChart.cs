using ParServerless.Documents.Fonts;
using ScottPlot;
using SkiaSharp;

namespace ParServerless.Documents.Charts;

/// <summary>One area of the result-sheet chart: its short label, the unit's index and the group average.</summary>
internal sealed record AreaPair(string Label, double Unit, string UnitText, double Average);

/// <summary>The result sheet's chart: per area (lĩnh vực), the unit's component index beside its group's average.</summary>
internal static class AreaComparisonChart
{
    public static void Draw(SKCanvas canvas, SKSize size, IReadOnlyList<AreaPair> areas, string unitColor, string unitLegend, string averageLegend)
    {
        TinosFontResolver.Install();
        var plot = new Plot();
        try
        {
            plot.FigureBackground.Color = Colors.White;
            var unit = ChartFormat.Color(unitColor);
            var average = Color.FromHex("#A6A6A6");
            var bars = new List<Bar>();
            for (var i = 0; i < areas.Count; i++)
            {
                bars.Add(new Bar { Position = i * 3, Value = areas[i].Unit, FillColor = unit, LineWidth = 0, Label = areas[i].UnitText, Size = 0.95 });
                bars.Add(new Bar { Position = i * 3 + 1, Value = areas[i].Average, FillColor = average, LineWidth = 0, Size = 0.95 });
            }
            var plottable = plot.Add.Bars(bars);
            // Only the unit's bars carry labels: two labels per area collide at A4 width, and the table gives the averages.
            plottable.ValueLabelStyle.FontSize = 7.5f;
            plottable.ValueLabelStyle.FontName = EmbeddedFonts.Family;

            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                areas.Select((_, i) => i * 3 + 0.5).ToArray(), areas.Select(a => a.Label).ToArray());
            plot.Axes.Bottom.TickLabelStyle.FontSize = 9;
            plot.Axes.Bottom.MajorTickStyle.Length = 0;
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                Enumerable.Range(0, 6).Select(i => i * 20.0).ToArray(),
                Enumerable.Range(0, 6).Select(i => ChartFormat.Axis(i * 20.0)).ToArray());
            plot.Axes.Left.TickLabelStyle.FontSize = 9;
            plot.Axes.Left.Label.Text = "Chỉ số thành phần (%)";
            plot.Axes.Left.Label.FontSize = 9;
            plot.Axes.Left.Label.Bold = false;
            plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
            plot.Grid.YAxisStyle.MajorLineStyle.Color = Colors.Black.WithAlpha(0.12);

            plot.Legend.ManualItems.Add(new LegendItem { LabelText = unitLegend, FillColor = unit });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = averageLegend, FillColor = average });
            plot.Legend.FontSize = 9;
            plot.Legend.FontName = EmbeddedFonts.Family;
            plot.Legend.Orientation = Orientation.Horizontal;
            // A flat legend: no drop shadow (issue 11).
            plot.Legend.ShadowColor = Colors.Transparent;
            plot.ShowLegend(Edge.Bottom);

            plot.Axes.SetLimits(-0.8, areas.Count * 3 - 1.2, 0, 112);
            ChartRender.Once(plot, canvas, size);
        }
        finally
        {
            plot.Dispose();
        }
    }
}
