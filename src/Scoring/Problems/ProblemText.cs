using System.Runtime.CompilerServices;

namespace ParServerless.Scoring.Problems;

/// <summary>
/// The text of a problem written as an interpolated string (<c>$"…{value}…"</c>) and formatted <b>only when the bag will list
/// it</b>: past the bag's cap the holes are not even evaluated, so a file with a million bad lines costs a million counters,
/// not two million formatted messages. Formats like an interpolated string converted to <see cref="string"/> (current culture).
/// </summary>
[InterpolatedStringHandler]
public ref struct ProblemText
{
    private DefaultInterpolatedStringHandler _inner;

    public ProblemText(int literalLength, int formattedCount, ProblemBag bag, out bool shouldAppend)
    {
        ArgumentNullException.ThrowIfNull(bag);
        shouldAppend = !bag.IsFull;
        Formatted = shouldAppend;
        _inner = shouldAppend ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    /// <summary>False when the bag was full: nothing was formatted.</summary>
    internal bool Formatted { get; }

    public void AppendLiteral(string value) => _inner.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _inner.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _inner.AppendFormatted(value, format);

    public void AppendFormatted<T>(T value, int alignment) => _inner.AppendFormatted(value, alignment);

    public void AppendFormatted<T>(T value, int alignment, string? format) => _inner.AppendFormatted(value, alignment, format);

    public void AppendFormatted(ReadOnlySpan<char> value) => _inner.AppendFormatted(value);

    public void AppendFormatted(string? value) => _inner.AppendFormatted(value);

    internal string ToStringAndClear() => Formatted ? _inner.ToStringAndClear() : "";
}
