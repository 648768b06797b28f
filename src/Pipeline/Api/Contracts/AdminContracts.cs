using ParServerless.Files.Workflow;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Registry;
using ParServerless.Scoring.Decisions;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Pipeline.Api.Contracts;

/// <summary>Year settings as Sở Nội vụ sends them.</summary>
/// <param name="PublishAt">Publication moment (ISO 8601 with offset, e.g. 2022-01-06T09:00:00+07:00); the timer publishes once it has come.</param>
/// <param name="HistoryOnly">True for an earlier year that exists only as its published table (imported through the history
/// route): its scheme needs not cover the year and no Decision settings are needed.</param>
public sealed record YearRequest(SchemeRef? Scheme, DecisionSettings? Decision, DateTimeOffset? PublishAt, bool? HistoryOnly = null);

/// <summary>A unit to register (đơn vị được đánh giá) with its group and the earlier units it replaces.</summary>
public sealed record UnitRequest(string Code, string Name, string Group, bool? Ranked, IReadOnlyList<string>? Predecessors);

/// <summary>A round's window; null bounds are open.</summary>
public sealed record RoundRequest(DateTimeOffset? Opens, DateTimeOffset? Deadline);

/// <summary>A registered scheme version (bộ tiêu chí).</summary>
public sealed record SchemeRegistered(string Id, int Version, string Name, int Leaves, bool Created, IReadOnlyList<ProblemView> Warnings);

/// <summary>A year as admin routes show it: rounds keyed by their route names (<c>self-assessment</c>, <c>appraisal-1</c> …).</summary>
public sealed record YearView(
    int Year, SchemeRef Scheme, string Status, DateTimeOffset? PublishAt, DateTimeOffset? PublishedAt, string? DraftHash, string? PublishedHash,
    IReadOnlyDictionary<string, RoundWindow> Rounds, DecisionSettings Decision, bool HistoryOnly = false)
{
    public static YearView Of(YearRecord y) => new(
        y.Year, y.Scheme, y.Status.ToString(), y.PublishAt, y.PublishedAt, y.DraftHash, y.PublishedHash,
        y.Rounds.OrderBy(r => r.Key).ToDictionary(r => WorkflowSteps.Of(r.Key).Name, r => r.Value), y.Decision, y.HistoryOnly);
}

/// <summary>A registered unit with its upload key (khóa nộp tệp), which Sở Nội vụ hands to the unit.</summary>
public sealed record UnitView(string Code, string Name, string Group, bool Ranked, IReadOnlyList<string> Predecessors, string? Key);

/// <summary>What a generation of the Decision did.</summary>
/// <param name="DecisionPdf">Where the generated Decision is: the public route once published, else the admin draft route.</param>
public sealed record GenerationView(int Year, string InputSha256, bool Published, bool Rendered, int Units, string DecisionPdf);

/// <summary>The signed original as stored: its hash, and what its digital signature declares (not verified).</summary>
public sealed record SignedOriginalView(
    int Year, string Sha256, long Size, DateTimeOffset UploadedAt, bool HasDigitalSignature, string? DeclaredSigner,
    DateTimeOffset? DeclaredSigningTime, string DecisionPdf, string Note);
