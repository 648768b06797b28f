using ParServerless.Scoring.Schemes;

namespace ParServerless.Scoring.Marks;

/// <summary>Raw marks for one leaf, as typed in one file. These are stored; everything else is derived.</summary>
/// <param name="Points">Points given, or null where the file gives none (an explanation, a leaf left blank).</param>
/// <param name="Note">Self-assessment explanation, explanation text, or appraiser note (ghi chú / giải trình / ý kiến thẩm định).</param>
/// <param name="Evidence">Evidence references (tài liệu kiểm chứng), e.g. document numbers or links.</param>
public sealed record LeafMark(CriterionCode Criterion, decimal? Points, string? Note, IReadOnlyList<string> Evidence)
{
    public static LeafMark Of(string code, decimal? points) => new(new CriterionCode(code), points, null, []);
}

/// <summary>A bonus (điểm thưởng) or penalty (điểm trừ) line, always with its reason.</summary>
/// <param name="Points">Positive for a bonus, negative for a penalty.</param>
public sealed record Adjustment(decimal Points, string Reason)
{
    public bool IsBonus => Points > 0;
}

/// <summary>One submitted set of raw marks: a file's content once accepted.</summary>
/// <param name="Scheme">The scheme version the marks were typed against.</param>
/// <param name="Year">Evaluated year (năm đánh giá).</param>
/// <param name="UnitCode">The unit the marks are for.</param>
public sealed record MarkSheet(
    SchemeRef Scheme,
    int Year,
    string UnitCode,
    MarkSource Source,
    IReadOnlyList<LeafMark> Leaves,
    IReadOnlyList<Adjustment> Adjustments)
{
    public static MarkSheet Of(SchemeRef scheme, int year, string unitCode, MarkSource source, params LeafMark[] leaves) =>
        new(scheme, year, unitCode, source, leaves, []);
}
