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

/// <summary>
/// Reads an archive entry, stopping when it yields more than it declared or than the archive's budget allows, and checking the
/// entry's CRC-32 at its end.
/// </summary>
/// <remarks>
/// Declared sizes are checked before parsing, but a crafted archive can lie about them: this catches the lie while reading.
/// The zip reader does not check the CRC itself, and one damaged byte can inflate to well-formed XML with other values:
/// a mismatch is <see cref="InvalidDataException"/> (a damaged workbook), never other marks.
/// </remarks>
internal sealed class BoundedStream(Stream inner, long declared, DecompressionBudget budget, uint? crc = null) : Stream
{
    private long _read;
    private uint _crc;

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
        if (crc is { } expected)
        {
            _crc = Crc32.Append(_crc, buffer[..n]);
            if (n == 0 && buffer.Length > 0 && (_read != declared || _crc != expected))
                throw new InvalidDataException("The entry's checksum or length does not match its header.");
        }
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
