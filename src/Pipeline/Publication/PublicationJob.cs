using System.Security.Cryptography;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Problems;

namespace ParServerless.Pipeline.Publication;

/// <summary>Where a publication job (lượt công bố) stands.</summary>
public enum PublicationState
{
    Invalid = 0,
    /// <summary>Waiting in the queue.</summary>
    Queued = 1,
    /// <summary>An attempt is working on it (or crashed; the queue hands it out again).</summary>
    Running = 2,
    /// <summary>Done: published, or the drafts generated. The outcome carries PAR-A080 or PAR-A081.</summary>
    Succeeded = 3,
    /// <summary>Done without publishing, for a reason no retry changes (units not appraised, settings missing…); the outcome carries the code.</summary>
    Refused = 4,
    /// <summary>Every attempt failed (PAR-A082): the message went to the poison queue and nothing was published.</summary>
    Failed = 5,
}

/// <summary>The step a running job is in.</summary>
public enum PublicationPhase
{
    Invalid = 0,
    Queued = 1,
    /// <summary>Replaying the year from raw marks: scores, ranks, bands, year over year.</summary>
    Computing = 2,
    /// <summary>Rendering the Decision and every unit's result sheet; <c>unitsRendered</c> counts up to <c>unitsTotal</c>.</summary>
    Rendering = 3,
    /// <summary>Storing the derived results.</summary>
    Saving = 4,
    /// <summary>Flipping the year row to Published (the one step that makes it public).</summary>
    Publishing = 5,
    Done = 6,
}

/// <summary>
/// One publication job as stored (<c>decisions/{year}/publications/{id}.json</c>): what was asked, how far it got, and its
/// outcome. Only the worker moves it on; progress is written at most about once a second.
/// </summary>
/// <param name="Publish">True to publish; false for the draft documents (dự thảo).</param>
/// <param name="UnitsRendered">Units whose sheet (PDF and JSON) exists, including those found from an earlier attempt.</param>
/// <param name="Attempts">Deliveries of the job's message so far (the queue's dequeue count).</param>
/// <param name="Rendered">Once succeeded: whether this job rendered the documents (false when they existed: a replay).</param>
public sealed record PublicationJob(
    string Id, int Year, bool Publish, PublicationState State, PublicationPhase Phase, int UnitsRendered, int UnitsTotal, int Attempts,
    DateTimeOffset RequestedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, DateTimeOffset UpdatedAt, string RequestedBy,
    string? InputSha256 = null, string? OutcomeCode = null, int? OutcomeStatus = null, string? OutcomeVi = null, string? OutcomeEn = null,
    IReadOnlyList<ProblemView>? Problems = null, bool? Rendered = null)
{
    public bool Finished => State is PublicationState.Succeeded or PublicationState.Refused or PublicationState.Failed;

    /// <summary>A new job, queued.</summary>
    public static PublicationJob Queue(int year, bool publish, DateTimeOffset now, string requestedBy) =>
        new(NewId(now), year, publish, PublicationState.Queued, PublicationPhase.Queued, 0, 0, 0, now, null, null, now, requestedBy);

    public PublicationJob Succeed(Notice notice, string inputSha256, bool rendered, DateTimeOffset now) => this with
    {
        Rendered = rendered, State = PublicationState.Succeeded, Phase = PublicationPhase.Done, InputSha256 = inputSha256, UnitsRendered = UnitsTotal,
        OutcomeCode = notice.Code, OutcomeStatus = 200, OutcomeVi = notice.Vietnamese, OutcomeEn = notice.English, FinishedAt = now, UpdatedAt = now,
    };

    public PublicationJob End(PublicationState state, Refusal refusal, DateTimeOffset now) => this with
    {
        State = state, Phase = PublicationPhase.Done, OutcomeCode = refusal.Code, OutcomeStatus = refusal.Status,
        OutcomeVi = refusal.Vietnamese, OutcomeEn = refusal.English, Problems = refusal.Problems?.Select(ProblemView.Of).ToList(),
        FinishedAt = now, UpdatedAt = now,
    };

    /// <summary>Sortable by request time, unguessable enough to not collide: <c>20260130T021500123Z-1a2b3c</c>.</summary>
    private static string NewId(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", System.Globalization.CultureInfo.InvariantCulture) + "-" +
        Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));

    /// <summary>Whether <paramref name="id"/> has the shape of a job id (anything else is never looked up).</summary>
    public static bool IsWellFormedId(string? id) =>
        id is { Length: > 0 and <= 40 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}

/// <summary>How far a generation got, as it reports it.</summary>
public sealed record PublicationProgress(PublicationPhase Phase, int UnitsRendered, int UnitsTotal);
