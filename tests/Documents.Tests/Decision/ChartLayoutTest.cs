using ParServerless.Documents.Charts;
using ParServerless.Documents.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;

namespace ParServerless.Documents.Tests.Decision;

/// <summary>The group charts (Biểu đồ) read back from the PDF's word positions, for groups of 1 to 150 units.</summary>
public class ChartLayoutTest
{
    private static readonly string[] Ticks = ["0", "10", "20", "30", "40", "50", "60", "70", "80", "90", "100"];

    [Theory]
    [InlineData(1)]    // a single unit
    [InlineData(3)]
    [InlineData(9)]    // Huế's districts: the case that was unreadable
    [InlineData(21)]
    [InlineData(60)]   // several chart pages
    [InlineData(150)]  // a large province's communes
    public void Chart_AnyGroupSize_LabelsNeitherOverlapNorCrossTheFrame(int units)
    {
        var model = SyntheticGroup.Model(units);
        using var pdf = PdfDocument.Open(SyntheticGroup.Pdf(units));
        var chartPages = pdf.GetPages().Where(p => p.Text.Contains("Biểu đồ 01", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(chartPages);
        var values = new List<string>();
        foreach (var page in chartPages)
        {
            var words = page.GetWords().Where(w => w.Text.Trim().Length > 0).ToArray();
            // The plot frame, from its tick labels (0 and 100 are centred on its left and right edges) and the average's
            // label (just above its top edge).
            // Tick labels share one baseline (the page number, also a number, sits alone in the top margin).
            var ticks = words.Where(w => Ticks.Contains(w.Text)).GroupBy(w => Math.Round(w.Letters[0].StartBaseLine.Y, 1))
                .OrderByDescending(g => g.Count()).First().ToArray();
            Assert.Equal(Ticks, ticks.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text));
            var left = ticks.Single(w => w.Text == "0").BoundingBox.Centroid.X;
            var right = ticks.Single(w => w.Text == "100").BoundingBox.Centroid.X;
            var bottom = ticks.Max(w => w.BoundingBox.Top);
            var average = words.Where(w => w.Text == "Bình").OrderByDescending(w => w.BoundingBox.Bottom).First();
            var top = average.BoundingBox.Bottom;
            var frame = new PdfRectangle(left + 0.5, bottom + 0.5, right - 0.5, top - 0.5);

            foreach (var w in words)
            {
                Assert.False(Intersects(w.BoundingBox, frame), $"{units} units: '{w.Text}' crosses the plot frame");
                Assert.True(w.BoundingBox.Left >= 0 && w.BoundingBox.Right <= page.Width && w.BoundingBox.Bottom >= 0 && w.BoundingBox.Top <= page.Height,
                    $"'{w.Text}' is cut off by the page");
            }
            for (var i = 0; i < words.Length; i++)
                for (var j = i + 1; j < words.Length; j++)
                    Assert.False(Intersects(Shrink(words[i].BoundingBox), Shrink(words[j].BoundingBox)),
                        $"{units} units: '{words[i].Text}' overlaps '{words[j].Text}'");

            // Values right of the frame, one per bar, never closer than the minimum row height.
            var pageValues = words.Where(w => w.Text.Contains(',', StringComparison.Ordinal) && !w.Text.EndsWith('%') && w.BoundingBox.Left > right && w.BoundingBox.Bottom > bottom)
                .OrderByDescending(w => w.BoundingBox.Bottom).ToArray();
            for (var i = 1; i < pageValues.Length; i++)
                Assert.True(pageValues[i - 1].BoundingBox.Bottom - pageValues[i].BoundingBox.Bottom >= BandBarChart.MinPitch - 0.01,
                    $"{units} units: rows closer than {BandBarChart.MinPitch} pt");
            values.AddRange(pageValues.Select(w => w.Text));
        }
        // Every unit's value printed whole, once, in rank order: nothing clipped, nothing lost between parts.
        var format = model.Format;
        Assert.Equal(model.Appendices[0].Rows.Select(r => format.Format(r.Index)), values);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(21)]
    [InlineData(60)]
    [InlineData(150)]
    public void Chart_LargeGroup_SplitsIntoPartsOfEqualSize(int units)
    {
        var text = PdfText.Read(SyntheticGroup.Pdf(units));
        var parts = text.Pages.Where(p => p.Any(l => l.StartsWith("Biểu đồ 01", StringComparison.Ordinal)))
            .Select(p => p.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"(^| \| )\d+,\d{3}$"))).ToArray();
        Assert.Equal(units, parts.Sum());
        // Parts differ by at most one bar; a group that fits on one page (Huế's 9 districts) is never split.
        Assert.True(parts.Max() - parts.Min() <= 1, string.Join(", ", parts));
        if (units <= 9) Assert.Single(parts);
        if (parts.Length > 1)
            Assert.Contains(text.Pages.SelectMany(p => p), l => l.EndsWith($"(phần {parts.Length}/{parts.Length})", StringComparison.Ordinal));
    }

    [Fact]
    public void Chart_Legend_ListsOnlyBandsPresent()
    {
        // Huế's districts are all "Tốt": the legend shows that band and the average only.
        var text = PdfText.Read(HueDecision.Pdf);
        var chart = text.Pages.Single(p => p.Any(l => l.StartsWith("Biểu đồ 02", StringComparison.Ordinal)));
        var legend = chart[^1];
        Assert.Equal("Tốt | Bình quân khối", legend);
    }

    private static PdfRectangle Shrink(PdfRectangle r) => new(r.Left + 0.3, r.Bottom + 0.3, r.Right - 0.3, r.Top - 0.3);

    private static bool Intersects(PdfRectangle a, PdfRectangle b) =>
        a.Left < b.Right && b.Left < a.Right && a.Bottom < b.Top && b.Bottom < a.Top;
}
