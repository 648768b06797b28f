using Azure.Storage.Blobs.Models;
using ParServerless.Files;
using ParServerless.Files.Workflow;
using ParServerless.Pipeline.Api.Contracts;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Problems;
using ParServerless.Pipeline.Registry;
using ParServerless.Pipeline.Storage;

namespace ParServerless.Pipeline.Api;

/// <summary>
/// Uploads through the API: checks what can be refused at once (year, round window, unit, size, name), then writes the blob
/// and nothing else; the blob trigger ingests it exactly as a direct upload. Blob metadata records who uploaded and the hash.
/// </summary>
public sealed class UploadGateway(
    StorageClients clients, StorageSetup setup, YearStore years, UnitStore units, UploadStore uploads, MarkStore marks, RefusalAudit refusals, TimeProvider time)
{
    /// <summary>An upload that passed every check the API makes: its bytes, its year and its (normalised) file name.</summary>
    public sealed record CheckedUpload(byte[] Content, YearRecord Year, string FileName);

    /// <summary>
    /// The checks an upload meets before anything is written, in one order, shared by the real upload and the dry run so both
    /// answer alike: file name (PAR-A013, PAR-I007), appraisal round (PAR-A015), size (PAR-A413, PAR-A014), year (PAR-I002),
    /// year published or round window (PAR-I003, PAR-I004), unit (PAR-A012).
    /// </summary>
    /// <param name="read">Receives the bytes read so far (or the declared length of an oversize body), for the audit.</param>
    public async Task<Outcome<CheckedUpload>> CheckAsync(
        int year, FileKind kind, string? unit, int? round, string fileName, Stream body, long? contentLength, Action<long, string?>? read,
        CancellationToken cancellationToken)
    {
        var content = await ReadBodyAsync(body, contentLength, cancellationToken).ConfigureAwait(false);
        read?.Invoke(content?.Length ?? contentLength ?? FileLimits.Default.MaxBytes + 1,
            content is null ? null : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)));
        var name = UploadNames.Normalise(fileName);
        if (UploadNames.Problem(name) is { } problem) return PipelineProblems.BadUploadName(fileName, problem.Vi, problem.En);
        if (Path.GetExtension(name).ToLowerInvariant() is not (".xlsx" or ".csv" or ".json")) return PipelineProblems.BadFileName(fileName);
        if (WorkflowSteps.For(kind, round) is null) return PipelineProblems.AppraisalRoundMissing();
        if (content is null) return PipelineProblems.TooLarge(FileLimits.Default.MaxBytes, contentLength > FileLimits.Default.MaxBytes ? contentLength : null);
        if (content.Length == 0) return PipelineProblems.EmptyFile();

        var record = await years.GetAsync(year, cancellationToken).ConfigureAwait(false);
        if (record is null) return PipelineProblems.YearNotOpen(year);
        if (UploadRules.Check(record, kind, round, time.GetUtcNow()) is { } refused)
        {
            var first = refused.Problems[0];
            return new Refusal(first.Code, 409, first.Vietnamese, first.English, refused.Problems);
        }
        if (unit is not null && (await units.ListAsync(year, record.UnitsVersion, cancellationToken).ConfigureAwait(false)).All(u => u.Unit.Code != unit))
            return PipelineProblems.UnitNotEvaluated(year, unit);
        return new CheckedUpload(content, record, name);
    }

    /// <param name="body">The request body: the file's bytes, read here up to the size limit and no further.</param>
    /// <param name="contentLength">The declared length, when the request has one: an oversize file is refused before reading.</param>
    public async Task<ApiReply> UploadAsync(
        int year, FileKind kind, string? unit, int? round, string fileName, Stream body, long? contentLength, string uploadedBy, string statusRoute,
        CancellationToken cancellationToken)
    {
        var size = 0L;
        string? readSha = null;
        var check = await CheckAsync(year, kind, unit, round, fileName, body, contentLength, (n, h) => (size, readSha) = (n, h), cancellationToken).ConfigureAwait(false);
        if (!check.IsOk)
            return await RefuseAsync(check.Refusal, year, kind.ToString(), WorkflowSteps.OfKind(kind).Container, unit, round, fileName, size, readSha, uploadedBy, cancellationToken).ConfigureAwait(false);
        var (content, _, name) = check.Value;

        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        var container = WorkflowSteps.OfKind(kind).Container;
        var blobName = UploadPath.ApiNameFor(kind, year, unit, round, name, sha);
        // Written once (If-None-Match: *): the name holds the hash, so an existing blob holds these very bytes and the upload
        // is already on its way; nothing accepted is ever overwritten. The upload moment goes in the metadata to the tick, so
        // two uploads within one second (Last-Modified has whole seconds) still supersede in the order the API took them.
        await BlobWrites.CreateOnceAsync(clients.Container(container), blobName, BinaryData.FromBytes(content), ContentType(name), cancellationToken,
            new Dictionary<string, string>
            {
                ["uploadedby"] = uploadedBy,
                ["sha256"] = sha,
                [UploadedAtMetadata] = time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            }).ConfigureAwait(false);
        var status = $"{statusRoute}/{sha}";
        return ApiReply.Json(new UploadAccepted(sha, container, blobName, sha, content.Length, status), 202, status);
    }

    /// <summary>
    /// Records a refusal of an authenticated upload in the audit (who, when, size, code; bounded per uploader by
    /// <see cref="RefusalAudit"/>) and answers it. Every refusal of an upload route goes through here, also those made before
    /// the gateway's own checks (an unknown kind, a missing unit).
    /// </summary>
    /// <param name="kind">The kind as known: the <see cref="FileKind"/> name, or the route's text when it names no kind.</param>
    /// <param name="container">The kind's upload container; empty when the kind is unknown.</param>
    public async Task<Refusal> RefuseAsync(
        Refusal refusal, int year, string kind, string container, string? unit, int? round, string fileName, long size, string? sha256, string uploadedBy,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        await refusals.RecordAsync(new RefusedUpload(year, kind, container, unit, round, fileName, size, sha256, uploadedBy, time.GetUtcNow(), refusal.Code),
            cancellationToken).ConfigureAwait(false);
        return refusal;
    }

    /// <summary>Blob metadata holding the moment the API took the upload (round-trip format).</summary>
    public const string UploadedAtMetadata = IngestionService.UploadedAtMetadata;

    /// <summary>Status of an upload: 200 with its record and report once ingested, 202 while the blob waits, else 404.</summary>
    public async Task<ApiReply> StatusAsync(int year, string? unit, string sha, CancellationToken cancellationToken)
    {
        var record = (await uploads.ListAsync(year, unit, cancellationToken).ConfigureAwait(false)).FirstOrDefault(r => r.Sha256 == sha && r.Outcome != UploadOutcome.Refused);
        if (record is not null)
        {
            var report = await uploads.ReportAsync(record, cancellationToken).ConfigureAwait(false);
            var current = record.Unit is { } u && record.Outcome == UploadOutcome.Accepted ? await IsCurrentAsync(record, u, cancellationToken).ConfigureAwait(false) : (bool?)null;
            return ApiReply.Json(new UploadStatusView("ingested", record, current, report?.ToObjectFromJson<UploadReport>(UploadReport.Json)));
        }
        foreach (var container in StorageNames.Uploads.All)
        {
            var prefix = unit is null ? $"{year}/" : $"{year}/{unit}/";
            await foreach (var blob in clients.Container(container).GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
                if (blob.Metadata.TryGetValue("sha256", out var s) && s == sha)
                    return ApiReply.Json(new UploadStatusView("pending", Container: container, Blob: blob.Name, Sha256: sha), 202);
        }
        return PipelineProblems.UploadNotFound(year, sha);
    }

    private async Task<bool> IsCurrentAsync(UploadRecord record, string unit, CancellationToken cancellationToken) =>
        (await marks.HeadsAsync(record.Year, unit, cancellationToken).ConfigureAwait(false)).Any(h => h.Sha256 == record.Sha256);

    /// <returns>The bytes, or null when they exceed the size limit (never more than the limit + one chunk is held).</returns>
    internal static Task<byte[]?> ReadBodyAsync(Stream body, long? contentLength, CancellationToken cancellationToken) =>
        ReadBodyAsync(body, contentLength, FileLimits.Default.MaxBytes, cancellationToken);

    /// <returns>The bytes, or null when they exceed <paramref name="limit"/> (never more than the limit + one chunk is held).</returns>
    internal static async Task<byte[]?> ReadBodyAsync(Stream body, long? contentLength, long limit, CancellationToken cancellationToken)
    {
        if (contentLength > limit) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static string ContentType(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".csv" => "text/csv",
        _ => "application/json",
    };
}
