using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ParServerless.Functions.Hosting;
using ParServerless.Functions.Publication;

namespace ParServerless.Functions;

/// <summary>
/// The year-end timer (<c>%DECISION_SCHEDULE%</c>, UTC): publishes every year whose publication moment has come. Also runs on
/// demand through the host's admin API. The host never retries a timer, and lease loss can replay an occurrence, so every
/// step is idempotent and a failure for one year does not stop the others.
/// </summary>
internal static class GenerateDecision
{
    public const string Name = nameof(GenerateDecision);

    public static async Task<IResult> InvokeAsync(HttpRequest request, DecisionService decisions, CancellationToken cancellationToken)
    {
        using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        var pastDue = MetadataValue.Find(body.RootElement, "Data") is { } data && MetadataValue.Find(data, "timer") is { } timer
            && MetadataValue.Find(timer, "IsPastDue") is { ValueKind: JsonValueKind.True };
        var logs = new List<string>();
        if (pastDue) logs.Add("Occurrence is past due (missed while the app was down); running it now.");
        var failed = 0;
        foreach (var year in await decisions.DueAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                var result = await decisions.GenerateAsync(year, publish: true, cancellationToken).ConfigureAwait(false);
                logs.Add(result switch
                {
                    null => $"Year {year}: scheme not registered; nothing published.",
                    { Published: false } r => $"Year {year}: not published, {r.NotAppraised.Count} units have no appraisal: {string.Join(", ", r.NotAppraised)}.",
                    { } r => $"Year {year}: published {r.InputSha256} ({r.Units} units, rendered={r.Rendered}).",
                });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed++;
                logs.Add($"Year {year}: failed: {e.GetType().Name}: {e.Message}");
            }
        }
        if (logs.Count == 0 || logs.Count == (pastDue ? 1 : 0)) logs.Add("No year is due for publication.");
        var status = failed > 0 ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK;
        return Results.Json(InvocationResult.Ok(null, [.. logs]), statusCode: status);
    }
}
