namespace ParServerless.Scoring.Decisions;

/// <summary>
/// The province's own texts for the Decision (Quyết định công bố Chỉ số CCHC), configured per province and year.
/// Every text left null takes a documented default built from the province, the year and the scheme (docs/DECISION.md).
/// </summary>
/// <remarks>
/// Defaults name national texts only where their number and date are certain; the province's own instruments (its scheme
/// decision, the year's plan, the council, the Sở Nội vụ's submission) default to "…" placeholders that the Sở fills in.
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

    /// <summary>The decision's number before the slash (số), or null to leave a blank for the clerk who numbers it.</summary>
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

    /// <summary>Legal bases (căn cứ ban hành), each a full line without its closing ";".</summary>
    /// <value>The default depends on the year: see docs/DECISION.md.</value>
    public IReadOnlyList<string>? LegalBases { get; init; }

    /// <summary>The proposal line (Theo đề nghị của …) closing the căn cứ, without its final ".".</summary>
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

    /// <summary>Placeholder printed where a number or date is not known yet.</summary>
    /// <value>The default is "…".</value>
    public string Placeholder { get; init; } = "…";
}
