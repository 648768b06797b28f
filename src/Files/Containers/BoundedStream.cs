namespace ParServerless.Files.Containers;

/// <summary>Shared budget of decompressed bytes for one archive.</summary>
internal sealed class DecompressionBudget(long bytes)
{
    public long Remaining { get; private set; } = bytes;

    public void Spend(int count)
    {
        Remaining -= count;
        if (Remaining < 0) throw new LimitExceededException("decompressed bytes");
    }
}

/// <summary>Reads an archive entry, stopping when it yields more than it declared or than the archive's budget allows.</summary>
/// <remarks>Declared sizes are checked before parsing, but a crafted archive can lie about them: this catches the lie while reading.</remarks>
internal sealed class BoundedStream(Stream inner, long declared, DecompressionBudget budget) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        _read += n;
        if (_read > declared) throw new LimitExceededException("entry larger than declared");
        budget.Spend(n);
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
