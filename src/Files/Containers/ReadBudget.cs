namespace ParServerless.Files.Containers;

/// <summary>
/// The time and work one read may spend: a deadline on the injected clock, the caller's cancellation, and the cell and text
/// counts shared by every part of the read. Checked at each row and cell, so a read stops within a bounded step of its bound.
/// </summary>
internal sealed class ReadBudget(FileLimits limits, TimeProvider time, CancellationToken cancellationToken)
{
    /// <summary>How many ticks pass between two looks at the clock: a clock read per cell would cost more than the cell.</summary>
    private const int ClockEvery = 256;

    private readonly long _start = time.GetTimestamp();
    private int _ticks;
    private long _cells;
    private long _text;

    public FileLimits Limits { get; } = limits;

    /// <summary>A budget with no deadline and no counters beyond the limits' own, for internal reads outside a submission.</summary>
    public static ReadBudget Unbounded(FileLimits limits) => new(limits with { MaxReadTime = TimeSpan.MaxValue }, TimeProvider.System, default);

    /// <summary>One step of work: throws when the caller cancelled, or when the deadline passed.</summary>
    public void Tick()
    {
        if (++_ticks % ClockEvery != 0) return;
        cancellationToken.ThrowIfCancellationRequested();
        if (Limits.MaxReadTime != TimeSpan.MaxValue && time.GetElapsedTime(_start) > Limits.MaxReadTime)
            throw new LimitExceededException(Limit.Time, "read time");
    }

    /// <summary>One more worksheet cell.</summary>
    public void Cell()
    {
        if (++_cells > Limits.MaxCells) throw new LimitExceededException(Limit.Cells, "cells");
        Tick();
    }

    /// <summary>Characters of text kept in the table.</summary>
    public void Text(int length)
    {
        _text += length;
        if (_text > Limits.MaxTotalTextChars) throw new LimitExceededException(Limit.TotalText, "text");
    }
}
