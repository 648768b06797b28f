using ParServerless.Files;

namespace ParServerless.Pipeline.Ingestion;

/// <summary>Outcome of one distinct upload (kết quả tiếp nhận).</summary>
public enum UploadOutcome
{
    Invalid = 0,
    /// <summary>Read without errors; its marks are recorded.</summary>
    Accepted = 1,
    /// <summary>Refused with a report; nothing recorded but the original and the report.</summary>
    Rejected = 2,
    /// <summary>Refused at the API before any blob was written (late, oversize, wrong unit, bad name): kept for the audit only.</summary>
    Refused = 3,
}

/// <summary>
/// Status and audit row of one distinct upload: a blob path with one content hash. The same bytes at the same path again is
/// the same upload; new bytes make a new one, and the older stays in history.
/// </summary>
/// <param name="Container">Upload container, e.g. <c>submissions</c>.</param>
/// <param name="BlobName">Name inside the container, e.g. <c>2025/SO-TP/tu-danh-gia.xlsx</c>.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the content: the upload's identity with the path.</param>
/// <param name="Unit">The unit the path names, if any.</param>
/// <param name="UploadedBy">Who uploaded: the authenticated unit or "admin" (from blob metadata), or "storage" for a direct upload.</param>
/// <param name="UploadedAt">The blob's last-modified time.</param>
/// <param name="IngestedAt">When the ingestion recorded it.</param>
/// <param name="Units">Units whose marks the file carried (one for agency files, many for council files).</param>
/// <param name="Codes">Distinct problem codes of the report.</param>
/// <param name="ReportBlob">Name of the JSON report in the <c>reports</c> container.</param>
/// <param name="OriginalBlob">Name of the kept original in the <c>originals</c> container.</param>
/// <param name="Attempts">How many refused attempts the row stands for: 1, or more for a coalesced row (<see cref="RefusalAudit"/>).</param>
public sealed record UploadRecord(
    int Year,
    string Container,
    string BlobName,
    string Sha256,
    FileKind Kind,
    string? Unit,
    int? Round,
    long Size,
    string UploadedBy,
    DateTimeOffset UploadedAt,
    DateTimeOffset IngestedAt,
    UploadOutcome Outcome,
    int Errors,
    int Warnings,
    IReadOnlyList<string> Units,
    IReadOnlyList<string> Codes,
    string ReportBlob,
    string OriginalBlob,
    int Attempts = 1);
