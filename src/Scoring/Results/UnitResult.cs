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
/// <param name="SelfTotal">Điểm tự đánh giá: sum of self scores of appraised leaves.</param>
/// <param name="AppraisedPoints">Điểm thẩm định: sum of final points of appraised leaves.</param>
/// <param name="SurveyPoints">Điểm ĐTXHH: sum of survey leaves.</param>
/// <param name="Bonus">Bonus after the scheme's cap.</param>
/// <param name="Penalty">Penalty after the scheme's cap, as a positive number.</param>
/// <param name="Total">Tổng điểm = appraised + survey + bonus − penalty, kept within the scheme's bounds.</param>
/// <param name="Maximum">The group's maximum, normally 100.</param>
/// <param name="Index">Chỉ số (%): total / maximum × 100, or rescaled when there is no survey.</param>
/// <param name="Rescaled">True when the index was brought to a 100-point scale because no survey points exist.</param>
public sealed record UnitResult(
    Unit Unit,
    SchemeRef Scheme,
    int Year,
    ResultStatus Status,
    decimal SelfTotal,
    decimal AppraisedPoints,
    decimal SurveyPoints,
    decimal Bonus,
    decimal Penalty,
    decimal Total,
    decimal Maximum,
    decimal SurveyMaximum,
    decimal Index,
    bool Rescaled,
    IReadOnlyList<AreaResult> Areas,
    IReadOnlyList<LeafResult> Leaves)
{
    public bool IsProvisional => Status == ResultStatus.Provisional;
}
