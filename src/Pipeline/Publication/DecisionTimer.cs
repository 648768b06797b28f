using Microsoft.Extensions.Logging;

namespace ParServerless.Pipeline.Publication;

/// <summary>
/// The year-end timer's work (<c>GenerateDecision</c>): queues a publication job for every year whose publication moment has
/// come, the same job <c>POST …/publish</c> queues, so one durable worker (the queue trigger) publishes. The host never
/// retries a timer and lease loss can replay an occurrence: a job already queued or running is joined, a published year
/// publishes as a no-op. A failure to queue one year does not stop the others; the run fails when any year failed.
/// </summary>
public sealed partial class DecisionTimer(DecisionService decisions, PublicationRequests requests, ILogger<DecisionTimer> logger)
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
                var (job, created) = await requests.RequestAsync(year, publish: true, "timer", cancellationToken).ConfigureAwait(false);
                LogQueued(year, job.Id, created);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed.Add(year);
                LogFailed(e, year);
            }
        }
        if (failed.Count > 0)
            throw new InvalidOperationException($"Publication could not be queued for {string.Join(", ", failed)}; the other due years were queued.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Occurrence is past due (missed while the app was down); running it now")]
    private partial void LogPastDue();

    [LoggerMessage(Level = LogLevel.Information, Message = "No year is due for publication")]
    private partial void LogNothingDue();

    [LoggerMessage(Level = LogLevel.Information, Message = "Year {Year}: publication job {JobId} (new: {Created})")]
    private partial void LogQueued(int year, string jobId, bool created);

    [LoggerMessage(Level = LogLevel.Error, Message = "Year {Year}: publication could not be queued")]
    private partial void LogFailed(Exception exception, int year);
}
