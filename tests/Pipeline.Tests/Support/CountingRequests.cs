using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ParServerless.Pipeline.Tests.Support;

/// <summary>
/// An SDK pipeline policy that records every request sent to storage (per retry: each is a network round trip in Azure), so a
/// test can count the calls an operation costs.
/// </summary>
public sealed class CountingRequests : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<string> _requests = new();

    /// <summary>The requests since the last <see cref="Reset"/>, as "METHOD path".</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public void Reset() => _requests.Clear();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Record(HttpMessage message) =>
        _requests.Enqueue($"{message.Request.Method} {Uri.UnescapeDataString(message.Request.Uri.Path)}");
}
