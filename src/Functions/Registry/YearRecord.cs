using ParServerless.Files;
using ParServerless.Scoring.Decisions;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Functions.Registry;

/// <summary>Where a year stands (trạng thái kỳ đánh giá).</summary>
public enum YearStatus
{
    Invalid = 0,
    /// <summary>Rounds run; nothing is public.</summary>
    Open = 1,
    /// <summary>The Decision is published (đã công bố): results are public and uploads are refused.</summary>
    Published = 2,
}

/// <summary>One step of the year that takes uploads (đợt): self-assessment, explanation, appraisal 1/2, survey, bonus-penalty, history.</summary>
public enum RoundName
{
    Invalid = 0,
    SelfAssessment = 1,
    Appraisal1 = 2,
    Explanation = 3,
    Appraisal2 = 4,
    Survey = 5,
    BonusPenalty = 6,
    History = 7,
}

/// <summary>When a round takes uploads. Null bounds are open-ended.</summary>
/// <param name="Opens">First moment uploads count.</param>
/// <param name="Deadline">Hạn nộp: uploads at or after it are rejected (PAR-I004).</param>
public sealed record RoundWindow(DateTimeOffset? Opens, DateTimeOffset? Deadline)
{
    public bool Accepts(DateTimeOffset at) => (Opens is null || at >= Opens) && (Deadline is null || at < Deadline);
}

/// <summary>An evaluated year (kỳ đánh giá) as Sở Nội vụ configures it.</summary>
/// <param name="PublishAt">When the Decision is published (ngày công bố); the timer publishes once this has come.</param>
/// <param name="Decision">Province texts of the Decision: name, place, number, legal bases, signature.</param>
/// <param name="DraftHash">Input hash of the latest generated draft documents.</param>
/// <param name="PublishedHash">Input hash of the published Decision; documents under this hash are the public ones.</param>
/// <param name="ETag">Concurrency token of the stored row; null for a new year.</param>
/// <param name="UnitsVersion">Bumped after every change of the year's units, so readers can cache the unit list safely.</param>
public sealed record YearRecord(
    int Year,
    SchemeRef Scheme,
    DecisionSettings Decision,
    IReadOnlyDictionary<RoundName, RoundWindow> Rounds,
    DateTimeOffset? PublishAt,
    YearStatus Status,
    string? DraftHash,
    string? PublishedHash,
    DateTimeOffset? PublishedAt,
    string? ETag,
    int UnitsVersion = 0)
{
    public RoundWindow WindowFor(RoundName round) => Rounds.TryGetValue(round, out var w) ? w : new RoundWindow(null, null);
}

/// <summary>Text names of rounds, as used in routes and JSON.</summary>
public static class RoundNames
{
    private static readonly Dictionary<RoundName, string> Names = new()
    {
        [RoundName.SelfAssessment] = "self-assessment",
        [RoundName.Appraisal1] = "appraisal-1",
        [RoundName.Explanation] = "explanation",
        [RoundName.Appraisal2] = "appraisal-2",
        [RoundName.Survey] = "survey",
        [RoundName.BonusPenalty] = "bonus-penalty",
        [RoundName.History] = "history",
    };

    public static string Text(RoundName round) => Names[round];

    public static RoundName Parse(string? text) =>
        Names.FirstOrDefault(p => string.Equals(p.Value, text, StringComparison.OrdinalIgnoreCase)).Key;

    public static IEnumerable<RoundName> All => Names.Keys;

    /// <summary>The round a file kind (and appraisal round number) belongs to.</summary>
    public static RoundName For(FileKind kind, int? round) => kind switch
    {
        FileKind.SelfAssessment => RoundName.SelfAssessment,
        FileKind.Explanation => RoundName.Explanation,
        FileKind.Appraisal => round == 2 ? RoundName.Appraisal2 : RoundName.Appraisal1,
        FileKind.Survey => RoundName.Survey,
        FileKind.BonusPenalty => RoundName.BonusPenalty,
        FileKind.PublishedResults => RoundName.History,
        _ => RoundName.Invalid,
    };
}
