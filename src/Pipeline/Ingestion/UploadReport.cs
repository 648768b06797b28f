using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ParServerless.Scoring.Problems;

namespace ParServerless.Pipeline.Ingestion;

/// <summary>One problem as the API and report blobs show it.</summary>
public sealed record ProblemView(string Code, string Severity, string Where, LocationView Location, string Vi, string En)
{
    public static ProblemView Of(Problem p) => new(p.Code, p.Severity.ToString().ToLowerInvariant(), p.Where.ToString(),
        new LocationView(p.Where.Sheet, p.Where.Row, p.Where.Column, p.Where.Criterion, p.Where.Field), p.Vietnamese, p.English);
}

public sealed record LocationView(string? Sheet, int? Row, string? Column, string? Criterion, string? Field);

/// <summary>
/// The ingestion report of one upload (biên bản tiếp nhận), stored as JSON in <c>reports/{container}/{blob}/{sha256}.json</c>.
/// Deterministic: the same upload always gives the same bytes, so a replay rewrites nothing.
/// </summary>
public sealed record UploadReport(
    string Format, int Year, string Container, string Blob, string Sha256, string Kind, string? Unit, int? Round,
    string UploadedBy, DateTimeOffset UploadedAt, string Outcome, int Errors, int Warnings, IReadOnlyList<string> Units,
    IReadOnlyList<ProblemView> Problems, bool Truncated = false, IReadOnlyDictionary<string, int>? CountsByCode = null)
{
    public const string FormatVersion = "par-upload-report/1";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string BlobName(string container, string blobName, string sha256) => Storage.DerivedBlobNames.For(container, blobName, $"{sha256}.json");

    public static UploadReport Of(UploadRecord record, ValidationReport report) => new(
        FormatVersion, record.Year, record.Container, record.BlobName, record.Sha256, record.Kind.ToString(), record.Unit, record.Round,
        record.UploadedBy, record.UploadedAt, record.Outcome.ToString(), report.ErrorCount, report.WarningCount, record.Units,
        report.Problems.Select(ProblemView.Of).ToList(), report.Truncated, report.Truncated ? report.CountsByCode : null);
}
