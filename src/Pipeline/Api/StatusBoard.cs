using System.Globalization;
using ParServerless.Files;
using ParServerless.Files.Workflow;
using ParServerless.Pipeline.Api.Contracts;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Pages;
using ParServerless.Pipeline.Problems;
using ParServerless.Pipeline.Publication;
using ParServerless.Pipeline.Registry;
using ParServerless.Pipeline.Storage;
using ParServerless.Scoring.Decisions;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Problems;
using ParServerless.Scoring.Results;

namespace ParServerless.Pipeline.Api;

/// <summary>
/// Sở Nội vụ's status board (bảng theo dõi tiến độ), the view checked every day in the last week before a deadline: for each
/// round, who has submitted, who was rejected and why, who is missing, and the time to the deadline; then the publication
/// checklist in the words the publish route would refuse with.
/// </summary>
/// <remarks>
/// Read from the audit rows (<see cref="UploadStore"/>): an upload whose blob is written but not yet ingested has no row and is
/// not on the board until it is. A unit is in exactly one list of a round: submitted when any of its files was accepted (the
/// current marks count), else rejected when it tried (the latest attempt shown), else missing. Cost: one read of the year's
/// audit rows, at most one report per rejected unit plus <see cref="BoardLimits.FileRejectionsPerRound"/> per round, and one
/// computation of the draft results for the checklist.
/// </remarks>
public sealed class StatusBoard(
    YearStore years, UnitStore units, UploadStore uploads, YearComputation computation, TimeProvider time)
{
    /// <summary>The rounds on the board, in workflow order: every step that gives marks (not the history import).</summary>
    internal static IReadOnlyList<StepDefinition> Rounds { get; } = WorkflowSteps.All.Where(s => s.MarkSource != MarkSource.Invalid).ToList();

    public async Task<ApiReply> BoardAsync(int year, CancellationToken ct) =>
        await BuildAsync(year, ct).ConfigureAwait(false) is { } board ? ApiReply.Json(board) : PipelineProblems.YearMissing(year);

    /// <returns>The board, or null when the year does not exist.</returns>
    public async Task<BoardView?> BuildAsync(int year, CancellationToken ct)
    {
        if (await years.GetAsync(year, ct).ConfigureAwait(false) is not { } record) return null;
        var now = time.GetUtcNow();
        var registered = (await units.ListAsync(year, record.UnitsVersion, ct).ConfigureAwait(false)).Select(u => u.Unit)
            .OrderBy(u => u.GroupCode, StringComparer.Ordinal).ThenBy(u => u.Code, StringComparer.Ordinal).ToList();
        var known = registered.ToDictionary(u => u.Code, u => new BoardUnit(u.Code, u.Name, u.GroupCode), StringComparer.Ordinal);
        var audit = await uploads.ListAsync(year, null, ct).ConfigureAwait(false);   // newest first

        var rounds = new List<BoardRound>();
        foreach (var step in Rounds)
        {
            var round = step.Step;
            var attempts = audit.Where(r => WorkflowSteps.For(r.Kind, r.Round)?.Step == round).ToList();
            var submitted = new Dictionary<string, BoardUnit>(StringComparer.Ordinal);
            foreach (var r in attempts.Where(a => a.Outcome == UploadOutcome.Accepted))
                foreach (var code in UnitsOf(r))
                    if (known.TryGetValue(code, out var u) && !submitted.ContainsKey(code))
                        submitted[code] = u with { At = r.UploadedAt, Sha256 = r.Sha256, File = r.BlobName };

            var rejected = new List<BoardRejection>();
            var tried = new HashSet<string>(StringComparer.Ordinal);
            var wholeFiles = 0;
            foreach (var r in attempts.Where(a => a.Outcome != UploadOutcome.Accepted))
            {
                var codes = UnitsOf(r).Where(known.ContainsKey).ToList();
                if (codes.Count == 0)
                {
                    if (wholeFiles++ < BoardLimits.FileRejectionsPerRound) rejected.Add(await RejectionAsync(r, null, ct).ConfigureAwait(false));
                    continue;
                }
                foreach (var code in codes)
                    if (!submitted.ContainsKey(code) && tried.Add(code))
                        rejected.Add(await RejectionAsync(r, known[code], ct).ConfigureAwait(false));
            }
            var missing = registered.Where(u => !submitted.ContainsKey(u.Code) && !tried.Contains(u.Code)).Select(u => known[u.Code]).ToList();
            var window = record.WindowFor(round);
            var (state, left, words) = Timing(record.Rounds.ContainsKey(round) ? window : null, now);
            rounds.Add(new BoardRound(step.Name, step.Vietnamese, step.RequiredOfEveryUnit, window.Opens, window.Deadline, state, left, words,
                registered.Where(u => submitted.ContainsKey(u.Code)).Select(u => submitted[u.Code]).ToList(), rejected, missing));
        }
        return new BoardView(year, record.Status.ToString(), now, registered.Count, rounds, await ChecklistAsync(record, ct).ConfigureAwait(false));
    }

    /// <summary>What publishing would refuse now, as its refusals: the same calls the publish route makes, never copied text.</summary>
    public async Task<BoardChecklist> ChecklistAsync(YearRecord record, CancellationToken ct)
    {
        if (record.Status == YearStatus.Published) return new BoardChecklist(false, true, []);
        var refusals = new List<Refusal>();
        // In the order publishing meets them: the route refuses a missing setting at once, the job then finds units not appraised.
        if (DecisionReadiness.Check(record.Decision, record.Year) is { Accepted: false } unready)
            refusals.Add(PipelineProblems.DecisionNotReady(record.Year, unready.Problems));
        var computed = await computation.ComputeAsync(record.Year, ct).ConfigureAwait(false);
        if (!computed.IsOk) refusals.Add(computed.Refusal);
        else
        {
            var notAppraised = computed.Value.Standings.SelectMany(s => s.Rows).Where(r => r.Result.Status == ResultStatus.Provisional)
                .Select(r => r.Result.Unit.Code).ToList();
            if (notAppraised.Count > 0) refusals.Add(PipelineProblems.NotAppraised(notAppraised));
        }
        return new BoardChecklist(refusals.Count == 0, false, refusals.Select(r =>
            new BoardRefusal(r.Code, r.Status, r.Vietnamese, r.English, (r.Problems ?? []).Select(ProblemView.Of).ToList())).ToList());
    }

    /// <summary>The round's state at <paramref name="now"/>, whole seconds left, and the same in Vietnamese words.</summary>
    internal static (string State, long? SecondsLeft, string Words) Timing(RoundWindow? window, DateTimeOffset now)
    {
        if (window is null) return ("not-scheduled", null, "chưa đặt lịch");
        if (window.Opens is { } opens && now < opens) return ("not-open", null, "chưa mở; mở lúc " + PublicPages.DateTime(opens));
        if (window.Deadline is { } deadline)
        {
            if (now >= deadline) return ("closed", null, "đã hết hạn lúc " + PublicPages.DateTime(deadline));
            var left = deadline - now;
            return ("open", (long)left.TotalSeconds, "đang nhận; hạn nộp " + PublicPages.DateTime(deadline) + ", còn " + Left(left));
        }
        return ("open", null, "đang nhận; chưa đặt hạn nộp");
    }

    /// <summary>Time left in days and hours, or hours and minutes in the last day.</summary>
    internal static string Left(TimeSpan left) => left.TotalDays >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)left.TotalDays} ngày {left.Hours} giờ")
        : string.Create(CultureInfo.InvariantCulture, $"{left.Hours} giờ {left.Minutes} phút");

    /// <summary>Units an attempt concerns: those its file carried, else the unit its path named.</summary>
    private static IEnumerable<string> UnitsOf(UploadRecord r) =>
        r.Units.Count > 0 ? r.Units : r.Unit is { Length: > 0 } u ? [u] : [];

    private async Task<BoardRejection> RejectionAsync(UploadRecord r, BoardUnit? unit, CancellationToken ct)
    {
        IReadOnlyList<ProblemView> problems = [];
        if (r.Outcome == UploadOutcome.Rejected)
        {
            // The report sits in the status row, or in a blob when too large for it: the store knows which.
            var bytes = await uploads.ReportAsync(r, ct).ConfigureAwait(false);
            if (bytes?.ToObjectFromJson<UploadReport>(UploadReport.Json) is { } report)
                problems = report.Problems.OrderBy(p => p.Severity == "error" ? 0 : 1).Take(BoardLimits.ProblemsPerRejection).ToList();
        }
        return new BoardRejection(unit, r.BlobName, r.UploadedAt, r.Outcome.ToString(), r.Sha256 is { Length: > 0 } s ? s : null, r.Codes, problems);
    }
}
