using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using ParServerless.Files;
using ParServerless.Files.Workflow;
using ParServerless.Pipeline.Problems;
using ParServerless.Pipeline.Publication;
using ParServerless.Pipeline.Registry;
using ParServerless.Pipeline.Storage;
using ParServerless.Scoring.Problems;

namespace ParServerless.Pipeline.Ingestion;

/// <summary>What an ingestion did with a delivery.</summary>
/// <param name="Record">The upload's row; null when the blob was ignored (zero length).</param>
/// <param name="Replayed">True when the same bytes at the same path were already recorded: nothing was written.</param>
public sealed record IngestionResult(UploadRecord? Record, bool Replayed);

/// <summary>
/// Ingests one uploaded blob: keeps the original, reads it, records the marks (or the rejection), writes the report and the
/// status row. Safe to replay: every write is keyed by the path and the content's SHA-256, and the status row comes last.
/// Bad files are expected and end in a recorded rejection; only storage faults throw, so the host retries.
/// </summary>
public sealed partial class IngestionService(
    StorageClients clients, StorageSetup setup, UploadStore uploads, MarkStore marks, YearStore years, SchemeStore schemes, UnitStore units,
    ResultStore results, TimeProvider time, ILogger<IngestionService> logger)
{
    /// <summary>Blob metadata the API writes: the moment it took the upload (round-trip format).</summary>
    public const string UploadedAtMetadata = "uploadedat";

    /// <summary>
    /// Ingests the blob a trigger names: reads at most the size limit + 1 byte (so an oversize blob is rejected as such
    /// without being held), with its last-modified time (the upload moment deadlines use) and the uploader in its metadata.
    /// </summary>
    public async Task<IngestionResult> IngestAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        var limit = FileLimits.Default.MaxBytes;
        byte[] content;
        DateTimeOffset? lastModified;
        string? uploadedBy;
        try
        {
            var download = await blob.DownloadStreamingAsync(new BlobDownloadOptions { Range = new HttpRange(0, limit + 1) }, cancellationToken).ConfigureAwait(false);
            using var response = download.Value;
            using var buffer = new MemoryStream();
            await response.Content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            content = buffer.ToArray();
            lastModified = response.Details.LastModified;
            uploadedBy = response.Details.Metadata.TryGetValue("uploadedby", out var by) ? by : null;
            // The API notes the moment it took the upload, to the tick: Last-Modified has whole seconds, and two uploads of one
            // unit within a second must still supersede in the order the API took them.
            if (response.Details.Metadata.TryGetValue(UploadedAtMetadata, out var stamp)
                && DateTimeOffset.TryParseExact(stamp, "O", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var taken))
                lastModified = taken;
        }
        catch (RequestFailedException e) when (e.Status == 416)
        {
            content = []; // a range on a zero-length blob: nothing to read
            lastModified = null;
            uploadedBy = null;
        }
        return await IngestAsync(blob.BlobContainerName, blob.Name, content, lastModified, uploadedBy, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IngestionResult> IngestAsync(
        string container, string blobName, ReadOnlyMemory<byte> content, DateTimeOffset? uploadedAt, string? uploadedBy,
        CancellationToken cancellationToken)
    {
        if (content.IsEmpty)
        {
            // A create-then-commit fires twice (azure-sdk-for-net#20351); the empty first version is not an upload.
            LogIgnoredEmpty(container, blobName);
            return new IngestionResult(null, false);
        }
        var sha = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var (path, yearText, pathReport) = UploadPath.Parse(container, blobName);

        // The original first, written once. It is keyed like the status row (path and hash) and always written before it, so a
        // new original means this upload was never recorded: no read is needed to rule out a replay. Only when the original
        // exists (a redelivery, or a retry after a fault) is the status row looked up.
        var originalName = DerivedBlobNames.For(container, blobName, $"{sha}{OriginalExtension(blobName)}");
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false); // the containers, on a fresh storage (a no-op once done)
        var firstDelivery = await BlobWrites.CreateOnceAsync(clients.Container(StorageNames.AppContainers.Originals), originalName, BinaryData.FromBytes(content),
            "application/octet-stream", cancellationToken).ConfigureAwait(false);
        var earlier = firstDelivery ? null : await uploads.FindAsync(yearText, container, blobName, sha, cancellationToken).ConfigureAwait(false);
        if (earlier is not null && !AwaitedConfiguration(earlier))
        {
            LogReplay(container, blobName, sha);
            return new IngestionResult(earlier, true);
        }

        var at = uploadedAt ?? time.GetUtcNow();

        var (report, outcome) = path is null
            ? (pathReport, (SubmissionOutcome?)null)
            : await ReadAsync(path, content, at, cancellationToken).ConfigureAwait(false);

        var carried = new List<string>();
        var accepted = outcome is { Accepted: true };
        if (accepted && outcome!.Sheets.Select(s => MarkStore.StorageProblem(s, sha)).FirstOrDefault(p => p is not null) is { } tooLarge)
        {
            // Storage would refuse these rows on every retry: say so now, with a code, instead of ending in poison.
            report = PipelineProblems.TooLargeForStorage(tooLarge).AsReport();
            accepted = false;
        }
        if (accepted)
        {
            try
            {
                foreach (var sheet in outcome!.Sheets)
                {
                    await marks.RecordAsync(sheet, sha, at, container, blobName, cancellationToken).ConfigureAwait(false);
                    if (!carried.Contains(sheet.UnitCode)) carried.Add(sheet.UnitCode);
                }
                if (outcome.Published.Count > 0)
                    await results.SaveHistoryAsync(path!.Year, outcome.Published, sha, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (StorageLimits.IsPermanent(e))
            {
                // A refusal the checks above did not foresee and no retry can change. Heads this upload may already hold do not
                // count: marks count only with an Accepted audit row (MarkStore.CurrentAsync), and this row says Rejected.
                LogStorageRefused(e, container, blobName, e.Status, e.ErrorCode);
                report = PipelineProblems.TooLargeForStorage(e.ErrorCode ?? e.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)).AsReport();
                accepted = false;
                carried.Clear();
            }
        }

        var record = new UploadRecord(
            path?.Year ?? 0, container, blobName, sha, path?.Kind ?? WorkflowSteps.InContainer(container)?.FileKind ?? FileKind.Invalid, path?.Unit, path?.Round,
            content.Length, uploadedBy ?? "storage", at, time.GetUtcNow(), accepted ? UploadOutcome.Accepted : UploadOutcome.Rejected,
            report.ErrorCount, report.WarningCount, carried, report.Codes.ToList(),
            UploadReport.BlobName(container, blobName, sha), originalName);
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(UploadReport.Of(record, report), UploadReport.Json);
        // The report travels in the status row (compressed) when it fits, which saves a round trip; a larger one is a blob.
        var inline = UploadStore.Compress(json);
        if (inline is null)
        {
            var reports = clients.Container(StorageNames.AppContainers.Reports);
            if (earlier is null)
                await BlobWrites.CreateOnceAsync(reports, record.ReportBlob, BinaryData.FromBytes(json), "application/json", cancellationToken).ConfigureAwait(false);
            else // the earlier rejection waited on configuration that now exists: this report replaces it
                await reports.GetBlobClient(record.ReportBlob).UploadAsync(BinaryData.FromBytes(json), overwrite: true, cancellationToken).ConfigureAwait(false);
        }
        else record = record with { ReportBlob = "" };
        // Last: the row's presence is what makes a redelivery a no-op.
        await uploads.SaveAsync(record, yearText, inline, cancellationToken).ConfigureAwait(false);
        LogIngested(container, blobName, record.Outcome, record.Errors, record.Warnings, carried.Count);
        return new IngestionResult(record, false);
    }

    /// <summary>The original's extension, kept when it is a plain short one (a hostile name's "extension" is not).</summary>
    private static string OriginalExtension(string blobName)
    {
        var extension = Path.GetExtension(blobName);
        return extension.Length <= 8 && extension.Skip(1).All(char.IsAsciiLetterOrDigit) ? extension : "";
    }

    /// <summary>
    /// A rejection only because Sở Nội vụ had not yet opened the year or registered its scheme (PAR-I002, PAR-I006) is not final:
    /// the same file delivered again once that is done is read again, rather than answered with the stale refusal. Every other
    /// outcome depends on the bytes alone (or on a deadline that only gets further behind), so a replay keeps it.
    /// </summary>
    private static bool AwaitedConfiguration(UploadRecord earlier) =>
        earlier.Outcome == UploadOutcome.Rejected && earlier.Codes.Count > 0 && earlier.Codes.All(PipelineProblems.AwaitingConfiguration.Contains);

    /// <summary>Checks the year, its round window and the unit, then reads the file against the year's scheme and units.</summary>
    private async Task<(ValidationReport Report, SubmissionOutcome? Outcome)> ReadAsync(
        UploadPath path, ReadOnlyMemory<byte> content, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var year = await years.GetAsync(path.Year, cancellationToken).ConfigureAwait(false);
        if (year is null) return (PipelineProblems.YearNotOpen(path.Year).AsReport(), null);
        var check = UploadRules.Check(year, path.Kind, path.Round, at);
        if (check is not null) return (check, null);
        var scheme = await schemes.GetAsync(year.Scheme, cancellationToken).ConfigureAwait(false);
        if (scheme is null) return (PipelineProblems.SchemeNotRegistered(path.Year, year.Scheme).AsReport(), null);
        var registered = await units.ListAsync(path.Year, year.UnitsVersion, cancellationToken).ConfigureAwait(false);
        var request = new SubmissionRequest(path.Year, path.Kind, path.FileName, path.Unit, path.Round);
        var outcome = SubmissionReader.Read(request, content, scheme, registered.Select(u => u.Unit).ToList(), timeProvider: time, cancellationToken: cancellationToken);
        if (path.Kind == FileKind.PublishedResults) outcome = await HistoryTable.ResolveAsync(outcome, path.Year, scheme, units, cancellationToken).ConfigureAwait(false);
        return (outcome.Report, outcome);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage refused the rows of {Container}/{Blob} ({Status} {ErrorCode}): recorded as a rejection")]
    private partial void LogStorageRefused(Exception exception, string container, string blob, int status, string? errorCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored zero-length blob {Container}/{Blob}")]
    private partial void LogIgnoredEmpty(string container, string blob);

    [LoggerMessage(Level = LogLevel.Information, Message = "Already ingested {Container}/{Blob} {Sha256}: replay is a no-op")]
    private partial void LogReplay(string container, string blob, string sha256);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {Container}/{Blob}: {Outcome}, {Errors} errors, {Warnings} warnings, {Units} units")]
    private partial void LogIngested(string container, string blob, UploadOutcome outcome, int errors, int warnings, int units);
}
