using System.Text.Json;
using ParServerless.Samples;
using ParServerless.Scoring.Decisions;
using ParServerless.Scoring.Problems;

namespace ParServerless.Scoring.Tests.Decisions;

/// <summary>Whether a year's Decision settings may be published: every missing field listed with a PAR-D code.</summary>
public class DecisionReadinessTest
{
    private static readonly DecisionSettings Bare = new() { Province = "Thừa Thiên Huế", Place = "Huế" };

    [Fact]
    public void Check_HueSample_IsAccepted()
    {
        var report = DecisionReadiness.Check(HueSample.Decision, HueSample.Year);
        Assert.True(report.Accepted, report.ToText());
        Assert.Empty(report.Problems);
    }

    [Fact]
    public void Check_BareSettings_ListsEveryMissingFieldAtOnce()
    {
        var report = DecisionReadiness.Check(Bare, 2021);
        Assert.Equal(
            """
            REJECTED: 11 error(s), 0 warning(s)
            ERROR PAR-D001 [field=decision.number] Chưa có số của Quyết định. | The Decision has no number.
            ERROR PAR-D002 [field=decision.date] Chưa có ngày ban hành của Quyết định. | The Decision has no date.
            ERROR PAR-D006 [field=decision.provincialScheme.number] Căn cứ "Quyết định của tỉnh ban hành Bộ chỉ số" chưa có số. | The legal basis "the province's decision issuing its scheme" has no number.
            ERROR PAR-D006 [field=decision.provincialScheme.date] Căn cứ "Quyết định của tỉnh ban hành Bộ chỉ số" chưa có ngày ban hành. | The legal basis "the province's decision issuing its scheme" has no date.
            ERROR PAR-D007 [field=decision.yearPlan.number] Căn cứ "Kế hoạch cải cách hành chính của năm" chưa có số. | The legal basis "the year's PAR plan" has no number.
            ERROR PAR-D007 [field=decision.yearPlan.date] Căn cứ "Kế hoạch cải cách hành chính của năm" chưa có ngày ban hành. | The legal basis "the year's PAR plan" has no date.
            ERROR PAR-D008 [field=decision.council.number] Căn cứ "Quyết định thành lập Hội đồng thẩm định" chưa có số. | The legal basis "the decision setting up the appraisal council" has no number.
            ERROR PAR-D008 [field=decision.council.date] Căn cứ "Quyết định thành lập Hội đồng thẩm định" chưa có ngày ban hành. | The legal basis "the decision setting up the appraisal council" has no date.
            ERROR PAR-D009 [field=decision.submission.number] Căn cứ "Tờ trình của Sở Nội vụ" chưa có số. | The legal basis "the Sở Nội vụ's proposal (Tờ trình)" has no number.
            ERROR PAR-D009 [field=decision.submission.date] Căn cứ "Tờ trình của Sở Nội vụ" chưa có ngày ban hành. | The legal basis "the Sở Nội vụ's proposal (Tờ trình)" has no date.
            ERROR PAR-D003 [field=decision.signature.signerName] Chưa có họ tên người ký. | The signer's name is missing.
            """.ReplaceLineEndings("\n"), report.ToText());
    }

    [Theory]
    [InlineData("number", "PAR-D001", "decision.number")]
    [InlineData("date", "PAR-D002", "decision.date")]
    [InlineData("signer", "PAR-D003", "decision.signature.signerName")]
    [InlineData("provincialScheme", "PAR-D006", "decision.provincialScheme.number")]
    [InlineData("yearPlan", "PAR-D007", "decision.yearPlan.date")]
    [InlineData("council", "PAR-D008", "decision.council.number")]
    [InlineData("submission", "PAR-D009", "decision.submission.date")]
    public void Check_SampleMissingOneSetting_IsRefusedWithTheCodeNamingIt(string missing, string code, string field)
    {
        var s = HueSample.Decision;
        var settings = missing switch
        {
            "number" => s with { Number = null },
            "date" => s with { Date = null },
            "signer" => s with { Signature = s.Signature with { SignerName = " " } },
            "provincialScheme" => s with { ProvincialScheme = s.ProvincialScheme! with { Number = null } },
            "yearPlan" => s with { YearPlan = s.YearPlan! with { Date = null } },
            "council" => s with { Council = null },
            "submission" => s with { Submission = s.Submission! with { Date = null } },
            _ => throw new ArgumentOutOfRangeException(nameof(missing)),
        };
        var report = DecisionReadiness.Check(settings, HueSample.Year);
        Assert.False(report.Accepted);
        Assert.Equal([code], report.Codes);
        Assert.Contains(report.Problems, p => p.Where.Field == field);
    }

    [Theory]
    [InlineData(2020, false)]  // no national decision is defaulted before 2021
    [InlineData(2021, true)]   // 1149/QĐ-BNV of 30/12/2020
    [InlineData(2023, true)]   // 876/QĐ-BNV of 10/11/2022
    [InlineData(2025, false)]  // 1187/QĐ-BNV: date unknown
    public void Check_NationalScheme_DefaultedOnlyWhereKnown(int year, bool known)
    {
        var settings = HueSample.Decision with { Date = new DateOnly(year + 1, 1, 20) };
        var report = DecisionReadiness.Check(settings, year);
        Assert.Equal(!known, report.Codes.Contains(DecisionProblems.MissingNationalScheme));
    }

