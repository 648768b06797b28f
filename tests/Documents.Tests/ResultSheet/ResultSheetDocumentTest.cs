using ParServerless.Documents.Fonts;
using ParServerless.Documents.ResultSheet;
using ParServerless.Documents.Tests.Support;
using ParServerless.Scoring.Results;

namespace ParServerless.Documents.Tests.ResultSheet;

/// <summary>The per-unit result sheet (phiếu kết quả), read back from the PDF.</summary>
public class ResultSheetDocumentTest
{
    private static readonly ResultSheetContext Context = new("Ủy ban nhân dân tỉnh Thừa Thiên Huế", new DateOnly(2022, 1, 6), HueDecision.Model.Citation, DocumentStage.Final);

    private static WorkingSheet Sheet(string unitCode) =>
        WorkingSheet.Build(HueDecision.Scheme, HueDecision.Standings.Single(s => s.Find(unitCode) is not null), unitCode, HueDecision.Changes.GetValueOrDefault(unitCode));

    private static readonly Lazy<byte[]> JusticePdf = new(() => ResultSheetDocument.Render(Sheet("SO-TP"), HueDecision.Scheme, Context));

    private static readonly Lazy<PdfText> Justice = new(() =>
    {
        if (Environment.GetEnvironmentVariable("PAR_DUMP_DIR") is { Length: > 0 } dump) File.WriteAllBytes(Path.Combine(dump, "result-sheet.pdf"), JusticePdf.Value);
        return PdfText.Read(JusticePdf.Value);
    });

    [Fact]
    public void Render_Heading_NamesUnitYearAndDecision()
    {
        var first = Justice.Value.Pages[0];
        Assert.Equal("ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ", first[0]);
        Assert.Equal("PHIẾU KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2021", first[1]);
        Assert.Equal("Sở Tư pháp", first[2]);
        // The sheet is not an appendix of the Decision: it cites it.
        Assert.Contains("(Căn cứ Quyết định số 12/QĐ-UBND ngày 06/01/2022 của Ủy ban nhân dân tỉnh Thừa Thiên Huế)", first);
        Assert.DoesNotContain("Kèm theo", Justice.Value.AllText);
        // The scheme by its name, never its internal id.
        Assert.Contains(first, l => l.Contains("Bộ chỉ số: " + HueDecision.Scheme.Name.Split(' ')[0], StringComparison.Ordinal));
        Assert.DoesNotContain(HueDecision.Scheme.Ref.ToString(), Justice.Value.AllText);
    }

    [Fact]
    public void Render_Summary_HasScoreRankBandAndChange()
    {
        var text = Justice.Value.AllText;
        Assert.Contains("Tổng điểm | 87,187 | Chỉ số (%) | 87,187", text);
        Assert.Contains("Vị thứ trong khối | 2/21 | Xếp loại | Tốt", text);
        Assert.Contains("Chỉ số năm 2020 | 85,687 | Vị thứ năm 2020 | 4 (tăng 2 bậc)", text);
        Assert.Contains("So với năm 2020 | +1,500 điểm", text);
    }

    [Fact]
    public void Render_Gaps_GiveNextBandAndNextRank()
    {
        var text = string.Join(" ", Justice.Value.Pages.SelectMany(p => p));
        // 90 − 87,187 = 2,813 index points to Xuất sắc; 97,685 − 87,187 = 10,498 to pass the Văn phòng.
        Assert.Contains("Để đạt loại Xuất sắc (chỉ số từ 90,000%): cần thêm 2,813 điểm chỉ số, tương đương 2,813 điểm.", text);
        Assert.Contains("Để lên vị thứ 1 (Văn phòng UBND tỉnh): cần hơn 10,498 điểm chỉ số, tương đương 10,498 điểm.", text);
    }

