using ParServerless.Functions.Registry;

namespace ParServerless.Functions.Api;

/// <summary>A year as admin routes show it: rounds keyed by their route names (<c>self-assessment</c>, <c>appraisal-1</c> …).</summary>
internal static class YearView
{
    public static object Of(YearRecord y) => new
    {
        year = y.Year,
        scheme = y.Scheme,
        status = y.Status.ToString(),
        publishAt = y.PublishAt,
        publishedAt = y.PublishedAt,
        draftHash = y.DraftHash,
        publishedHash = y.PublishedHash,
        rounds = y.Rounds.OrderBy(r => r.Key).ToDictionary(r => RoundNames.Text(r.Key), r => r.Value),
        decision = y.Decision,
    };
}
