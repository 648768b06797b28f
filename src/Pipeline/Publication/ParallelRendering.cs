using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace ParServerless.Pipeline.Publication;

/// <summary>How publication spends the machine.</summary>
public sealed record PublicationOptions
{
    /// <summary>Documents rendered at once (CPU-bound).</summary>
    /// <value>The default value is the processor count.</value>
    public int Renderers { get; init; } = Environment.ProcessorCount;

    /// <summary>Blob writes in flight at once, overlapping the rendering.</summary>
    /// <value>The default value is 16.</value>
    public int Writers { get; init; } = 16;

    /// <summary>Rendered documents waiting for a writer; bounds the memory a publication holds whatever its size.</summary>
    /// <value>The default value is 64 (a result sheet is about 100 KB).</value>
    public int Buffered { get; init; } = 64;

    /// <exception cref="ArgumentException">Every setting that is not positive, in one message.</exception>
    public PublicationOptions Validated()
    {
        var errors = new List<string>();
        if (Renderers < 1) errors.Add($"Renderers must be at least 1 (was {Renderers})");
        if (Writers < 1) errors.Add($"Writers must be at least 1 (was {Writers})");
        if (Buffered < 1) errors.Add($"Buffered must be at least 1 (was {Buffered})");
        return errors.Count == 0 ? this : throw new ArgumentException("PublicationOptions: " + string.Join("; ", errors) + ".");
    }
}

/// <summary>A document to store: its name under the hash folder, bytes and content type.</summary>
internal sealed record RenderedDocument(string Name, byte[] Content, string ContentType);

/// <summary>One piece of rendering work (a unit's sheet, or the Decision), producing one or more documents.</summary>
/// <param name="Unit">The unit it counts for in progress; null for the Decision.</param>
internal sealed record RenderWork(string? Unit, Func<IReadOnlyList<RenderedDocument>> Render);

/// <summary>
/// Renders on <see cref="PublicationOptions.Renderers"/> threads and writes on <see cref="PublicationOptions.Writers"/> tasks,
/// a bounded channel between them, so the CPU never waits for storage and memory stays bounded. The first failure cancels
/// the rest and is rethrown; what was written stays written (names are keyed by the input hash, so a retry resumes).
/// </summary>
internal static class ParallelRendering
{
    /// <param name="done">Called once per work item whose documents are all written (from any thread).</param>
    public static async Task RunAsync(IReadOnlyList<RenderWork> work, Func<RenderedDocument, CancellationToken, Task> write,
        Action<RenderWork> done, PublicationOptions options, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<(RenderWork Work, RenderedDocument Document, StrongBox Left)>(
            new BoundedChannelOptions(options.Buffered) { SingleWriter = false, SingleReader = false });
        Exception? failure = null;
        void Fail(Exception e)
        {
            if (e is OperationCanceledException && cts.IsCancellationRequested) return;
            Interlocked.CompareExchange(ref failure, e, null);
            cts.Cancel();
        }

        var writers = Enumerable.Range(0, options.Writers).Select(_ => Task.Run(async () =>
        {
            try
            {
                await foreach (var (item, document, left) in channel.Reader.ReadAllAsync(cts.Token).ConfigureAwait(false))
                {
                    await write(document, cts.Token).ConfigureAwait(false);
                    if (Interlocked.Decrement(ref left.Value) == 0) done(item);
                }
            }
#pragma warning disable CA1031 // recorded and rethrown below, after every task stopped
            catch (Exception e) { Fail(e); }
#pragma warning restore CA1031
        }, CancellationToken.None)).ToList();

        // Renderers run on threads of their own, not the pool's: rendering is synchronous CPU work, and on a 2-core instance
        // two renderers holding both pool threads left the writers' I/O completions (and the storage client's) waiting for the
        // pool to grow, so the CPU idled between documents while storage waited.
        var next = -1;
        var renderers = Enumerable.Range(0, options.Renderers).Select(_ => Task.Factory.StartNew(() =>
        {
            try
            {
                int i;
                while (!cts.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < work.Count)
                {
                    var item = work[i];
                    var documents = item.Render();
                    if (documents.Count == 0)
                    {
                        done(item);
                        continue;
                    }
                    var left = new StrongBox(documents.Count);
                    foreach (var document in documents)
                        if (!channel.Writer.TryWrite((item, document, left)))
                            channel.Writer.WriteAsync((item, document, left), cts.Token).AsTask().GetAwaiter().GetResult();
                }
            }
#pragma warning disable CA1031 // recorded and rethrown below
            catch (Exception e) { Fail(e); }
#pragma warning restore CA1031
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
        try
        {
            await Task.WhenAll(renderers).ConfigureAwait(false);
        }
        finally
        {
            channel.Writer.TryComplete();
        }

        await Task.WhenAll(writers).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (failure is not null) ExceptionDispatchInfo.Throw(failure);
    }

    /// <summary>Documents still to write for one item.</summary>
    private sealed class StrongBox(int value)
    {
        public int Value = value;
    }
}
