namespace ParServerless.Scoring.Marks;

/// <summary>Which step of the year's workflow produced a set of raw marks.</summary>
public enum MarkSource
{
    /// <summary>Reserved: never valid.</summary>
    Invalid = 0,
    /// <summary>Tự đánh giá: the unit's own proposal, with notes and evidence.</summary>
    SelfAssessment = 1,
    /// <summary>Thẩm định lần 1: the council's first appraisal.</summary>
    Appraisal1 = 2,
    /// <summary>Giải trình: the unit's explanation and added evidence after round 1 (no points).</summary>
    Explanation = 3,
    /// <summary>Thẩm định lần 2: the council's appraisal after the explanation; it counts where given.</summary>
    Appraisal2 = 4,
    /// <summary>ĐTXHH / SIPAS: points of survey leaves.</summary>
    Survey = 5,
    /// <summary>Điểm thưởng / điểm trừ with reasons.</summary>
    BonusPenalty = 6,
}
