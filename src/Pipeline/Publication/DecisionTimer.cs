using Microsoft.Extensions.Logging;

namespace ParServerless.Pipeline.Publication;

/// <summary>
/// The year-end timer's work (<c>GenerateDecision</c>): publishes every year whose publication moment has come. The host
/// never retries a timer and lease loss can replay an occurrence, so every step is idempotent, and a failure for one year
/// does not stop the others; the run fails (and the host logs it) when any year failed.
/// </summary>
public sealed partial class DecisionTimer(DecisionService decisions, ILogger<DecisionTimer> logger)
{
    public async Task RunAsync(bool pastDue, CancellationToken cancellationToken)
    {
        if (pastDue) LogPastDue();
        var due = await decisions.DueAsync(cancellationToken).ConfigureAwait(false);
        if (due.Count == 0) LogNothingDue();
        var failed = new List<int>();
        foreach (var year in due)
        {
            try
            {
                var outcome = await decisions.GenerateAsync(year, publish: true, cancellationToken).ConfigureAwait(false);
                if (!outcome.IsOk) LogRefused(year, outcome.Refusal.Code, outcome.Refusal.English);
                else if (!outcome.Value.Published) LogNotAppraised(year, outcome.Value.NotAppraised.Count, string.Join(", ", outcome.Value.NotAppraised));
                else LogPublished(year, outcome.Value.InputSha256, outcome.Value.Units, outcome.Value.Rendered);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed.Add(year);
                LogFailed(e, year);
            }
        }
        if (failed.Count > 0)
            throw new InvalidOperationException($"Publication failed for {string.Join(", ", failed)}; the other due years were published.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Occurrence is past due (missed while the app was down); running it now")]
    private partial void LogPastDue();

    [LoggerMessage(Level = LogLevel.Information, Message = "No year is due for publication")]
    private partial void LogNothingDue();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Year {Year}: not published, {Code}: {Reason}")]
    private partial void LogRefused(int year, string code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Year {Year}: not published, {Count} units have no appraisal: {Units}")]
    private partial void LogNotAppraised(int year, int count, string units);

    [LoggerMessage(Level = LogLevel.Information, Message = "Year {Year}: published {InputSha256} ({Units} units, rendered={Rendered})")]
    private partial void LogPublished(int year, string inputSha256, int units, bool rendered);

    [LoggerMessage(Level = LogLevel.Error, Message = "Year {Year}: publication failed")]
    private partial void LogFailed(Exception exception, int year);
}
