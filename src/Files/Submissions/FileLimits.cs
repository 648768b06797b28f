using System.Globalization;

namespace ParServerless.Files;

/// <summary>
/// Bounds that keep a hostile or broken file from exhausting memory or time (giới hạn đọc tệp). With the defaults, any file up to
/// <see cref="MaxBytes"/> is read in bounded memory and time; each bound hit is a coded problem, never an exception.
/// </summary>
/// <remarks>docs/FILES.md section 6 lists every setting with its default and code. <see cref="Validate"/> checks a custom set.</remarks>
public sealed record FileLimits
{
    /// <summary>The defaults below.</summary>
    public static FileLimits Default { get; } = new();

    /// <summary>Largest accepted file (PAR-E003). <value>The default value is 10 MB (10 × 1024 × 1024 bytes).</value></summary>
    public long MaxBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>Most entries in an xlsx archive (PAR-E004). <value>The default value is 256.</value></summary>
    public int MaxZipEntries { get; init; } = 256;

    /// <summary>Most decompressed bytes of all archive entries together, declared or actual (PAR-E005). <value>The default value is 256 MB.</value></summary>
    public long MaxDecompressedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Highest decompressed/compressed ratio of an entry above 1 MB (PAR-E005). <value>The default value is 200.</value></summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>Most data rows read (PAR-E063). <value>The default value is 100,000.</value></summary>
    public int MaxRows { get; init; } = 100_000;

    /// <summary>Longest text cell, in characters (Excel's own cell limit) (PAR-E062). <value>The default value is 32,767.</value></summary>
    public int MaxTextLength { get; init; } = 32_767;

    /// <summary>Most cells, empty or not, in one worksheet row (PAR-E064). <value>The default value is 16,384 (Excel's column count).</value></summary>
    public int MaxCellsPerRow { get; init; } = 16_384;

    /// <summary>Most cells, empty or not, read from a workbook's sheets together (PAR-E064). <value>The default value is 2,000,000.</value></summary>
    public int MaxCells { get; init; } = 2_000_000;

    /// <summary>Most entries in a workbook's shared-string table (PAR-E065). <value>The default value is 1,000,000.</value></summary>
    public int MaxSharedStrings { get; init; } = 1_000_000;

    /// <summary>Most characters in a workbook's shared-string table, all entries together (PAR-E065). <value>The default value is 16,777,216 (16 Mi characters, 32 MB).</value></summary>
    public long MaxSharedStringChars { get; init; } = 16L * 1024 * 1024;

    /// <summary>Most characters of text kept from the data rows of one file, all cells together (PAR-E067). <value>The default value is 33,554,432 (32 Mi characters, 64 MB).</value></summary>
    /// <remarks>A 10 MB workbook of incompressible notes holds about 16 Mi characters; real text compresses better, hence twice that.</remarks>
    public long MaxTotalTextChars { get; init; } = 32L * 1024 * 1024;

    /// <summary>
    /// Longest note, explanation, appraiser opinion or bonus/penalty reason, in characters (PAR-E068).
    /// <value>The default value is 4,000.</value>
    /// </summary>
    /// <remarks>Stored as one table property: 4,000 characters are 8 KB, far inside the 64 KiB property and 1 MiB entity limits.</remarks>
    public int MaxNoteLength { get; init; } = 4_000;

    /// <summary>Most characters of one leaf's evidence references together (PAR-E069). <value>The default value is 3,000.</value></summary>
    /// <remarks>
    /// Stored as one JSON array in one table property; escaping can make a character 6 and a reference 3 more, so 3,000 characters
    /// stay under 27,000 (54 KB), inside the 64 KiB property limit.
    /// </remarks>
    public int MaxEvidenceLength { get; init; } = 3_000;

    /// <summary>Most problems listed in a report; the rest are counted per code. <value>The default value is 200.</value></summary>
    public int MaxProblems { get; init; } = Scoring.Problems.ProblemBag.DefaultMaxListed;

    /// <summary>Longest a read may take, measured on the reader's <see cref="TimeProvider"/> (PAR-E066). <value>The default value is 20 seconds.</value></summary>
    public TimeSpan MaxReadTime { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Every setting that is out of range, in one message; null when all are valid.</summary>
    public string? Problems()
    {
        var errors = new List<string>();
        void AtLeast(string name, long value, long min)
        {
            if (value < min) errors.Add(string.Create(CultureInfo.InvariantCulture, $"{name} must be at least {min} (was {value})"));
        }
        AtLeast(nameof(MaxBytes), MaxBytes, 1);
        AtLeast(nameof(MaxZipEntries), MaxZipEntries, 1);
        AtLeast(nameof(MaxDecompressedBytes), MaxDecompressedBytes, 1);
        AtLeast(nameof(MaxCompressionRatio), MaxCompressionRatio, 1);
        AtLeast(nameof(MaxRows), MaxRows, 1);
        AtLeast(nameof(MaxTextLength), MaxTextLength, 1);
        AtLeast(nameof(MaxCellsPerRow), MaxCellsPerRow, 1);
        AtLeast(nameof(MaxCells), MaxCells, 1);
        AtLeast(nameof(MaxSharedStrings), MaxSharedStrings, 0);
        AtLeast(nameof(MaxSharedStringChars), MaxSharedStringChars, 0);
        AtLeast(nameof(MaxTotalTextChars), MaxTotalTextChars, 1);
        AtLeast(nameof(MaxNoteLength), MaxNoteLength, 1);
        AtLeast(nameof(MaxEvidenceLength), MaxEvidenceLength, 1);
        AtLeast(nameof(MaxProblems), MaxProblems, 1);
        if (MaxReadTime <= TimeSpan.Zero)
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(MaxReadTime)} must be positive (was {MaxReadTime})"));
        return errors.Count == 0 ? null : "The file limits are not valid: " + string.Join("; ", errors) + ".";
    }

    /// <summary>Throws when a setting is out of range, naming every one: custom limits are a caller's configuration.</summary>
    /// <exception cref="ArgumentException">At least one setting is out of range.</exception>
    public void Validate()
    {
        if (Problems() is { } message) throw new ArgumentException(message, "limits");
    }
}
