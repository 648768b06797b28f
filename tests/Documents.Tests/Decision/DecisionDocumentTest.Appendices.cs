using System.Text.RegularExpressions;
using ParServerless.Documents.Tests.Support;
using ParServerless.Samples;
using ParServerless.Scoring.Formatting;

namespace ParServerless.Documents.Tests.Decision;

public partial class DecisionDocumentTest
{
    [GeneratedRegex(@"^\d+ \| .* \| (Xuất sắc|Tốt|Khá) \| ")]
    private static partial Regex ResultsRow();

    [Fact]
    public void Render_Appendices_HaveTitleCitationAndLandscapePages()
    {
        var first = Pdf.Pages.Select((p, i) => (p, i)).First(x => x.p.Contains("Phụ lục I"));
        Assert.True(Pdf.Sizes[first.i].W > Pdf.Sizes[first.i].H, "appendix pages are landscape");
        Assert.Contains("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2021 CỦA CÁC SỞ, BAN, NGÀNH", first.p);
        Assert.Contains("(Kèm theo Quyết định số 12/QĐ-UBND ngày 06/01/2022 của Ủy ban nhân dân tỉnh Thừa Thiên Huế)", first.p);
        Assert.Contains(Pdf.Pages, p => p.Contains("Phụ lục II"));
        Assert.Contains(Pdf.Pages, p => p.Contains("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2021 CỦA UBND CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ"));
    }

    [Fact]
    public void Render_EveryPublishedUnit_HasOneRowWithFormattedScoreRankAndBand()
    {
        var format = ScoreFormat.For(HueDecision.Scheme);
        var lines = Pdf.Pages.SelectMany(p => p).ToArray();
        foreach (var unit in HueSample.Published)
        {
            var score = format.Format(unit.Score);
            // STT | name | self | appraised | survey | total | index | rank | band | change | rank 2020 | rank change
            var rows = lines.Where(l => l.Contains($" | {unit.UnitName} | ", StringComparison.Ordinal)
                                        && l.Contains($" | {score} | {score} | {PdfText.Int(unit.Rank!.Value)} | {unit.Band} | ", StringComparison.Ordinal)).ToArray();
            Assert.True(rows.Length == 1, $"{unit.UnitName}: expected one results row with {score}, rank {unit.Rank}, {unit.Band}; found {rows.Length}");
        }
    }

