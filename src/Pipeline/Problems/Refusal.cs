using ParServerless.Scoring.Problems;

namespace ParServerless.Pipeline.Problems;

/// <summary>
/// A coded refusal of the pipeline (từ chối có mã): the stable code, the HTTP status it answers with, and the Vietnamese and
/// English texts. Ingestion records it as a problem of the upload's report; the API answers it as an RFC 9457 problem.
/// </summary>
/// <param name="Problems">Every problem found, when the refusal sums up a list (a scheme, a unit list).</param>
public sealed record Refusal(string Code, int Status, string Vietnamese, string English, IReadOnlyList<Problem>? Problems = null)
{
    /// <summary>This refusal as one problem of a report.</summary>
    public Problem AsProblem(Location? where = null) => new(Code, Severity.Error, where ?? Location.Whole, Vietnamese, English);

    /// <summary>This refusal as a report of one error.</summary>
    public ValidationReport AsReport(Location? where = null) => new([AsProblem(where)]);
}
