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
}