    [Fact]
    public void Render_ResultsTable_HeaderRepeatsOnEveryPageItSpans()
    {
        var pagesWithRows = Pdf.Pages.Where(p => p.Any(l => ResultsRow().IsMatch(l))).ToArray();
        Assert.True(pagesWithRows.Length >= 3, "the sở table spans two pages at 11 pt, the huyện table one");
        // The header cells wrap over several lines, centred vertically: the middle line carries the one-line headers.
        Assert.All(pagesWithRows, p => Assert.Contains(p, l => l.StartsWith("STT | Tên đơn vị |", StringComparison.Ordinal)
            && l.Contains("| Xếp loại |", StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_WithChanges_PrintsPointsAndRankChangeColumns()
    {
        var lines = Pdf.Pages.SelectMany(p => p).ToArray();
        // Sở Tư pháp: 87,187 in 2021; the synthetic 2020 table has it 1,5 points lower (85,687) and 4th.
        Assert.Contains(lines, l => l.EndsWith("| Sở Tư pháp | 66,551 | 63,495 | 23,692 | 87,187 | 87,187 | 2 | Tốt | 85,687 | +1,500 | 4 | +2", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("năm 2020", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Appendix_HasAreaTableSummaryAndRankingNote()
    {
        var text = Pdf.AllText;
        Assert.Contains("2. Chỉ số thành phần theo lĩnh vực (%)", text);
        Assert.Contains("STT | Tên đơn vị | LV1 | LV2 | LV3 | LV4 | LV5 | LV6 | LV7 | LV8 | Chỉ số (%)", text);
        Assert.Contains("Tổng số 21 đơn vị: 1 đơn vị xếp loại Xuất sắc; 14 đơn vị xếp loại Tốt; 6 đơn vị xếp loại Khá. Chỉ số bình quân của khối: 82,563%.", text);
        Assert.Contains("Tổng số 9 đơn vị: 9 đơn vị xếp loại Tốt.", text);
        Assert.Contains("Ghi chú: Vị thứ được xếp theo Chỉ số (%) chưa làm tròn", text);
    }

    [Fact]
    public void Render_Charts_HaveCaptionsBarLabelsAndBandLegend()
    {
        var charts = Pdf.Pages.Where(p => p.Any(l => l.StartsWith("Biểu đồ", StringComparison.Ordinal))).ToArray();
        Assert.Equal(2, charts.Length);
        Assert.Contains("Biểu đồ 01: Kết quả Chỉ số CCHC năm 2021 của các sở, ban, ngành", charts[0]);
        Assert.Contains("Biểu đồ 02: Kết quả Chỉ số CCHC năm 2021 của UBND các huyện, thị xã, thành phố", charts[1]);
        var first = string.Join("\n", charts[0]);
        Assert.Contains("1. Văn phòng UBND tỉnh | 97,685", first);
        Assert.Contains("21. Ban Quản lý Khu Kinh tế, công nghiệp tỉnh | 73,475", first);
        // The legend lists the bands present in the group, and the average.
        Assert.Equal("Xuất sắc | Tốt | Khá | Bình quân khối", charts[0][^1]);
        Assert.DoesNotContain("Trung bình", first);
        Assert.Contains("Bình quân khối: 82,563%", first);
        Assert.Contains("Chỉ số CCHC (%)", first);
        // Each label is drawn once: a PDF keeps every pass, unlike a bitmap.
        Assert.Single(charts[0], l => l.Contains("Sở Tư pháp", StringComparison.Ordinal));
        Assert.Contains("1. UBND thị xã Hương Trà | 87,170", string.Join("\n", charts[1]));
    }

    [Fact]
    public void Render_Pages_AreNumberedTopCentreFromSecondPageOfEachSection()
    {
        var firstLines = Pdf.Pages.Select(p => p[0]).ToArray();
        // Sections: the Decision, then one per appendix; Nghị định 30 numbers each from 2, leaving its first page bare.
        var sectionStarts = firstLines.Select((l, i) => (l, i)).Where(x => x.i == 0 || x.l.StartsWith("Phụ lục ", StringComparison.Ordinal)).Select(x => x.i).ToArray();
        Assert.Equal(3, sectionStarts.Length);
        Assert.Equal("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", firstLines[0]);
        var expected = 0;
        for (var i = 0; i < firstLines.Length; i++)
        {
            expected = sectionStarts.Contains(i) ? 1 : expected + 1;
            if (expected > 1) Assert.Equal(PdfText.Int(expected), firstLines[i]);
        }
        Assert.True(Pdf.Pages.Count >= 7, $"{Pdf.Pages.Count} pages");
    }

    [Fact]
    public void Render_HeadRatings_TablePerGroupAndCountsInArticle1()
    {
        var lines = Pdf.Pages.SelectMany(p => p).ToArray();
        var text = Pdf.AllText;
        Assert.Contains("3. Xếp loại người đứng đầu về công tác cải cách hành chính", text);
        Assert.Contains(lines, l => l.StartsWith("STT | Tên đơn vị | Chỉ số (%) | Vị thứ | Xếp loại | Xếp loại người đứng đầu", StringComparison.Ordinal));
        // Huế 2021 by the default rule: Xuất sắc → hoàn thành xuất sắc, Tốt → hoàn thành tốt, Khá → hoàn thành.
        Assert.Contains(lines, l => l.EndsWith("| Văn phòng UBND tỉnh | 97,685 | 1 | Xuất sắc | Hoàn thành xuất sắc nhiệm vụ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("| Sở Giáo dục và Đào tạo | 79,455 | 16 | Khá | Hoàn thành nhiệm vụ", StringComparison.Ordinal));
        Assert.Contains("Tổng hợp: 1 người hoàn thành xuất sắc nhiệm vụ; 14 người hoàn thành tốt nhiệm vụ; 6 người hoàn thành nhiệm vụ.", text);
        Assert.Contains("Tổng hợp: 9 người hoàn thành tốt nhiệm vụ.", text);
        var article1 = HueDecision.ModelWithChanges.Articles[0].Paragraphs;
        Assert.Equal(
            "3. Kết quả xếp loại người đứng đầu về công tác cải cách hành chính năm 2021 theo Chỉ số: các sở, ban, ngành: "
            + "1 người đứng đầu hoàn thành xuất sắc nhiệm vụ, 14 người đứng đầu hoàn thành tốt nhiệm vụ, 6 người đứng đầu hoàn thành nhiệm vụ (Phụ lục I, mục 3); "
            + "UBND các huyện, thị xã, thành phố: 9 người đứng đầu hoàn thành tốt nhiệm vụ (Phụ lục II, mục 3).",
            article1[3]);
        Assert.Contains("1 người đứng đầu hoàn thành xuất sắc nhiệm vụ, 14 người đứng đầu", text.Replace("\n", " ", StringComparison.Ordinal));
    }
}
