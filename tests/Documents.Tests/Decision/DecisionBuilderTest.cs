using ParServerless.Documents.Tests.Support;
using ParServerless.Samples;
using ParServerless.Scoring.Decisions;

namespace ParServerless.Documents.Tests.Decision;

/// <summary>The pure decision model (ParServerless.Scoring.Decisions): texts, defaults and appendices.</summary>
public class DecisionBuilderTest
{
    [Theory]
    [InlineData(2022, 1, 6, "Huế, ngày 06 tháng 01 năm 2022")]   // day below 10 and January: leading zeros
    [InlineData(2024, 2, 29, "Huế, ngày 29 tháng 02 năm 2024")]  // February keeps its zero
    [InlineData(2023, 3, 9, "Huế, ngày 09 tháng 3 năm 2023")]    // March onwards: no zero on the month
    [InlineData(2023, 12, 15, "Huế, ngày 15 tháng 12 năm 2023")]
    public void PlaceAndDate_FollowsDecree30(int year, int month, int day, string expected) =>
        Assert.Equal(expected, VietnameseDate.PlaceAndDate("Huế", new DateOnly(year, month, day)));

    [Fact]
    public void Build_NoNumberOrDate_MarksGapsInsteadOfPlaceholders()
    {
        var model = DecisionBuilder.Build(HueDecision.Scheme, 2021, HueSample.PublishedOn, HueDecision.Standings,
            HueDecision.Settings with { Number = null, Date = null });
        Assert.Equal("Số: ⟦số⟧/QĐ-UBND", model.NumberLine);
        Assert.Equal("Huế, ngày ⟦ngày ký⟧", model.PlaceAndDate);
        Assert.StartsWith("Quyết định số ⟦số⟧/QĐ-UBND ngày ⟦ngày ký⟧", model.Citation);
    }

    [Theory]
    [InlineData("5", "05")]    // below 10: leading zero (Nghị định 30)
    [InlineData("05", "05")]
    [InlineData("10", "10")]
    [InlineData("123", "123")]
    [InlineData(" 7 ", "07")]
    public void Build_Number_TakesLeadingZeroBelowTen(string number, string printed)
    {
        var model = DecisionBuilder.Build(HueDecision.Scheme, 2021, HueSample.PublishedOn, HueDecision.Standings, HueDecision.Settings with { Number = number });
        Assert.Equal($"Số: {printed}/QĐ-UBND", model.NumberLine);
        Assert.StartsWith($"Quyết định số {printed}/QĐ-UBND ngày 06/01/2022", model.Citation);
    }

    [Fact]
    public void Build_HueSample_HasNoGapAndCitesEveryInstrument()
    {
        var m = HueDecision.Model;
        Assert.Empty(DraftGap.In(m));
        Assert.DoesNotContain(m.LegalBases, l => l.Contains('…', StringComparison.Ordinal));
        Assert.Equal(
        [
            "Căn cứ Quyết định số 1149/QĐ-BNV ngày 30 tháng 12 năm 2020 của Bộ trưởng Bộ Nội vụ phê duyệt Đề án “Xác định Chỉ số cải cách hành chính của các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương”;",
            "Căn cứ Quyết định số 2780/QĐ-UBND ngày 18 tháng 11 năm 2021 của Ủy ban nhân dân tỉnh Thừa Thiên Huế ban hành " + DecisionDefaultsName() + ";",
            "Căn cứ Kế hoạch số 298/KH-UBND ngày 28 tháng 12 năm 2020 của Ủy ban nhân dân tỉnh Thừa Thiên Huế về cải cách hành chính năm 2021;",
            "Căn cứ Quyết định số 3105/QĐ-UBND ngày 10 tháng 12 năm 2021 của Ủy ban nhân dân tỉnh Thừa Thiên Huế thành lập Hội đồng thẩm định Chỉ số cải cách hành chính năm 2021;",
            "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 05/TTr-SNV ngày 04 tháng 01 năm 2022.",
        ], m.LegalBases.Skip(2));
        Assert.Equal("Nguyễn Văn An", m.Signature.SignerName);
    }

