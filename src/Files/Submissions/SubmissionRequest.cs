namespace ParServerless.Files;

/// <summary>What the upload claims about a file, taken from its path; the reader checks the file against it.</summary>
/// <param name="Year">Evaluated year (năm đánh giá); for <see cref="FileKind.PublishedResults"/> the year the table was published for.</param>
/// <param name="Kind">The file kind the path names.</param>
/// <param name="FileName">The uploaded name; its extension must be .xlsx, .csv or .json.</param>
/// <param name="UnitCode">The unit named by the path. Required for self-assessment and explanation (unless the template names it);
/// optional for kinds that may cover many units, where it restricts the file to that unit.</param>
/// <param name="Round">Appraisal round, 1 or 2 (thẩm định lần 1/2); required for <see cref="FileKind.Appraisal"/>, ignored otherwise.</param>
public sealed record SubmissionRequest(int Year, FileKind Kind, string FileName, string? UnitCode = null, int? Round = null);

/// <summary>Bounds that keep a hostile or broken file from exhausting memory or time. Every limit is checked before parsing.</summary>
public sealed record FileLimits
{
    /// <summary>The defaults below.</summary>
    public static FileLimits Default { get; } = new();

    /// <summary>Largest accepted file. <value>The default value is 10 MB (10 × 1024 × 1024 bytes).</value></summary>
    public long MaxBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>Most entries in an xlsx archive. <value>The default value is 256.</value></summary>
    public int MaxZipEntries { get; init; } = 256;

    /// <summary>Most decompressed bytes of all archive entries together, declared or actual. <value>The default value is 256 MB.</value></summary>
    public long MaxDecompressedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Highest decompressed/compressed ratio of an entry above 1 MB. <value>The default value is 200.</value></summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>Most data rows read. <value>The default value is 100,000.</value></summary>
    public int MaxRows { get; init; } = 100_000;

    /// <summary>Longest text cell, in characters (Excel's own cell limit). <value>The default value is 32,767.</value></summary>
    public int MaxTextLength { get; init; } = 32_767;
}
