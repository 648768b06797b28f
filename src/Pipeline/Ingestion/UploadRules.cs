using System.Globalization;
using ParServerless.Files;
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
        if (year.HistoryOnly && kind != FileKind.PublishedResults)
            return PipelineProblems.HistoryOnlyYear(year.Year, RoundNames.Text(RoundNames.For(kind, round))).AsReport();
        var name = RoundNames.For(kind, round);
        var window = year.WindowFor(name);
        if (window.Accepts(at)) return null;
        var vn = TimeZoneInfo.ConvertTime(at, Vietnam);
        if (window.Deadline is { } deadline && at >= deadline)
        {
            var d = TimeZoneInfo.ConvertTime(deadline, Vietnam);
            return PipelineProblems.RoundClosed(year.Year, RoundNames.Text(name), Show(d), Show(vn)).AsReport();
        }
        else
        {
            var o = TimeZoneInfo.ConvertTime(window.Opens!.Value, Vietnam);
            return PipelineProblems.RoundNotYetOpen(year.Year, RoundNames.Text(name), Show(o)).AsReport();
        }
    }

    private static string Show(DateTimeOffset t) => t.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
}
