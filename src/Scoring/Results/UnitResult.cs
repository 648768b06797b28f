using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;

namespace ParServerless.Scoring.Results;

/// <summary>How far the year's workflow has gone for a unit's result.</summary>
public enum ResultStatus
{
    Invalid = 0,
    /// <summary>Tạm tính: no appraisal yet, so appraised leaves use the self score. Never published.</summary>
    Provisional = 1,
    /// <summary>After appraisal round 1 (thẩm định lần 1).</summary>
    AppraisedOnce = 2,
    /// <summary>After appraisal round 2, following the explanation (thẩm định lại sau giải trình).</summary>
    AppraisedTwice = 3,
}

/// <summary>One leaf of a unit's result, every figure unrounded.</summary>
/// <param name="Final">The mark that counts: round 2, else round 1, else (provisional) self; survey points for survey leaves.</param>
/// <param name="Lost">Maximum − final (điểm bị trừ/không đạt).</param>
public sealed record LeafResult(
    CriterionCode Code,
    string Name,
    ScoringMethod Method,
    decimal Maximum,
    decimal? Self,
    decimal? Appraisal1,
    decimal? Appraisal2,
    decimal? Survey,
    decimal Final,
    decimal Lost);

/// <summary>One area (lĩnh vực) of a unit's result.</summary>
/// <param name="Index">Component index (chỉ số thành phần): points / maximum × 100.</param>
public sealed record AreaResult(CriterionCode Code, string Name, decimal Maximum, decimal SelfPoints, decimal Points, decimal Index);

/// <summary>A unit's computed result for a year (kết quả). Derived from raw marks; never edited.</summary>
/// <remarks>
/// The totals are computed when the unit is scored. The areas are built on first use; the leaves are computed on every call
/// of <see cref="Leaves"/> from the marks, so that scoring a whole country keeps no per-leaf records alive.
/// </remarks>
public sealed record UnitResult
{
    private readonly ResultDetail _detail;
    private IReadOnlyList<AreaResult>? _areas;

    /// <summary>A result with its areas and leaves given, e.g. read back or built by hand in a test.</summary>
    public UnitResult(
        Unit unit, SchemeRef scheme, int year, ResultStatus status, decimal selfTotal, decimal appraisedPoints, decimal surveyPoints,
        decimal bonus, decimal penalty, decimal total, decimal maximum, decimal surveyMaximum, decimal index, bool rescaled,
        IReadOnlyList<AreaResult> areas, IReadOnlyList<LeafResult> leaves)
        : this(unit, scheme, year, status, selfTotal, appraisedPoints, surveyPoints, bonus, penalty, total, maximum, surveyMaximum,
            index, rescaled, new FixedDetail(areas, leaves))
    {
    }

    internal UnitResult(
        Unit unit, SchemeRef scheme, int year, ResultStatus status, decimal selfTotal, decimal appraisedPoints, decimal surveyPoints,
        decimal bonus, decimal penalty, decimal total, decimal maximum, decimal surveyMaximum, decimal index, bool rescaled,
        ResultDetail detail)
    {
        Unit = unit;
        Scheme = scheme;
        Year = year;
        Status = status;
        SelfTotal = selfTotal;
        AppraisedPoints = appraisedPoints;
        SurveyPoints = surveyPoints;
        Bonus = bonus;
        Penalty = penalty;
        Total = total;
        Maximum = maximum;
        SurveyMaximum = surveyMaximum;
        Index = index;
        Rescaled = rescaled;
        _detail = detail;
    }

    public Unit Unit { get; }

    public SchemeRef Scheme { get; }

    public int Year { get; }

    public ResultStatus Status { get; }

    /// <summary>Điểm tự đánh giá: sum of self scores of appraised leaves.</summary>
    public decimal SelfTotal { get; }

    /// <summary>Điểm thẩm định: sum of final points of appraised leaves.</summary>
    public decimal AppraisedPoints { get; }

    /// <summary>Điểm ĐTXHH: sum of survey leaves.</summary>
    public decimal SurveyPoints { get; }

    /// <summary>Bonus after the scheme's cap.</summary>
    public decimal Bonus { get; }

    /// <summary>Penalty after the scheme's cap, as a positive number.</summary>
    public decimal Penalty { get; }

    /// <summary>Tổng điểm = appraised + survey + bonus − penalty, kept within the scheme's bounds.</summary>
    public decimal Total { get; }

    /// <summary>The group's maximum, normally 100.</summary>
    public decimal Maximum { get; }

    public decimal SurveyMaximum { get; }

    /// <summary>Chỉ số (%): total / maximum × 100, or rescaled when there is no survey.</summary>
    public decimal Index { get; }

    /// <summary>True when the index was brought to a 100-point scale because no survey points exist.</summary>
    public bool Rescaled { get; }

    /// <summary>The areas (lĩnh vực) that apply to the unit's group, in scheme order; built once, on first use.</summary>
    public IReadOnlyList<AreaResult> Areas => _areas ??= _detail.Areas();

    /// <summary>Every applicable leaf in scheme order, computed afresh on each call: hold on to the list to use it twice.</summary>
    public IReadOnlyList<LeafResult> Leaves => _detail.Leaves();

    public bool IsProvisional => Status == ResultStatus.Provisional;

    /// <summary>Equal figures from the same marks; whether the areas were built yet does not matter.</summary>
    public bool Equals(UnitResult? other) =>
        other is not null && ReferenceEquals(_detail, other._detail) && Unit == other.Unit && Scheme == other.Scheme && Year == other.Year
        && Status == other.Status && SelfTotal == other.SelfTotal && AppraisedPoints == other.AppraisedPoints
        && SurveyPoints == other.SurveyPoints && Bonus == other.Bonus && Penalty == other.Penalty && Total == other.Total
        && Maximum == other.Maximum && SurveyMaximum == other.SurveyMaximum && Index == other.Index && Rescaled == other.Rescaled;

    public override int GetHashCode() => HashCode.Combine(_detail, Unit, Year, Total, Index);
}
