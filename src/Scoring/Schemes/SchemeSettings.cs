namespace ParServerless.Scoring.Schemes;

/// <summary>Scheme-level rules. Each one answers an open point of DOMAIN.md; the defaults are documented in docs/SCHEMES.md.</summary>
/// <param name="BonusCap">Most bonus points (điểm thưởng) a unit can receive in total.</param>
/// <param name="PenaltyCap">Most penalty points (điểm trừ) that can be taken from a unit in total.</param>
/// <param name="SurveyPoints">Declared points from the survey (điểm ĐTXHH), checked against the survey leaves of every group.</param>
/// <param name="SurveyPointsByGroup">Overrides of <paramref name="SurveyPoints"/> for groups whose survey leaves are worth more or less.</param>
/// <param name="Decimals">Decimals shown in published figures, 0 to 4 (BNV uses 2, Huế 3).</param>
/// <param name="Rounding">Rounding for display only.</param>
/// <param name="Ties">Which units share a rank.</param>
/// <param name="RescaleWhenNoSurvey">
/// When a unit has no survey points at all, bring its appraised result to a 100-point scale:
/// index = (appraised + bonus − penalty) / (maximum − survey maximum) × 100 (Nam Định 2020: 62,62 of 70 → 89,457 %).
/// </param>
/// <param name="CapTotalAtMaximum">Whether bonus may lift a total above the maximum. A total never falls below 0.</param>
/// <param name="Conversion">How raw survey answers become points.</param>
public sealed record SchemeSettings(
    decimal BonusCap,
    decimal PenaltyCap,
    decimal SurveyPoints,
    IReadOnlyDictionary<string, decimal> SurveyPointsByGroup,
    int Decimals,
    RoundingMode Rounding,
    TieRule Ties,
    bool RescaleWhenNoSurvey,
    bool CapTotalAtMaximum,
    SurveyConversion Conversion)
{
    public decimal SurveyPointsFor(string groupCode) =>
        SurveyPointsByGroup.TryGetValue(groupCode, out var points) ? points : SurveyPoints;
}