    [Fact]
    public void Render_Losses_ListTheLeavesThatLostMost()
    {
        var sheet = Sheet("SO-TP");
        var lines = Justice.Value.Pages.SelectMany(p => p).ToArray();
        Assert.Contains("3. Các tiêu chí thành phần mất nhiều điểm nhất", lines);
        Assert.Equal(WorkingSheet.LossesListed, sheet.BiggestLosses.Count);
        foreach (var leaf in sheet.BiggestLosses)
            Assert.Contains(lines, l => l.StartsWith(leaf.Code.Value + " | ", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_EveryLeafAndArea_HasARowAndTheChartHasItsLabels()
    {
        var sheet = Sheet("SO-TP");
        var lines = Justice.Value.Pages.SelectMany(p => p).ToArray();
        var format = Scoring.Formatting.ScoreFormat.For(HueDecision.Scheme);
        foreach (var leaf in sheet.Result.Leaves)
            Assert.Contains(lines, l => l.StartsWith(leaf.Code.Value + " | ", StringComparison.Ordinal) && l.Contains(" | " + format.Format(leaf.Final) + " | ", StringComparison.Ordinal));
        foreach (var area in sheet.Areas)
            Assert.Contains(lines, l => l.StartsWith("LV" + area.Code.Value + " | ", StringComparison.Ordinal) && l.Contains(format.Format(area.GroupAverageIndex), StringComparison.Ordinal));
        var text = Justice.Value.AllText;
        Assert.Contains("Biểu đồ: Chỉ số thành phần của Sở Tư pháp và bình quân các sở, ban, ngành", text);
        Assert.Contains("Bình quân khối", text);
    }

    [Fact]
    public void Render_Pages_HaveTrangXOfYFooters()
    {
        var pages = Justice.Value.Pages;
        Assert.True(pages.Count >= 2);
        for (var i = 0; i < pages.Count; i++)
            Assert.Equal($"Sở Tư pháp – Trang {PdfText.Int(i + 1)}/{PdfText.Int(pages.Count)}", pages[i][^1]);
    }

    [Fact]
    public void Render_TopUnit_SaysItLeadsAndIsInTheTopBand()
    {
        var text = string.Join(" ", PdfText.Read(ResultSheetDocument.Render(Sheet("VP-UBND"), HueDecision.Scheme, Context)).Pages.SelectMany(p => p));
        Assert.Contains("Đơn vị đã ở mức xếp loại cao nhất (Xuất sắc).", text);
        Assert.Contains("Đơn vị đang dẫn đầu khối.", text);
    }

    [Fact]
    public void Render_IsDeterministicAndFullyCovered()
    {
        Assert.Equal(JusticePdf.Value, ResultSheetDocument.Render(Sheet("SO-TP"), HueDecision.Scheme, Context));
        var missing = new List<string>();
        using var layout = ResultSheetDocument.Compose(Sheet("SO-TP"), HueDecision.Scheme, Context, null, (text, face) =>
        {
            if (!EmbeddedFonts.Covers(face, text)) missing.Add(text);
        });
        layout.ToPdf(new ParServerless.Documents.Layout.PdfInfo("t", "a", "s", Context.Date));
        Assert.Empty(missing);
    }

    [Fact]
    public void Render_EmbedsOnlyTheGlyphsItDraws()
    {
        // Each face is cut to the glyphs the sheet draws (the chart's too), so the whole three-page sheet weighs less than
        // one face embedded whole: Skia's PDF backend embedded and deflated every face whole in every sheet before.
        Assert.True(JusticePdf.Value.Length < EmbeddedFonts.Data(FontFace.Regular).Length,
            $"{JusticePdf.Value.Length} bytes, against {EmbeddedFonts.Data(FontFace.Regular).Length} for the regular face alone");
    }

    [Fact]
    public void Render_PagesToPng_AreNotBlank()
    {
        var directory = Path.Combine(Path.GetTempPath(), "par-sheet-png-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            var pngs = Poppler.ToPng(JusticePdf.Value, directory);
            Assert.NotEmpty(pngs);
            Assert.All(pngs, png => Assert.True(Poppler.InkShare(png) > 0.005, $"{png} looks blank"));
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
