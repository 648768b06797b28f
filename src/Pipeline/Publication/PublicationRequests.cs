using System.Text.Json;
using Azure;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using ParServerless.Pipeline.Storage;

namespace ParServerless.Pipeline.Publication;

/// <summary>The queue message of a job: only where to find it; the job blob holds the rest.</summary>
public sealed record PublicationMessage(string Format, int Year, string Id)
{
    public const string FormatVersion = "par-publication-job/1";

    public static PublicationMessage? TryParse(string text)
    {
        try
        {
            var message = JsonSerializer.Deserialize<PublicationMessage>(text, JsonSerializerOptions.Web);
            return message is { Format: FormatVersion, Year: > 0 } && PublicationJob.IsWellFormedId(message.Id) ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// Starts publication jobs: writes the job (Queued), then its message to <see cref="StorageNames.Queues.Publications"/>. The API
/// and the year-end timer both come here, so one durable worker (the queue trigger) does every publication.
/// </summary>
public sealed partial class PublicationRequests(PublicationJobStore jobs, StorageClients clients, TimeProvider time, ILogger<PublicationRequests> logger)
{
    /// <summary>A queued job not started within this time is taken for lost (its message never sent) and not joined.</summary>
    internal static readonly TimeSpan StaleQueued = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The job for (year, publish): the one already queued or running, joined rather than doubled, else a new one.
    /// </summary>
    /// <returns>The job and whether this call created it.</returns>
    public async Task<(PublicationJob Job, bool Created)> RequestAsync(int year, bool publish, string requestedBy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var active = (await jobs.ListAsync(year, cancellationToken).ConfigureAwait(false)).FirstOrDefault(j => j.Publish == publish &&
            (j.State == PublicationState.Running || (j.State == PublicationState.Queued && now - j.RequestedAt < StaleQueued)));
        if (active is not null) return (active, false);

        var job = PublicationJob.Queue(year, publish, now, requestedBy);
        await jobs.CreateAsync(job, cancellationToken).ConfigureAwait(false);
        try
        {
            await SendAsync(new PublicationMessage(PublicationMessage.FormatVersion, year, job.Id), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException)
        {
            // Never leave a queued job without its message: a later request would join it and wait forever.
            await jobs.UpdateAsync(year, job.Id, j => j.End(PublicationState.Failed, Problems.PipelineProblems.PublicationNotQueued(year), time.GetUtcNow()),
                CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        LogQueued(year, job.Id, publish, requestedBy);
        return (job, true);
    }

    private async Task SendAsync(PublicationMessage message, CancellationToken cancellationToken)
    {
        var queue = clients.Queue(StorageNames.Queues.Publications);
        var text = JsonSerializer.Serialize(message, JsonSerializerOptions.Web);
        try
        {
            await queue.SendMessageAsync(text, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.ErrorCode == QueueErrorCode.QueueNotFound)
        {
            // A fresh emulator; in Azure infra/ creates it.
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await queue.SendMessageAsync(text, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Publication {Year} queued as job {JobId} (publish={Publish}, by {RequestedBy})")]
    private partial void LogQueued(int year, string jobId, bool publish, string requestedBy);
}
