using System.Globalization;
using ParServerless.Documents.Decision;
using ParServerless.Documents.Tests.Support;
using SkiaSharp;

namespace ParServerless.Documents.Tests.Decision;

/// <summary>Drafts look like drafts; the final text has no gap; the published twin says what it is; MẪU is seen, not read.</summary>
public class DecisionStageTest
{
    private static readonly Lazy<PdfText> Draft = new(() =>
    {
        if (Environment.GetEnvironmentVariable("PAR_DUMP_DIR") is { Length: > 0 } dump) File.WriteAllBytes(Path.Combine(dump, "decision-draft.pdf"), HueDecision.DraftPdf);
        return PdfText.Read(HueDecision.DraftPdf);
    });

    [Fact]
    public void Draft_EveryPage_CarriesTheDraftMark()
    {
        var pages = Draft.Value.Pages;
        Assert.True(pages.Count >= 7);
        Assert.All(pages, p => Assert.Contains(p, l => l.EndsWith("DỰ THẢO", StringComparison.Ordinal)));
    }

    [Fact]
    public void Draft_MissingFields_AreShownByNameNeverAsPlaceholders()
    {
        var first = Draft.Value.Pages[0];
        // (A justified line around a long unbreakable gap has wide word spaces, which PdfText reads as cell breaks.)
        var text = string.Join(" ", first).Replace(" | ", " ", StringComparison.Ordinal);
        Assert.Contains(first, l => l.StartsWith("Số: [số]/QĐ-UBND | Huế, ngày [ngày ký]", StringComparison.Ordinal));
        Assert.Contains("Căn cứ Quyết định số [số QĐ ban hành Bộ chỉ số]/QĐ-UBND ngày [ngày QĐ ban hành Bộ chỉ số]", text);
        Assert.Contains("Căn cứ Kế hoạch số [số Kế hoạch CCHC]/KH-UBND ngày [ngày Kế hoạch CCHC]", text);
        Assert.Contains("tại Tờ trình số [số Tờ trình]/TTr-SNV ngày [ngày Tờ trình].", string.Join(" ", Draft.Value.Pages.Take(2).SelectMany(p => p)));
        Assert.Contains(Draft.Value.Pages.SelectMany(p => p), l => l.EndsWith("[họ tên người ký]", StringComparison.Ordinal));
        Assert.DoesNotContain("…", Draft.Value.AllText);
        Assert.DoesNotContain("...", Draft.Value.AllText);
        // The national decision of 2021 is known, so it is never a gap.
        Assert.Contains("Căn cứ Quyết định số 1149/QĐ-BNV ngày 30 tháng 12 năm 2020", text);
    }

    [Fact]
    public void Draft_MissingFields_AreShaded()
    {
        Assert.True(ShadedPixels(HueDecision.DraftPdf) > 500, "a draft shows its gaps on a shaded background");
        Assert.Equal(0, ShadedPixels(HueDecision.Pdf));
    }

    [Fact]
    public void Final_WithMissingFields_IsRefusedAsABug()
    {
        var e = Assert.Throws<ArgumentException>(() => DecisionDocument.Render(HueDecision.BareModel, DocumentStage.Final));
        Assert.Contains("số Tờ trình", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => DecisionDocument.Render(HueDecision.Model, DocumentStage.Invalid));
    }

    [Fact]
    public void Twin_EveryPage_IsLabelledAsTheMachineReadableTwin()
    {
        var twin = PdfText.Read(DecisionDocument.Render(HueDecision.ModelWithChanges, DocumentStage.MachineReadableTwin));
        Assert.All(twin.Pages, p => Assert.Contains(p, l => l.StartsWith("Bản máy đọc được (machine-readable twin)", StringComparison.Ordinal)));
        Assert.DoesNotContain("DỰ THẢO", twin.AllText);
        Assert.DoesNotContain("machine-readable", PdfText.Read(HueDecision.Pdf).AllText);
    }

    [Fact]
    public void FinalAndTwin_FromOneLayout_AreByteForByteTheSeparateRenders()
    {
        var (final, twin) = DecisionDocument.RenderFinalAndTwin(HueDecision.ModelWithChanges);

        Assert.Equal(DecisionDocument.Render(HueDecision.ModelWithChanges, DocumentStage.Final), final);
        Assert.Equal(DecisionDocument.Render(HueDecision.ModelWithChanges, DocumentStage.MachineReadableTwin), twin);
        Assert.NotEqual(final, twin);
    }

    [Fact]
    public void SampleWatermark_IsVisibleOnEveryPageButNeverExtractedAsText()
    {
        Assert.True(HueDecision.Model.IsSample);
        var text = PdfText.Read(HueDecision.Pdf);
        Assert.DoesNotContain(text.Letters.SelectMany(p => p), l => l.PointSize > 60);
        Assert.DoesNotContain("MẪU", text.AllText);
        var directory = Path.Combine(Path.GetTempPath(), "par-mau-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            var pngs = Poppler.ToPng(HueDecision.Pdf, directory, dpi: 30);
            Assert.Equal(text.Pages.Count, pngs.Length);
            // Pale red in the middle of every page, chart pages included (a chart's white background once hid it).
            Assert.All(pngs, png => Assert.True(Count(png, c => c.Red > 230 && c.Red - c.Green > 15 && c.Red - c.Blue > 15) > 150, $"{Path.GetFileName(png)}: no MẪU"));
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Pixels of the gaps' yellow on the first page.</summary>
    private static int ShadedPixels(byte[] pdf)
    {
        var directory = Path.Combine(Path.GetTempPath(), "par-gap-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + pdf.Length.ToString(CultureInfo.InvariantCulture));
        try
        {
            var png = Poppler.ToPng(pdf, directory, dpi: 40)[0];
            return Count(png, c => c.Red > 230 && c.Green > 200 && c.Blue < 150);
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    private static int Count(string png, Func<SKColor, bool> match)
    {
        using var bitmap = SKBitmap.Decode(png);
        var n = 0;
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
                if (match(bitmap.GetPixel(x, y))) n++;
        return n;
    }
}
