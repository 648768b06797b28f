using ParServerless.Documents.Layout;
using ParServerless.Documents.Tests.Support;

namespace ParServerless.Documents.Tests.Decision;

/// <summary>The appendix tables as a reader sees them: figures whole and aligned, summaries with their tables, margins of NĐ 30.</summary>
public class DecisionTablesTest
{
    [Fact]
    public void Tables_DecimalCommasOfEachColumn_LineUp()
    {
        var pages = Figures.Read(HueDecision.Pdf);
        var checkedColumns = 0;
        foreach (var page in pages)
        {
            foreach (var column in Figures.Columns(page).Where(c => c.Count >= 3))
            {
                var spread = column.Max(f => f.Comma) - column.Min(f => f.Comma);
                Assert.True(spread < 0.2, $"commas of [{string.Join(", ", column.Select(f => f.Text + "@" + f.Comma.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))}…] spread over {spread:0.00} pt");
                checkedColumns++;
            }
        }
        Assert.True(checkedColumns >= 20, $"only {checkedColumns} columns of figures found");
    }

    [Fact]
    public void Tables_NoFigureIsSplitAcrossLines()
    {
        // Every figure carries the scheme's decimals whole: a wrapped "100,000" would leave "100,00" and "0".
        var decimals = HueDecision.Scheme.Settings.Decimals;
        // (Italic figures are maxima in the key under a heading, "tối đa 14,5 điểm", not table cells.)
        var figures = Figures.Read(HueDecision.Pdf).SelectMany(p => p)
            .Where(f => !f.Text.EndsWith('%') && f.Word.FontName?.Contains("Italic", StringComparison.Ordinal) != true).ToArray();
        Assert.NotEmpty(figures);
        Assert.All(figures, f => Assert.Equal(decimals, f.Text.Length - f.Text.IndexOf(',', StringComparison.Ordinal) - 1));
    }

    [Fact]
    public void Tables_SummaryAndNote_StayOnThePageOfTheLastRows()
    {
        var pages = PdfText.Read(HueDecision.Pdf).Pages;
        var summary = pages.Single(p => p.Any(l => l.StartsWith("Tổng số 21 đơn vị", StringComparison.Ordinal)));
        // At least two rows precede the summary on its page, the last one of them the 21st unit.
        var rows = summary.TakeWhile(l => !l.StartsWith("Tổng số", StringComparison.Ordinal)).Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d+ \| ")).ToArray();
        Assert.True(rows.Length >= 2, $"{rows.Length} rows before the summary");
        Assert.StartsWith("21 | Ban Quản lý Khu Kinh tế", rows[^1]);
        Assert.Contains(summary, l => l.StartsWith("Ghi chú:", StringComparison.Ordinal));
    }

    [Fact]
    public void Tables_NeverEndAPageWithThreeRowsOrFewer()
    {
        var pages = PdfText.Read(SyntheticGroup.Pdf(60)).Pages;
        foreach (var page in pages)
        {
            var rows = page.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d+ \| \D"));
            if (rows > 0) Assert.True(rows >= Table.MinRowsAtPageEnd, $"a page with {rows} table rows: {string.Join(" / ", page.Take(3))}");
        }
    }

    [Fact]
    public void LandscapePages_KeepTheMarginsOfDecree30()
    {
        var text = PdfText.Read(HueDecision.Pdf);
        const double mm = 72 / 25.4;
        for (var i = 0; i < text.Pages.Count; i++)
        {
            var (w, h) = text.Sizes[i];
            if (w < h) continue;
            // Body text and tables inside left 30, right 15, bottom 20 mm; the page number sits in the top margin.
            // (1.5 pt on the right: an italic glyph may overhang its advance width.)
            var letters = text.Letters[i].Where(l => l.Value.Trim().Length > 0 && l.BoundingBox.Bottom < h - 20 * mm).ToArray();
            Assert.All(letters, l => Assert.True(l.BoundingBox.Left >= 30 * mm - 0.5 && l.BoundingBox.Right <= w - 15 * mm + 1.5 && l.BoundingBox.Bottom >= 20 * mm - 3,
                $"page {i + 1}: '{l.Value}' at ({l.BoundingBox.Left:0.0}, {l.BoundingBox.Bottom:0.0}) is in the margin"));
        }
    }

    [Fact]
    public void Appendices_SpellOutAcronymsBeforeTheirFirstUse()
    {
        foreach (var appendix in SplitAppendices(PdfText.Read(HueDecision.Pdf)))
        {
            var text = string.Join("\n", appendix);
            var key = text.IndexOf("Chữ viết tắt: CCHC – cải cách hành chính; ĐTXHH – điều tra xã hội học; SIPAS – Chỉ số hài lòng", StringComparison.Ordinal);
            Assert.True(key > 0, "no key of abbreviations");
            foreach (var acronym in new[] { "CCHC", "ĐTXHH", "SIPAS" })
                Assert.True(text.IndexOf(acronym, StringComparison.Ordinal) > key, $"{acronym} used before it is spelled out");
        }
    }

    /// <summary>The Decision's own pages (before the appendices and their key) use no acronym: words are written out.</summary>
    [Fact]
    public void Body_UsesNoAcronym()
    {
        var body = PdfText.Read(HueDecision.Pdf).Pages.SelectMany(p => p).TakeWhile(l => !l.StartsWith("Phụ lục ", StringComparison.Ordinal)).ToList();
        Assert.True(body.Count > 20, "the body was not found");
        foreach (var acronym in new[] { "CCHC", "ĐTXHH", "SIPAS" })
            Assert.DoesNotContain(body, l => l.Contains(acronym, StringComparison.Ordinal));
    }

    private static IEnumerable<List<string>> SplitAppendices(PdfText pdf)
    {
        List<string>? current = null;
        foreach (var line in pdf.Pages.SelectMany(p => p))
        {
            if (line.StartsWith("Phụ lục ", StringComparison.Ordinal))
            {
                if (current is not null) yield return current;
                current = [];
            }
            current?.Add(line);
        }
        if (current is not null) yield return current;
    }
}
