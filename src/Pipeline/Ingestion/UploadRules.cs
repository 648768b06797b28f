using System.Globalization;
using ParServerless.Files;
using ParServerless.Files.Workflow;
using ParServerless.Pipeline.Problems;
using ParServerless.Pipeline.Registry;
using ParServerless.Scoring.Problems;

namespace ParServerless.Pipeline.Ingestion;

/// <summary>Whether a year takes an upload of a kind at a moment: the same rule at the API (refusal) and at ingestion (rejection report).</summary>
public static class UploadRules
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <returns>Null when accepted, else a report coded PAR-I003 (year published), PAR-A090 (a history-only year takes only
    /// its published table) or PAR-I004 (outside the round's window).</returns>
    public static ValidationReport? Check(YearRecord year, FileKind kind, int? round, DateTimeOffset at)
    {
        if (year.Status == YearStatus.Published && kind != FileKind.PublishedResults)
            return PipelineProblems.YearPublished(year.Year).AsReport();
        // Callers have checked the kind and the appraisal round (PAR-A015, PAR-I001): a step not found here is a bug.
        var step = WorkflowSteps.For(kind, round) ?? throw new ArgumentException($"No workflow step for {kind}, round {round}.", nameof(kind));
        if (year.HistoryOnly && kind != FileKind.PublishedResults)
            return PipelineProblems.HistoryOnlyYear(year.Year, step.Name).AsReport();
        var window = year.WindowFor(step.Step);
        if (window.Accepts(at)) return null;
        var vn = TimeZoneInfo.ConvertTime(at, Vietnam);
        if (window.Deadline is { } deadline && at >= deadline)
        {
            var d = TimeZoneInfo.ConvertTime(deadline, Vietnam);
            return PipelineProblems.RoundClosed(year.Year, step.Name, Show(d), Show(vn)).AsReport();
        }
        else
        {
            var o = TimeZoneInfo.ConvertTime(window.Opens!.Value, Vietnam);
            return PipelineProblems.RoundNotYetOpen(year.Year, step.Name, Show(o)).AsReport();
        }
    }

    private static string Show(DateTimeOffset t) => t.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
}
