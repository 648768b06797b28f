using ParServerless.Scoring.Problems;

namespace ParServerless.Scoring.Schemes;

/// <summary>
/// A scheme as read from a file, before it is checked. Every reader (JSON, Excel) produces one, and
/// <see cref="SchemeValidator"/> turns it into a <see cref="Scheme"/> or a report of every problem.
/// </summary>
/// <remarks>Criteria are flat: the tree is rebuilt from the codes, so a workbook row and a nested JSON node look alike.</remarks>
public sealed record SchemeDraft(
    string? Id,
    int? Version,
    string? Name,
    int? FromYear,
    int? ToYear,
    bool IsSample,
    decimal? MaximumTotal,
    IReadOnlyList<GroupDraft> Groups,
    IReadOnlyList<NodeDraft> Criteria,
    SettingsDraft Settings,
    IReadOnlyList<BandDraft> Bands,
    IReadOnlyDictionary<string, IReadOnlyList<BandDraft>> BandsByGroup,
    HeadRatingDraft? HeadRatings = null,
    IReadOnlyDictionary<string, HeadRatingDraft>? HeadRatingsByGroup = null);

/// <summary>A rule rating heads of units as read (<c>headRatings</c>): ratings are still text, checked by the validator.</summary>
/// <param name="ByBand">Band name → rating text.</param>
/// <param name="Thresholds">Rating text and lower bound of the index, best first.</param>
public sealed record HeadRatingDraft(
    IReadOnlyDictionary<string, string?>? ByBand, IReadOnlyList<HeadRatingThresholdDraft>? Thresholds, string? Otherwise, Location Where);

public sealed record HeadRatingThresholdDraft(string? Rating, decimal? LowerBound, Location Where);

public sealed record GroupDraft(string? Code, string? Name, Location Where);

/// <param name="MaximumByGroup">Group code → maximum, where null marks the leaf as not applicable to the group.</param>
public sealed record NodeDraft(
    string? Code,
    string? Name,
    decimal? Maximum,
    string? Method,
    IReadOnlyDictionary<string, decimal?> MaximumByGroup,
    string? Guidance,
    Location Where);

public sealed record BandDraft(string? Name, decimal? LowerBound, string? Color, Location Where);

/// <summary>Settings as read; text values are checked by the validator so unknown words are reported, not thrown.</summary>
public sealed record SettingsDraft(
    decimal? BonusCap,
    decimal? PenaltyCap,
    decimal? SurveyPoints,
    IReadOnlyDictionary<string, decimal> SurveyPointsByGroup,
    int? Decimals,
    string? Rounding,
    string? Ties,
    bool? RescaleWhenNoSurvey,
    bool? CapTotalAtMaximum,
    string? Conversion,
    Location Where);
