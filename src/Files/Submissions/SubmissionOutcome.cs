using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Problems;

namespace ParServerless.Files;

/// <summary>What one file yields: the report, and when accepted the raw marks (or published rows).</summary>
/// <param name="Report">Every problem found, in a deterministic order; warnings do not reject.</param>
/// <param name="Format">The format the content was read as, or <see cref="FileFormat.Invalid"/> when it could not be told.</param>
/// <param name="Sheets">One mark sheet per unit in file order; empty when rejected and for published results.</param>
/// <param name="Published">Rows of a published-results file (kind 6); empty otherwise and when rejected.</param>
public sealed record SubmissionOutcome(
    ValidationReport Report,
    FileFormat Format,
    IReadOnlyList<MarkSheet> Sheets,
    IReadOnlyList<PublishedRow> Published)
{
    public bool Accepted => Report.Accepted;

    internal static SubmissionOutcome Rejected(ValidationReport report, FileFormat format) => new(report, format, [], []);
}

/// <summary>One row of an earlier year's published table (kết quả đã công bố), for year-over-year comparison.</summary>
/// <param name="UnitName">Unit name as published, NFC.</param>
/// <param name="UnitCode">Unit code when the file gives one; not checked against current units (units merge and get renamed).</param>
/// <param name="GroupCode">Group (khối) when the file gives one.</param>
/// <param name="Total">Published total or index, as printed (not re-rounded).</param>
/// <param name="Rank">Vị thứ, when published.</param>
/// <param name="Band">Xếp loại, as printed.</param>
public sealed record PublishedRow(string UnitName, string? UnitCode, string? GroupCode, decimal Total, int? Rank, string? Band);
