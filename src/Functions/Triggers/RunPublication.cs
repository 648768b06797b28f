using Microsoft.Azure.Functions.Worker;
using ParServerless.Pipeline.Publication;
using ParServerless.Pipeline.Storage;

namespace ParServerless.Functions.Triggers;

/// <summary>
/// The durable publication worker: one queue message per job, written by <c>POST …/publish</c>, <c>POST …/decision</c> and the
/// year-end timer. A fault throws, so the host retries (visibility timeout) and after <c>maxDequeueCount</c> (5) moves the
/// message to <c>par-publications-poison</c>; a refusal is a finished job, never a retry.
/// </summary>
public sealed class RunPublication(PublicationWorker worker)
{
    [Function(nameof(RunPublication))]
    public Task Run([QueueTrigger(StorageNames.Queues.Publications)] string message, long dequeueCount, CancellationToken ct) =>
        worker.RunAsync(message, dequeueCount, ct);
}
