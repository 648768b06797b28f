using Microsoft.Extensions.Logging;
using ParServerless.Pipeline.Problems;

namespace ParServerless.Pipeline.Publication;

/// <summary>
/// Runs one publication job from its queue message (the <c>RunPublication</c> queue trigger). At least once, never half:
/// a redelivered message of a finished job is a no-op; a crash mid-way leaves the message to come back after its visibility
/// timeout, and the next attempt resumes (documents are keyed by the input hash and written once). A refusal (units not
/// appraised, settings missing) is a finished job, not a failure; only faults throw, so the host retries them and, after
/// <see cref="MaxDequeueCount"/> attempts, moves the message to the poison queue, the last attempt marking the job Failed.
/// </summary>
public sealed partial class PublicationWorker(
    PublicationJobStore jobs, DecisionService decisions, TimeProvider time, ILogger<PublicationWorker> logger)
{
    /// <summary>The queue trigger's <c>maxDequeueCount</c> (host.json <c>extensions.queues</c>; the host's default).</summary>
    public const int MaxDequeueCount = 5;

    /// <summary>Progress is written at most this often (plus every phase change).</summary>
    internal static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    /// <param name="dequeueCount">This delivery's attempt number (1 for the first).</param>
    public async Task RunAsync(string messageText, long dequeueCount, CancellationToken cancellationToken)
    {
        if (PublicationMessage.TryParse(messageText) is not { } message)
        {
            LogMalformed(messageText.Length > 200 ? messageText[..200] : messageText);
            return; // retrying cannot make it readable
        }
        var attempt = (int)Math.Min(dequeueCount, int.MaxValue);
        var job = await jobs.UpdateAsync(message.Year, message.Id, j => j.Finished ? j : j with
        {
            State = PublicationState.Running, Attempts = Math.Max(j.Attempts, attempt), StartedAt = j.StartedAt ?? time.GetUtcNow(), UpdatedAt = time.GetUtcNow(),
        }, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            LogMissing(message.Year, message.Id);
            return;
        }
        if (job.Finished)
        {
            LogAlreadyFinished(job.Year, job.Id, job.State);
            return;
        }

        LogStarting(job.Year, job.Id, job.Publish, attempt);
        await using var reporter = new ProgressReporter(jobs, job, time, ProgressInterval);
        Outcome<GenerationResult> outcome;
        try
        {
            outcome = await decisions.GenerateAsync(job.Year, job.Publish, reporter, cancellationToken).ConfigureAwait(false);
            await reporter.StopAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await reporter.StopAsync().ConfigureAwait(false);
            LogAttemptFailed(e, job.Year, job.Id, attempt, MaxDequeueCount);
            if (attempt >= MaxDequeueCount)
                await jobs.UpdateAsync(job.Year, job.Id, j => j.Finished ? j : j.End(PublicationState.Failed, PipelineProblems.PublicationFailed(j.Year, attempt), time.GetUtcNow()),
                    CancellationToken.None).ConfigureAwait(false);
            throw; // the host retries, then poisons
        }

        var now = time.GetUtcNow();
        PublicationJob Finish(PublicationJob j)
        {
            if (j.Finished) return j;
            if (!outcome.IsOk) return j.End(PublicationState.Refused, outcome.Refusal, now);
            var result = outcome.Value;
            if (j.Publish && !result.Published) return j.End(PublicationState.Refused, PipelineProblems.NotAppraised(result.NotAppraised), now);
            var done = j with { UnitsTotal = result.Units };
            return done.Succeed(j.Publish ? PipelineProblems.PublicationPublished(j.Year, result.InputSha256) : PipelineProblems.PublicationDrafted(j.Year, result.InputSha256),
                result.InputSha256, result.Rendered, now);
        }
        var finished = await jobs.UpdateAsync(job.Year, job.Id, Finish, CancellationToken.None).ConfigureAwait(false);
        LogFinished(job.Year, job.Id, finished?.State ?? PublicationState.Invalid, finished?.OutcomeCode);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publication message not understood; dropped: {Text}")]
    private partial void LogMalformed(string text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publication job {Year}/{JobId} does not exist; message dropped")]
    private partial void LogMissing(int year, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Publication job {Year}/{JobId} is {State} already; redelivery ignored")]
    private partial void LogAlreadyFinished(int year, string jobId, PublicationState state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Publication job {Year}/{JobId} (publish={Publish}) attempt {Attempt}")]
    private partial void LogStarting(int year, string jobId, bool publish, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publication job {Year}/{JobId}: attempt {Attempt} of {MaxAttempts} failed")]
    private partial void LogAttemptFailed(Exception exception, int year, string jobId, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Publication job {Year}/{JobId} finished: {State} {Code}")]
    private partial void LogFinished(int year, string jobId, PublicationState state, string? code);
}
