using System.Globalization;

namespace ParServerless.Scoring.Decisions;

/// <summary>One configurable legal basis of the Decision: where it lives in the settings and what a missing one is called.</summary>
/// <param name="Field">Settings member in JSON form, e.g. "yearPlan"; problems point at "decision.{Field}.number".</param>
/// <param name="Code">The problem code naming this basis when its number or date is missing.</param>
/// <param name="Vietnamese">Its name for people, e.g. "Kế hoạch cải cách hành chính năm".</param>
/// <param name="English">The same in English.</param>
/// <param name="GapName">Short name inside a highlighted gap of a draft, e.g. "Tờ trình" in "[số Tờ trình]".</param>
public sealed record LegalBasisSlot(string Field, string Code, string Vietnamese, string English, string GapName);

/// <summary>
/// The căn cứ of the Decision built from settings: the laws that always apply, the Bộ Nội vụ's decision approving the index,
/// the province's scheme decision, the year's plan, the council's decision and the Sở Nội vụ's proposal (Tờ trình).
/// </summary>
public static class DecisionLegalBases
{
    public static LegalBasisSlot NationalSlot { get; } = new("nationalScheme", DecisionProblems.MissingNationalScheme,
        "Quyết định của Bộ Nội vụ phê duyệt Đề án xác định Chỉ số cải cách hành chính",
        "the Ministry of Home Affairs' decision approving the PAR index", "QĐ của Bộ Nội vụ");

    public static LegalBasisSlot ProvincialSchemeSlot { get; } = new("provincialScheme", DecisionProblems.MissingProvincialScheme,
        "Quyết định của tỉnh ban hành Bộ chỉ số", "the province's decision issuing its scheme", "QĐ ban hành Bộ chỉ số");

    public static LegalBasisSlot YearPlanSlot { get; } = new("yearPlan", DecisionProblems.MissingYearPlan,
        "Kế hoạch cải cách hành chính của năm", "the year's PAR plan", "Kế hoạch CCHC");

    public static LegalBasisSlot CouncilSlot { get; } = new("council", DecisionProblems.MissingCouncil,
        "Quyết định thành lập Hội đồng thẩm định", "the decision setting up the appraisal council", "QĐ thành lập Hội đồng");

    public static LegalBasisSlot SubmissionSlot { get; } = new("submission", DecisionProblems.MissingSubmission,
        "Tờ trình của Sở Nội vụ", "the Sở Nội vụ's proposal (Tờ trình)", "Tờ trình");

    /// <summary>
    /// The Bộ Nội vụ decision approving the index used to evaluate <paramref name="year"/>, as far as it is known.
    /// </summary>
    /// <remarks>
    /// Sources: for 2021, QĐ 1149/QĐ-BNV of 30/12/2020 (Đề án "Xác định Chỉ số cải cách hành chính của các bộ, cơ quan ngang bộ,
    /// Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"), as issue 11 states; for 2022–2024, QĐ 876/QĐ-BNV of
    /// 10/11/2022 (DOMAIN.md); from 2025, QĐ 1187/QĐ-BNV (DOMAIN.md), whose date we do not have, so it stays a gap.
    /// Before 2021 nothing is defaulted: the province sets the decision it applied.
    /// </remarks>
    public static LegalReference NationalSchemeFor(int year)
    {
        const string Title = "phê duyệt Đề án “Xác định Chỉ số cải cách hành chính của các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương”";
        var reference = new LegalReference { Kind = "Quyết định", Symbol = "QĐ-BNV", Issuer = "Bộ trưởng Bộ Nội vụ", Title = Title };
        return year switch
        {
            >= 2025 => reference with { Number = "1187", Title = "phê duyệt Đề án xác định Chỉ số cải cách hành chính" },
            >= 2022 => reference with { Number = "876", Date = new DateOnly(2022, 11, 10) },
            2021 => reference with { Number = "1149", Date = new DateOnly(2020, 12, 30) },
            _ => reference with { Title = "phê duyệt Đề án xác định Chỉ số cải cách hành chính" },
        };
    }

    /// <summary>Each configurable basis with its setting laid over its default; <paramref name="schemeName"/> names the province's scheme.</summary>
    public static IReadOnlyList<(LegalBasisSlot Slot, LegalReference Reference)> Resolve(DecisionSettings settings, int year, string? schemeName = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var body = "Ủy ban nhân dân " + DecisionDefaults.ProvinceTitle(settings);
        var scheme = schemeName is { Length: > 0 } ? DecisionDefaults.LowerFirstWord(schemeName) : "Bộ chỉ số đánh giá kết quả cải cách hành chính";
        var ownDecision = new LegalReference { Kind = "Quyết định", Symbol = "QĐ-UBND", Issuer = body };
        return
        [
            (NationalSlot, Over(settings.NationalScheme, NationalSchemeFor(year))),
            (ProvincialSchemeSlot, Over(settings.ProvincialScheme, ownDecision with { Title = "ban hành " + scheme })),
            (YearPlanSlot, Over(settings.YearPlan, new LegalReference
            {
                Kind = "Kế hoạch", Symbol = "KH-UBND", Issuer = body,
                Title = string.Create(CultureInfo.InvariantCulture, $"về cải cách hành chính năm {year}"),
            })),
            (CouncilSlot, Over(settings.Council, ownDecision with
            {
                Title = string.Create(CultureInfo.InvariantCulture, $"thành lập Hội đồng thẩm định Chỉ số cải cách hành chính năm {year}"),
            })),
            (SubmissionSlot, Over(settings.Submission, new LegalReference { Kind = "Tờ trình", Symbol = "TTr-SNV", Issuer = "Giám đốc Sở Nội vụ" })),
        ];
    }

    /// <summary>"Căn cứ Quyết định số 1149/QĐ-BNV ngày 30 tháng 12 năm 2020 của Bộ trưởng Bộ Nội vụ phê duyệt …", gaps marked.</summary>
    public static string Line(LegalBasisSlot slot, LegalReference r) =>
        $"Căn cứ {r.Kind} số {NumberText(slot, r)} {DateText(slot, r)} của {r.Issuer}{(r.Title is { Length: > 0 } t ? " " + t : "")}";

    /// <summary>"Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 05/TTr-SNV ngày 04 tháng 01 năm 2022", gaps marked.</summary>
    public static string ProposalLine(LegalBasisSlot slot, LegalReference r) =>
        $"Theo đề nghị của {r.Issuer} tại {r.Kind} số {NumberText(slot, r)} {DateText(slot, r)}";

    private static string NumberText(LegalBasisSlot slot, LegalReference r) =>
        (r.Number is { Length: > 0 } n ? DecisionNumber.Format(n) : DraftGap.Mark("số " + slot.GapName)) + "/" + r.Symbol;

    private static string DateText(LegalBasisSlot slot, LegalReference r) =>
        r.Date is { } d ? VietnameseDate.InWords(d) : "ngày " + DraftGap.Mark("ngày " + slot.GapName);

    private static LegalReference Over(LegalReference? setting, LegalReference defaults) => setting?.Over(defaults) ?? defaults;
}
