using ParServerless.Scoring.Formatting;
using ParServerless.Scoring.History;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Scoring.Decisions;

/// <summary>
/// The Decision publishing a year's PAR index (Quyết định công bố Chỉ số cải cách hành chính năm N), as data:
/// every text and figure a renderer prints, and nothing about how it looks. Built by <see cref="DecisionBuilder"/>.
/// </summary>
/// <param name="IssuingBody">Lines of the issuing body (tên cơ quan ban hành), top left, in capitals.</param>
/// <param name="NumberLine">"Số: 12/QĐ-UBND", or "Số:      /QĐ-UBND" with a blank for the clerk.</param>
/// <param name="PlaceAndDate">"Huế, ngày 06 tháng 01 năm 2022" (Nghị định 30: day below 10 and months 1–2 get a leading zero).</param>
/// <param name="Subject">Trích yếu after "QUYẾT ĐỊNH".</param>
/// <param name="Authority">Thẩm quyền ban hành, above the căn cứ.</param>
/// <param name="LegalBases">Căn cứ lines, the last one the proposal (Theo đề nghị …); punctuation included.</param>
/// <param name="InputSha256">SHA-256 (lower-case hex) of the canonical inputs: see <see cref="DecisionInputHash"/>.</param>
public sealed record DecisionModel(
    SchemeRef Scheme,
    string SchemeName,
    bool IsSample,
    int Year,
    DateOnly Date,
    ScoreFormat Format,
    TieRule Ties,
    IReadOnlyList<string> IssuingBody,
    string NumberLine,
    string PlaceAndDate,
    string Subject,
    string Authority,
    IReadOnlyList<string> LegalBases,
    IReadOnlyList<DecisionArticle> Articles,
    IReadOnlyList<string> Recipients,
    SignatureBlock Signature,
    IReadOnlyList<DecisionAppendix> Appendices,
    string InputSha256)
{
    /// <summary>"Quyết định số 12/QĐ-UBND ngày 06/01/2022", as appendices cite it.</summary>
    public required string Citation { get; init; }
}

/// <summary>An article (điều) of the Decision: "Điều 1." followed by its paragraphs.</summary>
public sealed record DecisionArticle(int Number, IReadOnlyList<string> Paragraphs);

/// <summary>
/// An appendix (phụ lục): one unit group's table, its component indices per area, its chart and the band summary.
/// </summary>
/// <param name="Numeral">Roman numeral: I, II, III …</param>
/// <param name="ChartNumber">Running number of the chart (Biểu đồ 01, 02 …) across the Decision.</param>
/// <param name="Bands">The group's band table, best first: colours for the chart and legend.</param>
/// <param name="PreviousYear">The year compared with, or null when no earlier results exist (the change columns are left out).</param>
/// <param name="HasAdjustments">True when some unit has bonus or penalty points (the table gets a column for them).</param>
/// <param name="Summary">The summary line: counts per band and the group average.</param>
/// <param name="RankingNote">How ranks and rounding were decided, printed under the table.</param>
public sealed record DecisionAppendix(
    string Numeral,
    UnitGroup Group,
    string Title,
    int ChartNumber,
    string ChartCaption,
    IReadOnlyList<Band> Bands,
    IReadOnlyList<AppendixArea> Areas,
    IReadOnlyList<AppendixRow> Rows,
    decimal AverageIndex,
    IReadOnlyList<BandCount> BandCounts,
    int? PreviousYear,
    bool HasAdjustments,
    string Summary,
    string RankingNote)
{
    /// <summary>How many heads of the group's units got each rating (best first, zero counts kept), for the Decision's text.</summary>
    public IReadOnlyList<HeadRatingCount> HeadRatingCounts { get; init; } = [];

    /// <summary>Units scored but not ranked, whose heads get no rating from the index.</summary>
    public int HeadsNotRated { get; init; }
}

/// <summary>How many heads of a group's units (người đứng đầu) got a rating.</summary>
public sealed record HeadRatingCount(HeadRating Rating, int Count);

/// <summary>An area (lĩnh vực) column of the component-index table.</summary>
public sealed record AppendixArea(CriterionCode Code, string Name, decimal Maximum);

/// <summary>One unit's row in an appendix. Figures are unrounded; renderers format them with <see cref="DecisionModel.Format"/>.</summary>
/// <param name="Number">STT, 1-based, in table order.</param>
/// <param name="Adjustment">Bonus − penalty (điểm thưởng/trừ).</param>
/// <param name="Rank">Vị thứ, or null for a unit scored but not ranked.</param>
/// <param name="AreaIndices">Component index per <see cref="DecisionAppendix.Areas"/> entry; null where the area does not apply.</param>
/// <param name="HeadRating">The head's rating (xếp loại người đứng đầu) by the scheme's rule; null when not ranked.</param>
public sealed record AppendixRow(
    int Number,
    string UnitCode,
    string UnitName,
    decimal SelfTotal,
    decimal AppraisedPoints,
    decimal SurveyPoints,
    decimal Adjustment,
    decimal Total,
    decimal Index,
    int? Rank,
    Band? Band,
    IReadOnlyList<decimal?> AreaIndices,
    YearOverYearChange? Change,
    HeadRating? HeadRating = null);

/// <summary>How many units of a group fall in a band.</summary>
public sealed record BandCount(string Band, string Color, int Count);
