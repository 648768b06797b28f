namespace ParServerless.Scoring.Schemes;

/// <summary>Stable codes of scheme problems (PAR-S…). docs/ERROR-CODES.md lists each with an example; never reuse a code.</summary>
public static class SchemeProblemCodes
{
    public const string Unreadable = "PAR-S000";
    public const string BadId = "PAR-S001";
    public const string BadVersion = "PAR-S002";
    public const string BadYears = "PAR-S003";
    public const string MissingName = "PAR-S004";
    public const string NoGroups = "PAR-S005";
    public const string BadGroup = "PAR-S006";
    public const string BadCriterionCode = "PAR-S007";
    public const string DuplicateCriterion = "PAR-S008";
    public const string OrphanCriterion = "PAR-S009";
    public const string MissingCriterionName = "PAR-S010";
    public const string BadLeafMaximum = "PAR-S011";
    public const string ParentMaximumMismatch = "PAR-S012";
    public const string BadMethod = "PAR-S013";
    public const string UnknownGroup = "PAR-S014";
    public const string GroupTotalMismatch = "PAR-S015";
    public const string SurveyTotalMismatch = "PAR-S016";
    public const string GroupWithoutLeaves = "PAR-S017";
    public const string BandsOutOfOrder = "PAR-S018";
    public const string BadDecimals = "PAR-S020";
    public const string BadRounding = "PAR-S021";
    public const string BadTieRule = "PAR-S022";
    public const string BadConversion = "PAR-S023";
    public const string NegativeCap = "PAR-S024";
    public const string BadMaximumTotal = "PAR-S025";
    public const string MaximumFinerThanDecimals = "PAR-S026";
    public const string BadBand = "PAR-S027";
    /// <summary>A head's rating that is none of the four (hoàn thành xuất sắc / tốt / hoàn thành / không hoàn thành nhiệm vụ).</summary>
    public const string UnknownHeadRating = "PAR-S028";
    /// <summary>A head-rating rule with both <c>byBand</c> and <c>thresholds</c>, or neither.</summary>
    public const string HeadRatingBasis = "PAR-S029";
    /// <summary>A head-rating rule names a band the group's band table lacks.</summary>
    public const string HeadRatingUnknownBand = "PAR-S030";
    /// <summary>A band of a group's table has no head's rating in the rule that applies to the group.</summary>
    public const string HeadRatingBandMissing = "PAR-S031";
    /// <summary>Head-rating thresholds empty, out of order, outside 0–100, or their ratings not best first.</summary>
    public const string HeadRatingThresholds = "PAR-S032";
    /// <summary>Warning: no head-rating rule, and a band name the default rule does not know: those heads get no rating.</summary>
    public const string HeadRatingDefaultUnknownBand = "PAR-S033";
}