    [Fact]
    public void Check_NationalSchemeSet_Accepted2025()
    {
        var settings = HueSample.Decision with
        {
            Date = new DateOnly(2026, 1, 20),
            NationalScheme = new LegalReference { Date = new DateOnly(2025, 10, 1) },
        };
        Assert.DoesNotContain(DecisionProblems.MissingNationalScheme, DecisionReadiness.Check(settings, 2025).Codes);
    }

    [Theory]
    [InlineData("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", true)]
    [InlineData("TM. ỦY BAN NHÂN DÂN", null, "CHỦ TỊCH", true)]
    [InlineData("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "CHỦ TỊCH", false)]    // KT. is signed by a vice-chairman
    [InlineData("TM. ỦY BAN NHÂN DÂN", null, "PHÓ CHỦ TỊCH", false)]          // a vice-chairman needs KT.
    [InlineData("CHỦ TỊCH", null, "", false)]                                 // a committee decision needs TM.
    [InlineData("TM. HỘI ĐỒNG NHÂN DÂN", null, "CHỦ TỊCH", false)]           // another body
    [InlineData("TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH", "PHÓ CHỦ TỊCH", false)] // not a KT. line
    public void Check_Signer_MustAgreeWithTheCommitteeAsIssuingAuthority(string capacity, string? onBehalf, string title, bool agrees)
    {
        var settings = HueSample.Decision with { Signature = new SignatureBlock(capacity, onBehalf, title, "Nguyễn Văn An") };
        var report = DecisionReadiness.Check(settings, HueSample.Year);
        Assert.Equal(agrees, !report.Codes.Contains(DecisionProblems.SignerMismatch));
    }

    [Theory]
    [InlineData("CHỦ TỊCH", null, "", true)]                 // the chairman's own decision, signed by himself
    [InlineData("KT. CHỦ TỊCH", null, "PHÓ CHỦ TỊCH", true)] // … or for him by a vice-chairman
    [InlineData("TM. ỦY BAN NHÂN DÂN", null, "CHỦ TỊCH", false)]
    public void Check_Signer_ChairmansOwnDecisionHasNoTm(string capacity, string? onBehalf, string title, bool agrees)
    {
        var settings = HueSample.Decision with
        {
            Authority = "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ",
            Signature = new SignatureBlock(capacity, onBehalf, title, "Nguyễn Văn An"),
        };
        Assert.Equal(agrees, !DecisionReadiness.Check(settings, HueSample.Year).Codes.Contains(DecisionProblems.SignerMismatch));
    }

    [Fact]
    public void Check_PlaceholderInAConfiguredText_IsRefusedNamingTheText()
    {
        var settings = HueSample.Decision with { Recipients = ["Như Điều 3;", "Lưu: VT, …"], Proposal = "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số .../TTr-SNV" };
        var report = DecisionReadiness.Check(settings, HueSample.Year);
        Assert.Equal([DecisionProblems.PlaceholderLeft], report.Codes);
        Assert.Equal(["decision.proposal", "decision.recipients[1]"], report.Problems.Select(p => p.Where.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Check_BadNumberAndBasisAfterTheDecision_AreRefused()
    {
        var settings = HueSample.Decision with
        {
            Number = "12a",
            Submission = HueSample.Decision.Submission! with { Date = HueSample.PublishedOn.AddDays(1) },
        };
        Assert.Equal([DecisionProblems.BadNumber, DecisionProblems.BasisAfterDecision], DecisionReadiness.Check(settings, HueSample.Year).Codes);
    }

    [Fact]
    public void Catalogue_HasBothLanguagesForEveryCode()
    {
        var codes = typeof(DecisionProblems).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();
        Assert.Equal(12, codes.Length);
        Assert.All(codes, c => Assert.Matches("^PAR-D0[0-9]{2}$", c));
        Assert.Equal(codes.Order(StringComparer.Ordinal), DecisionProblems.Catalogue.Keys.Order(StringComparer.Ordinal));
        Assert.All(DecisionProblems.Catalogue.Values, t => Assert.True(t.Vietnamese.Length > 10 && t.English.Length > 10));
    }

    [Fact]
    public void Settings_StoredBeforeTheNewMembers_StillReadAndRoundTrip()
    {
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        // A record stored by the pipeline before issue 11 (camelCase, as the year store writes it).
        const string old = """{"province":"Thừa Thiên Huế","place":"Huế","provinceKind":"tỉnh","number":"12","symbol":"QĐ-UBND","signature":{"capacity":"TM. ỦY BAN NHÂN DÂN","onBehalf":"KT. CHỦ TỊCH","title":"PHÓ CHỦ TỊCH","signerName":""},"placeholder":"…"}""";
        var read = JsonSerializer.Deserialize<DecisionSettings>(old, web)!;
        Assert.Null(read.Date);
        Assert.Null(read.Submission);
        Assert.Equal("12", read.Number);

        var again = JsonSerializer.Deserialize<DecisionSettings>(JsonSerializer.Serialize(HueSample.Decision, web), web)!;
        Assert.Equal(HueSample.Decision.Submission, again.Submission);
        Assert.Equal(HueSample.Decision.Date, again.Date);
        Assert.True(DecisionReadiness.Check(again, HueSample.Year).Accepted);
    }
}
