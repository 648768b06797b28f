namespace ParServerless.Files.Containers;

/// <summary>Which bound a read hit mid-stream.</summary>
internal enum Limit
{
    DecompressedBytes = 1,
    CellsPerRow,
    Cells,
    SharedStrings,
    Time,
    TotalText,
}

/// <summary>Raised inside a reader when a bound is hit mid-stream; caught by the reader and turned into a coded problem, never escapes.</summary>
#pragma warning disable CA1064, CA1032 // internal control flow only
internal sealed class LimitExceededException(Limit limit, string what) : Exception(what)
{
    public LimitExceededException(string what) : this(Containers.Limit.DecompressedBytes, what) { }

    public Limit Limit { get; } = limit;
}
#pragma warning restore CA1064, CA1032
