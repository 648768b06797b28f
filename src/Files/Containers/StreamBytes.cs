namespace ParServerless.Files.Containers;

internal static class StreamBytes
{
    /// <summary>Reads a stream to its end, but never more than <paramref name="limit"/> + 1 bytes: enough to tell it is too large.</summary>
    public static async Task<ReadOnlyMemory<byte>> ReadBoundedAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length <= limit)
        {
            var want = (int)Math.Min(chunk.Length, limit + 1 - buffer.Length);
            var n = await stream.ReadAsync(chunk.AsMemory(0, want), cancellationToken).ConfigureAwait(false);
            if (n == 0) break;
            buffer.Write(chunk, 0, n);
        }
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
