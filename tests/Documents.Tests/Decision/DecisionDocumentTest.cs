using ParServerless.Documents.Tests.Support;

namespace ParServerless.Documents.Tests.Decision;

/// <summary>What the Decision says, as a reader of the PDF sees it (text extracted with PdfPig, rebuilt into lines).</summary>
public partial class DecisionDocumentTest
{
    private static readonly Lazy<PdfText> LazyText = new(() =>
    {
        // PAR_DUMP_DIR keeps the rendered file for a person to look at (docs/images come from it).
        if (Environment.GetEnvironmentVariable("PAR_DUMP_DIR") is { Length: > 0 } dump) File.WriteAllBytes(Path.Combine(dump, "decision.pdf"), HueDecision.Pdf);
        return PdfText.Read(HueDecision.Pdf);
    });

    private static PdfText Pdf => LazyText.Value;

    /// <summary>Pages of the Decision proper (portrait), before the first appendix.</summary>
    private static IEnumerable<string> BodyLines =>
        Pdf.Pages.TakeWhile((_, i) => Pdf.Sizes[i].H > Pdf.Sizes[i].W).SelectMany(p => p);

    [Fact]
    public void Render_Header_HasIssuingBodyNationalTitleNumberAndDate()
    {
        var first = Pdf.Pages[0];
        Assert.Equal("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", first[0]);
        Assert.Equal("TỈNH THỪA THIÊN HUẾ | Độc lập - Tự do - Hạnh phúc", first[1]);
        Assert.Equal("Số: 12/QĐ-UBND | Huế, ngày 06 tháng 01 năm 2022", first[2]);
        Assert.Equal("QUYẾT ĐỊNH", first[3]);
        Assert.Equal("Về việc công bố Chỉ số cải cách hành chính năm 2021 của các sở, ban, ngành", first[4]);
        Assert.Equal("và UBND các huyện, thị xã, thành phố", first[5]);
        Assert.Equal("ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ", first[6]);
    }

    [Fact]
    public void Render_Body_HasLegalBasesArticlesRecipientsAndSignature()
    {
        var text = string.Join(" ", BodyLines);
        Assert.Contains("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", text);
        Assert.Contains("Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021", text);
        Assert.Contains("Căn cứ Quyết định số 1149/QĐ-BNV ngày 30 tháng 12 năm 2020 của Bộ trưởng Bộ Nội vụ", text);
        Assert.Contains("Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 05/TTr-SNV ngày 04 tháng 01 năm 2022.", text);
        Assert.DoesNotContain("…", text);
        Assert.Contains("QUYẾT ĐỊNH:", BodyLines);
        Assert.Contains(BodyLines, l => l.StartsWith("Điều 1. Công bố kết quả Chỉ số cải cách hành chính năm 2021", StringComparison.Ordinal));
        Assert.Contains("chi tiết tại Phụ lục I kèm theo.", text);
        Assert.Contains("chi tiết tại Phụ lục II kèm theo.", text);
        Assert.Contains(BodyLines, l => l.StartsWith("Điều 2. Thủ trưởng các cơ quan, đơn vị có tên tại Điều 1", StringComparison.Ordinal));
        Assert.Contains("Điều 3. Quyết định này có hiệu lực kể từ ngày ký.", BodyLines);
        Assert.Contains("chịu trách nhiệm thi hành Quyết định này./.", text);
        Assert.Contains("Nơi nhận:", text);
        Assert.Contains("- Như Điều 3;", BodyLines);
        Assert.Contains("- Lưu: VT, SNV.", BodyLines);
        // The signature block's lines sit right of the recipients, in this order.
        var signature = BodyLines.Where(l => l.Contains("TM. ỦY BAN NHÂN DÂN", StringComparison.Ordinal)
            || l.Contains("KT. CHỦ TỊCH", StringComparison.Ordinal) || l.EndsWith("PHÓ CHỦ TỊCH", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, signature.Length);
        Assert.EndsWith("TM. ỦY BAN NHÂN DÂN", signature[0]);
        Assert.EndsWith("KT. CHỦ TỊCH", signature[1]);
    }

    [Fact]
    public void Render_Final_NamesTheSignerAndHasNoDraftMark()
    {
        Assert.EndsWith("Nguyễn Văn An", BodyLines.Single(l => l.Contains("Nguyễn Văn An", StringComparison.Ordinal)));
        Assert.DoesNotContain("DỰ THẢO", Pdf.AllText);
    }
}
