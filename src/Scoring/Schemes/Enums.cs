namespace ParServerless.Scoring.Schemes;

/// <summary>How a leaf is scored (phương pháp chấm).</summary>
public enum ScoringMethod
{
    /// <summary>Reserved: never valid.</summary>
    Invalid = 0,
    /// <summary>Thẩm định: the unit self-scores with evidence, the council confirms or adjusts.</summary>
    Appraised = 1,
    /// <summary>Điều tra xã hội học / SIPAS: never self-scored; points come from the survey.</summary>
    Survey = 2,
}

/// <summary>How a value is rounded for display (làm tròn). Stored values are never rounded.</summary>
public enum RoundingMode
{
    Invalid = 0,
    /// <summary>Half away from zero, as most publishers do (89,457 → 89,46).</summary>
    HalfUp = 1,
    /// <summary>Cut after the shown decimals (89,457 → 89,45), which some published figures suggest.</summary>
    Truncate = 2,
}

/// <summary>Which units share a rank (vị thứ bằng nhau).</summary>
public enum TieRule
{
    Invalid = 0,
    /// <summary>
    /// Default. Order by the unrounded index; only exactly equal values share a rank, competition style (1, 2, 2, 4).
    /// Reproduces Hải Dương 2021, where two units shown at 85,86 were ranked 1st and 2nd.
    /// </summary>
    ExactIndex = 1,
    /// <summary>Units whose indices are equal once rounded for display share a rank, competition style.</summary>
    DisplayedIndex = 2,
}

/// <summary>The documented rule that turns survey answers into points (quy đổi điểm điều tra).</summary>
public enum SurveyConversion
{
    Invalid = 0,
    /// <summary>points = satisfaction share (0–100 %) / 100 × leaf maximum. The common SIPAS reading.</summary>
    SatisfactionShare = 1,
    /// <summary>points = mean answer / best answer × leaf maximum, for Likert-scale questions.</summary>
    MeanOverBest = 2,
}
