using ParServerless.Pipeline.Ingestion;

namespace ParServerless.Pipeline.Api.Contracts;

/// <summary>An upload the API took (202): the blob is written; its status URL follows ingestion.</summary>
public sealed record UploadAccepted(string UploadId, string Container, string Blob, string Sha256, long Size, string Status);

/// <summary>
/// An upload's status: <c>ingested</c> (200) with its audit row, whether its marks are the unit's current ones and its report;
/// or <c>pending</c> (202) while the blob waits for ingestion.
/// </summary>
public sealed record UploadStatusView(
    string Status, UploadRecord? Upload = null, bool? Current = null, UploadReport? Report = null,
    string? Container = null, string? Blob = null, string? Sha256 = null);

/// <summary>A dry run's answer (kiểm tra thử): the report the file would get; nothing is recorded.</summary>
/// <param name="Truncated">More problems were found than are listed; <paramref name="CountsByCode"/> counts every one.</param>
public sealed record ValidationView(
    bool Accepted, int Errors, int Warnings, IReadOnlyList<ProblemView> Problems, bool Truncated, IReadOnlyDictionary<string, int> CountsByCode);