    private static string DecisionDefaultsName()
    {
        var name = HueDecision.Scheme.Name;
        return char.ToLower(name[0], System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + name[1..];
    }

    [Fact]
    public void Build_BareSettings_MarksEveryMissingNumberDateAndSigner()
    {
        var gaps = DraftGap.In(HueDecision.BareModel);
        Assert.Equal(
        [
            "số", "ngày ký", "số QĐ ban hành Bộ chỉ số", "ngày QĐ ban hành Bộ chỉ số", "số Kế hoạch CCHC", "ngày Kế hoạch CCHC",
            "số QĐ thành lập Hội đồng", "ngày QĐ thành lập Hội đồng", "số Tờ trình", "ngày Tờ trình", "họ tên người ký", "số", "ngày ký",
        ], gaps);
    }

    [Fact]
    public void Build_Defaults_NameProvinceGroupsAndYear()
    {
        var m = HueDecision.Model;
        Assert.Equal(["ỦY BAN NHÂN DÂN", "TỈNH THỪA THIÊN HUẾ"], m.IssuingBody);
        Assert.Equal("Về việc công bố Chỉ số cải cách hành chính năm 2021 của các sở, ban, ngành và UBND các huyện, thị xã, thành phố", m.Subject);
        Assert.Equal("ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ", m.Authority);
        Assert.Equal(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], m.Signature.Lines);
        Assert.All(m.LegalBases.SkipLast(1), l => Assert.EndsWith(";", l));
        Assert.EndsWith(".", m.LegalBases[^1]);
        Assert.EndsWith("./.", m.Articles[2].Paragraphs[^1]);
        Assert.Equal([1, 2, 3], m.Articles.Select(a => a.Number));
    }

    [Fact]
    public void Build_After2025Reform_CitesTheNewLocalGovernmentLawAndCity()
    {
        var settings = new DecisionSettings { Province = "Hải Phòng", Place = "Hải Phòng", ProvinceKind = "thành phố" };
        var m = DecisionBuilder.Build(HueDecision.Scheme, 2025, new DateOnly(2026, 1, 20), HueDecision.Standings, settings);
        Assert.Equal("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", m.LegalBases[0]);
        // 1187/QĐ-BNV: the number is known, its date is not, so the draft shows the date as a gap.
        Assert.StartsWith("Căn cứ Quyết định số 1187/QĐ-BNV ngày ⟦ngày QĐ của Bộ Nội vụ⟧ của Bộ trưởng Bộ Nội vụ", m.LegalBases[2]);
        Assert.Equal(["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"], m.IssuingBody);
        Assert.Contains("- TT Thành ủy, TT HĐND thành phố (để báo cáo);", m.Recipients.Select(r => "- " + r));
    }

    [Fact]
    public void Build_ConfiguredTexts_ReplaceDefaults()
    {
        var settings = HueDecision.Settings with
        {
            LegalBases = ["Căn cứ A", "Căn cứ B;"],
            Proposal = "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 05/TTr-SNV ngày 04/01/2022",
            Signature = new SignatureBlock("TM. ỦY BAN NHÂN DÂN", null, "CHỦ TỊCH", "Nguyễn Văn A"),
            Recipients = ["Như Điều 3;", "Lưu: VT."],
        };
        var m = DecisionBuilder.Build(HueDecision.Scheme, 2021, HueSample.PublishedOn, HueDecision.Standings, settings);
        Assert.Equal(["Căn cứ A;", "Căn cứ B;", "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 05/TTr-SNV ngày 04/01/2022."], m.LegalBases);
        Assert.Equal(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], m.Signature.Lines);
        Assert.Equal("Nguyễn Văn A", m.Signature.SignerName);
        Assert.Equal(["Như Điều 3;", "Lưu: VT."], m.Recipients);
    }

    [Fact]
    public void Build_Appendices_OnePerGroupWithRowsBandsAndCharts()
    {
        var m = HueDecision.ModelWithChanges;
        Assert.Equal(["I", "II"], m.Appendices.Select(a => a.Numeral));
        Assert.Equal([21, 9], m.Appendices.Select(a => a.Rows.Count));
        Assert.Equal([1, 2], m.Appendices.Select(a => a.ChartNumber));
        var so = m.Appendices[0];
        Assert.Equal(2020, so.PreviousYear);
        Assert.Equal([("Xuất sắc", 1), ("Tốt", 14), ("Khá", 6), ("Trung bình", 0), ("Yếu", 0)], so.BandCounts.Select(c => (c.Band, c.Count)));
        Assert.Equal(8, so.Areas.Count);
        Assert.All(so.Rows, r => Assert.Equal(8, r.AreaIndices.Count));
        Assert.Null(HueDecision.Model.Appendices[0].PreviousYear);
    }
}
