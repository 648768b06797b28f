using ParServerless.Pipeline.Ingestion;

namespace ParServerless.Pipeline.Api.Contracts;

/// <summary>
/// Sở Nội vụ's status board of a year (bảng theo dõi): per round, who has submitted, who was rejected and why, who is missing,
/// and the time left; then what still stands in the way of publication.
/// </summary>
/// <param name="Now">The moment the board was made (the injected clock), against which the time left is counted.</param>
public sealed record BoardView(int Year, string Status, DateTimeOffset Now, int Units, IReadOnlyList<BoardRound> Rounds, BoardChecklist Checklist);

/// <summary>One round of the board.</summary>
/// <param name="Round">The round's route name (<c>self-assessment</c>, <c>appraisal-1</c> …).</param>
/// <param name="Name">Its Vietnamese name.</param>
/// <param name="Required">Whether every unit must have a file (self-assessment, appraisal round 1, survey); explanation,
/// appraisal round 2 and bonus/penalty concern only some units, so their "missing" list is information, not a fault.</param>
/// <param name="State"><c>not-scheduled</c> (no window set), <c>not-open</c>, <c>open</c> or <c>closed</c>.</param>
/// <param name="SecondsLeft">Whole seconds until the deadline while open with a deadline; otherwise null.</param>
/// <param name="TimeLeft">The state in Vietnamese words, with the deadline in Vietnam time and the time left.</param>
/// <param name="Submitted">Units with an accepted file in this round (the latest accepted one is shown).</param>
/// <param name="Rejected">Units whose every attempt was rejected or refused (the latest shown, with its first problems), and
/// council files rejected before any unit could be read (no unit).</param>
/// <param name="Missing">Units with no attempt at all.</param>
public sealed record BoardRound(
    string Round, string Name, bool Required, DateTimeOffset? Opens, DateTimeOffset? Deadline, string State, long? SecondsLeft, string TimeLeft,
    IReadOnlyList<BoardUnit> Submitted, IReadOnlyList<BoardRejection> Rejected, IReadOnlyList<BoardUnit> Missing);

/// <summary>A unit on the board; <paramref name="At"/> and <paramref name="Sha256"/> name its file where it has one.</summary>
public sealed record BoardUnit(string Code, string Name, string Group, DateTimeOffset? At = null, string? Sha256 = null, string? File = null);

/// <summary>A rejected or refused attempt.</summary>
/// <param name="Unit">The unit, or null for a council file rejected as a whole.</param>
/// <param name="Outcome"><c>Rejected</c> (ingested and refused with a report) or <c>Refused</c> (refused at the API).</param>
/// <param name="Codes">Every distinct problem code of the attempt.</param>
/// <param name="Problems">The first problems of its report (errors first), at most <see cref="BoardLimits.ProblemsPerRejection"/>.</param>
public sealed record BoardRejection(
    BoardUnit? Unit, string File, DateTimeOffset At, string Outcome, string? Sha256, IReadOnlyList<string> Codes, IReadOnlyList<ProblemView> Problems);

/// <summary>
/// The publication checklist (điều kiện công bố): every refusal publishing would answer now, in the API's own words
/// (PAR-A050 units without appraisal, PAR-A052 with each missing Decision setting), or none when it may be published.
/// </summary>
public sealed record BoardChecklist(bool Ready, bool Published, IReadOnlyList<BoardRefusal> Refusals);

/// <summary>A refusal as the API would answer it, with the problems it lists.</summary>
public sealed record BoardRefusal(string Code, int Status, string Vi, string En, IReadOnlyList<ProblemView> Problems);

/// <summary>Bounds of the board's cost.</summary>
public static class BoardLimits
{
    /// <summary>Problems shown per rejection: the first few say why; the report has the rest.</summary>
    public const int ProblemsPerRejection = 3;

    /// <summary>Council files rejected as a whole (no unit) shown per round, newest first.</summary>
    public const int FileRejectionsPerRound = 10;
}
