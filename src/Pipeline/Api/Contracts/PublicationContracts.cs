using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Publication;

namespace ParServerless.Pipeline.Api.Contracts;

/// <summary>
/// The status resource of a publication job (lượt công bố), <c>par-publication/1</c>: what <c>POST …/publish</c> and
/// <c>POST …/decision</c> answer with 202, and what <c>GET …/publications/{id}</c> answers (202 while queued or running,
/// 200 once finished, whatever the outcome). Poll it until <see cref="Finished"/>.
/// </summary>
/// <param name="Kind"><c>publish</c>, or <c>draft</c> for the draft documents.</param>
/// <param name="State"><c>queued</c>, <c>running</c>, then <c>succeeded</c>, <c>refused</c> or <c>failed</c>.</param>
/// <param name="Phase"><c>queued</c>, <c>computing</c>, <c>rendering</c>, <c>saving</c>, <c>publishing</c>, <c>done</c>.</param>
/// <param name="UnitsRendered">Units whose result sheet exists, out of <paramref name="UnitsTotal"/> (0 until computed).</param>
/// <param name="Attempts">Deliveries so far; above 1 after a retry (a crash or a fault), which resumes where the last stopped.</param>
/// <param name="Outcome">Null until finished: PAR-A080 published, PAR-A081 draft generated, a refusal's code (PAR-A050, PAR-A052,
/// PAR-A060, PAR-A027…) or PAR-A082 (failed every attempt).</param>
/// <param name="Rendered">Once succeeded: whether this job rendered the documents (false: they existed, e.g. publishing again).</param>
/// <param name="Document">Where the result is once succeeded: the public Decision, or the admin draft.</param>
public sealed record PublicationStatusView(
    string Format, string Id, int Year, string Kind, string State, string Phase, bool Finished, int UnitsRendered, int UnitsTotal, int Attempts,
    DateTimeOffset RequestedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, DateTimeOffset UpdatedAt, string? InputSha256,
    bool? Rendered, PublicationOutcomeView? Outcome, string StatusUrl, string? Document)
{
    public const string FormatVersion = "par-publication/1";

    public static string UrlOf(int year, string id) => $"/api/admin/years/{year}/publications/{id}";

    public static PublicationStatusView Of(PublicationJob j) => new(
        FormatVersion, j.Id, j.Year, j.Publish ? "publish" : "draft", j.State.ToString().ToLowerInvariant(), j.Phase.ToString().ToLowerInvariant(),
        j.Finished, j.UnitsRendered, j.UnitsTotal, j.Attempts, j.RequestedAt, j.StartedAt, j.FinishedAt, j.UpdatedAt, j.InputSha256, j.Rendered,
        j.OutcomeCode is { } code ? new PublicationOutcomeView(code, j.OutcomeStatus ?? 0, j.OutcomeVi ?? "", j.OutcomeEn ?? "", j.Problems) : null,
        UrlOf(j.Year, j.Id),
        j.State != PublicationState.Succeeded ? null : j.Publish ? $"/api/public/years/{j.Year}/decision.pdf" : $"/api/admin/years/{j.Year}/decision.pdf");
}

/// <summary>How a job ended: its code (success or refusal), the HTTP status that code answers with elsewhere, both texts.</summary>
/// <param name="Problems">For PAR-A052, every missing setting (PAR-D codes).</param>
public sealed record PublicationOutcomeView(string Code, int Status, string Vi, string En, IReadOnlyList<ProblemView>? Problems);
