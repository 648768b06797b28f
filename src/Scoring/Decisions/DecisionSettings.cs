namespace ParServerless.Scoring.Decisions;

/// <summary>
/// The province's own texts for the Decision (Quyết định công bố Chỉ số CCHC), configured per province and year.
/// Every text left null takes a documented default built from the province, the year and the scheme (docs/DECISION.md).
/// </summary>
/// <remarks>
/// Defaults name national texts only where their number and date are certain (see <see cref="DecisionLegalBases"/>); the
/// province's own instruments (its scheme decision, the year's plan, the council, the Sở Nội vụ's proposal) have no number or
/// date until the Sở sets them. Whatever is missing is shown highlighted in drafts and listed with a code by
/// <see cref="DecisionReadiness.Check"/>, which must accept the settings before the Decision is published.
/// New members are optional with defaults, so records stored before them still read.
/// </remarks>
public sealed record DecisionSettings
{
    /// <summary>Province or centrally-run city without its kind, e.g. "Thừa Thiên Huế", "Hải Phòng".</summary>
    public required string Province { get; init; }

    /// <summary>Place in the date line (địa danh), e.g. "Huế".</summary>
    public required string Place { get; init; }

    /// <summary>Kind of the province in lower case: "tỉnh" or "thành phố".</summary>
    /// <value>The default is "tỉnh".</value>
    public string ProvinceKind { get; init; } = "tỉnh";

    /// <summary>The decision's number before the slash (số); printed with a leading zero below 10. Null is a gap in drafts.</summary>
    public string? Number { get; init; }

    /// <summary>Symbol after the number (ký hiệu).</summary>
    /// <value>The default is "QĐ-UBND".</value>
    public string Symbol { get; init; } = "QĐ-UBND";

    /// <summary>Issuing body as printed top left, one entry per line (tên cơ quan ban hành).</summary>
    /// <value>The default is "ỦY BAN NHÂN DÂN" / "TỈNH {PROVINCE}".</value>
    public IReadOnlyList<string>? IssuingBody { get; init; }

    /// <summary>Issuing authority line above the căn cứ (thẩm quyền ban hành).</summary>
    /// <value>The default is "ỦY BAN NHÂN DÂN TỈNH {PROVINCE}".</value>
    public string? Authority { get; init; }

    /// <summary>Subject line after "QUYẾT ĐỊNH" (trích yếu).</summary>
    /// <value>The default is "Về việc công bố Chỉ số cải cách hành chính năm {year} của {groups}".</value>
    public string? Subject { get; init; }

    /// <summary>Legal bases (căn cứ ban hành), each a full line without its closing ";": replaces every generated căn cứ line.</summary>
    /// <value>The default is built from the laws of the year and from <see cref="NationalScheme"/>, <see cref="ProvincialScheme"/>,
    /// <see cref="YearPlan"/> and <see cref="Council"/>: see docs/DECISION.md.</value>
    public IReadOnlyList<string>? LegalBases { get; init; }

    /// <summary>The proposal line (Theo đề nghị của …) closing the căn cứ, without its final "."; replaces the line built from <see cref="Submission"/>.</summary>
    public string? Proposal { get; init; }

    /// <summary>Paragraphs of Điều 1 after the generated list of appendices; null for none.</summary>
    public IReadOnlyList<string>? Article1Extra { get; init; }

    /// <summary>Paragraphs of Điều 2 (responsibilities).</summary>
    public IReadOnlyList<string>? Article2 { get; init; }

    /// <summary>Paragraphs of Điều 3 (effect and execution); the last one ends with "./.".</summary>
    public IReadOnlyList<string>? Article3 { get; init; }

    /// <summary>Recipients (nơi nhận), without the leading dash; the last one is normally "Lưu: VT, …".</summary>
    public IReadOnlyList<string>? Recipients { get; init; }

    /// <summary>The signature block.</summary>
    /// <value>The default is <see cref="SignatureBlock.ViceChairOnBehalf"/>.</value>
    public SignatureBlock Signature { get; init; } = SignatureBlock.ViceChairOnBehalf;

    /// <summary>Kept so that stored settings still read. Missing fields are no longer printed as a placeholder but highlighted
    /// (<see cref="DraftGap"/>); a configured text that still contains this placeholder is refused by <see cref="DecisionReadiness"/>.</summary>
    /// <value>The default is "…".</value>
    public string Placeholder { get; init; } = "…";

    /// <summary>Date of the Decision (ngày ban hành), set when the chairman signs; null is a gap in drafts.</summary>
    /// <remarks>When null, the date passed to <see cref="DecisionBuilder.Build"/> still dates the PDF and the JSON, but the
    /// place/date line and the citations show the gap.</remarks>
    public DateOnly? Date { get; init; }

    /// <summary>The Bộ Nội vụ decision approving the PAR index (quyết định phê duyệt Đề án xác định Chỉ số CCHC).</summary>
    /// <value>The default depends on the evaluated year (<see cref="DecisionLegalBases.NationalSchemeFor"/>).</value>
    public LegalReference? NationalScheme { get; init; }

    /// <summary>The province's decision issuing its scheme (quyết định ban hành Bộ chỉ số của tỉnh).</summary>
    /// <value>The default is a Quyết định …/QĐ-UBND of the province's People's Committee, with no number or date.</value>
    public LegalReference? ProvincialScheme { get; init; }

    /// <summary>The year's PAR plan (kế hoạch cải cách hành chính năm).</summary>
    /// <value>The default is a Kế hoạch …/KH-UBND of the province's People's Committee, with no number or date.</value>
    public LegalReference? YearPlan { get; init; }

    /// <summary>The decision setting up the appraisal council (quyết định thành lập Hội đồng thẩm định).</summary>
    /// <value>The default is a Quyết định …/QĐ-UBND of the province's People's Committee, with no number or date.</value>
    public LegalReference? Council { get; init; }

    /// <summary>The Sở Nội vụ's proposal (Tờ trình) that the Decision answers.</summary>
    /// <value>The default is a Tờ trình …/TTr-SNV of the Giám đốc Sở Nội vụ, with no number or date.</value>
    public LegalReference? Submission { get; init; }
}
