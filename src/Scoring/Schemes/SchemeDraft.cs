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
    IReadOnlyDictionary<string, IReadOnlyList<BandDraft>> BandsByGroup);

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
