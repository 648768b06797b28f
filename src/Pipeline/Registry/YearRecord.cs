using ParServerless.Files.Workflow;
using ParServerless.Pipeline.Problems;
using ParServerless.Scoring.Decisions;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Pipeline.Registry;

/// <summary>Where a year stands (trạng thái kỳ đánh giá).</summary>
public enum YearStatus
{
    Invalid = 0,
    /// <summary>Rounds run; nothing is public.</summary>
    Open = 1,
    /// <summary>The Decision is published (đã công bố): results are public and uploads are refused.</summary>
    Published = 2,
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
/// <param name="SignedDecision">The signed original of the published Decision, once Sở Nội vụ has uploaded it.</param>
public sealed record YearRecord(
    int Year,
    SchemeRef Scheme,
    DecisionSettings Decision,
    IReadOnlyDictionary<WorkflowStep, RoundWindow> Rounds,
    DateTimeOffset? PublishAt,
    YearStatus Status,
    string? DraftHash,
    string? PublishedHash,
    DateTimeOffset? PublishedAt,
    string? ETag,
    int UnitsVersion = 0,
    SignedOriginal? SignedDecision = null)
{
    /// <summary>
    /// True for an earlier year that exists only as its published table (kỳ chỉ có kết quả đã công bố), imported through the
    /// history route for year over year. Its scheme needs not cover the year (it only names the groups); it takes no other
    /// upload (PAR-A090) and is never computed or published (PAR-A091).
    /// </summary>
    public bool HistoryOnly { get; init; }

    public RoundWindow WindowFor(WorkflowStep round) => Rounds.TryGetValue(round, out var w) ? w : new RoundWindow(null, null);

    /// <summary>Opens a year (mở kỳ đánh giá): no rounds yet, nothing public.</summary>
    public static YearRecord Open(int year, SchemeRef scheme, DecisionSettings decision, DateTimeOffset? publishAt) =>
        new(year, scheme, decision, new Dictionary<WorkflowStep, RoundWindow>(), publishAt, YearStatus.Open, null, null, null, null);

    /// <summary>Changes the scheme, the Decision's texts and the publication moment.</summary>
    public YearChange ChangeSettings(SchemeRef scheme, DecisionSettings decision, DateTimeOffset? publishAt) =>
        Guarded(() => this with { Scheme = scheme, Decision = decision, PublishAt = publishAt });

    /// <summary>Opens a year that holds only an earlier published table (<see cref="HistoryOnly"/>).</summary>
    public static YearRecord OpenHistoryOnly(int year, SchemeRef scheme, DecisionSettings decision) =>
        Open(year, scheme, decision, null) with { HistoryOnly = true };

    /// <summary>Changes the settings and whether the year holds only an earlier published table.</summary>
    public YearChange ChangeSettings(SchemeRef scheme, DecisionSettings decision, DateTimeOffset? publishAt, bool historyOnly) =>
        Guarded(() => this with { Scheme = scheme, Decision = decision, PublishAt = historyOnly ? null : publishAt, HistoryOnly = historyOnly });

    /// <summary>Opens or changes a round's window.</summary>
    public YearChange SetRound(WorkflowStep round, RoundWindow window) =>
        Guarded(() => this with { Rounds = new Dictionary<WorkflowStep, RoundWindow>(Rounds) { [round] = window } });

    /// <summary>Closes a round now: later uploads are rejected (PAR-I004).</summary>
    /// <remarks>Whole seconds: blob last-modified times, which ingestion checks against the deadline, have no finer precision.</remarks>
    public YearChange CloseRound(WorkflowStep round, DateTimeOffset now)
    {
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        return Guarded(() => this with { Rounds = new Dictionary<WorkflowStep, RoundWindow>(Rounds) { [round] = WindowFor(round) with { Deadline = now } } });
    }

    /// <summary>The year's units were replaced: the version readers cache the unit list by moves on.</summary>
    public YearChange UnitsRegistered() => Guarded(() => this with { UnitsVersion = UnitsVersion + 1 });

    /// <summary>Draft documents with this input hash were generated (bản dự thảo).</summary>
    public YearChange RecordDraft(string inputSha256) => Guarded(() => this with { DraftHash = inputSha256 });

    /// <summary>Publishes (công bố) the documents of this input hash. Publishing the same hash again changes nothing.</summary>
    public YearChange Publish(string inputSha256, DateTimeOffset at)
    {
        if (Status == YearStatus.Published)
            return PublishedHash == inputSha256 ? new YearChange.Unchanged(this) : new YearChange.Refused(PipelineProblems.YearIsPublished(Year));
        return new YearChange.Changed(this with { DraftHash = inputSha256, PublishedHash = inputSha256, Status = YearStatus.Published, PublishedAt = at });
    }

    /// <summary>
    /// Attaches the signed original (bản gốc đã ký) of the published Decision. The one change a published year takes: the
    /// Decision comes into force when signed, after the system published its text. A later upload replaces an earlier one
    /// (a clearer scan); the same file again changes nothing.
    /// </summary>
    public YearChange AttachSignedOriginal(SignedOriginal original)
    {
        if (Status != YearStatus.Published) return new YearChange.Refused(PipelineProblems.SignedBeforePublication(Year));
        return SignedDecision?.Sha256 == original.Sha256 ? new YearChange.Unchanged(this) : new YearChange.Changed(this with { SignedDecision = original });
    }

    /// <summary>Every change but publication itself is refused once the year is published: a published Decision does not change.</summary>
    private YearChange Guarded(Func<YearRecord> change)
    {
        if (Status == YearStatus.Published) return new YearChange.Refused(PipelineProblems.YearIsPublished(Year));
        var next = change();
        return SameAs(next) ? new YearChange.Unchanged(this) : new YearChange.Changed(next);
    }

    // DecisionSettings holds lists, whose record equality is by reference: compare what would be stored.
    private static bool SameDecision(DecisionSettings a, DecisionSettings b) =>
        ReferenceEquals(a, b) || System.Text.Json.JsonSerializer.Serialize(a) == System.Text.Json.JsonSerializer.Serialize(b);

    private bool SameAs(YearRecord other) =>
        Scheme == other.Scheme && HistoryOnly == other.HistoryOnly && SameDecision(Decision, other.Decision) && PublishAt == other.PublishAt && Status == other.Status
        && DraftHash == other.DraftHash && PublishedHash == other.PublishedHash && PublishedAt == other.PublishedAt
        && UnitsVersion == other.UnitsVersion && SignedDecision == other.SignedDecision && Rounds.Count == other.Rounds.Count
        && Rounds.All(r => other.Rounds.TryGetValue(r.Key, out var w) && w == r.Value);
}
