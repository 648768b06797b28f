using Azure.Storage.Blobs.Models;
using ParServerless.Files;
using ParServerless.Functions.Ingestion;
using ParServerless.Functions.Registry;
using ParServerless.Functions.Storage;

namespace ParServerless.Functions.Api;

/// <summary>
/// Uploads through the API: checks what can be refused at once (year, round window, unit, size, name), then writes the blob
/// and nothing else; the blob trigger ingests it exactly as a direct upload. Blob metadata records who uploaded and the hash.
/// </summary>
internal sealed class UploadGateway(StorageClients clients, StorageSetup setup, YearStore years, UnitStore units, UploadStore uploads, MarkStore marks, TimeProvider time)
{
    public static readonly IReadOnlyDictionary<string, FileKind> KindsByRoute = new Dictionary<string, FileKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["self-assessment"] = FileKind.SelfAssessment,
        ["explanation"] = FileKind.Explanation,
        ["appraisal"] = FileKind.Appraisal,
        ["survey"] = FileKind.Survey,
        ["bonus-penalty"] = FileKind.BonusPenalty,
        ["history"] = FileKind.PublishedResults,
    };

    public async Task<IResult> UploadAsync(
        int year, FileKind kind, string? unit, int? round, string fileName, HttpRequest request, string uploadedBy, string statusRoute,
        CancellationToken cancellationToken)
    {
        var content = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        if (content is null)
            return ApiProblem.Of(StatusCodes.Status413PayloadTooLarge, "PAR-A413",
                $"Tệp vượt quá {FileLimits.Default.MaxBytes / 1024 / 1024} MB.", $"The file is larger than {FileLimits.Default.MaxBytes / 1024 / 1024} MB.");
        if (content.Length == 0)
            return ApiProblem.Invalid("PAR-A014", "Tệp trống (0 byte).", "The file is empty (0 bytes).");
        if (Path.GetExtension(fileName).ToLowerInvariant() is not (".xlsx" or ".csv" or ".json") || fileName.Contains('/', StringComparison.Ordinal) || fileName.Length > 200)
            return ApiProblem.Invalid("PAR-A013", $"Tên tệp '{fileName}' không hợp lệ; cần đuôi .xlsx, .csv hoặc .json.", $"File name '{fileName}' is not valid; use a .xlsx, .csv or .json name.");
        if (kind == FileKind.Appraisal && round is not (1 or 2))
            return ApiProblem.Invalid("PAR-A015", "Cần chỉ rõ lần thẩm định: ?round=1 hoặc ?round=2.", "Name the appraisal round: ?round=1 or ?round=2.");

        var record = await years.GetAsync(year, cancellationToken).ConfigureAwait(false);
        if (record is null)
            return ApiProblem.Of(StatusCodes.Status404NotFound, "PAR-I002", $"Năm {year} chưa được mở để đánh giá.", $"Year {year} is not open for evaluation.");
        if (UploadRules.Check(record, kind, round, time.GetUtcNow()) is { } refused)
            return ApiProblem.Of(StatusCodes.Status409Conflict, refused.Problems[0].Code, refused.Problems[0].Vietnamese, refused.Problems[0].English, refused.Problems);
        if (unit is not null && (await units.ListAsync(year, record.UnitsVersion, cancellationToken).ConfigureAwait(false)).All(u => u.Unit.Code != unit))
            return ApiProblem.Of(StatusCodes.Status404NotFound, "PAR-A012", $"Đơn vị '{unit}' không có trong danh sách đánh giá năm {year}.", $"Unit '{unit}' is not evaluated in {year}.");

        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        var container = UploadPath.ContainerOf(kind);
        var name = UploadPath.NameFor(kind, year, unit, round, fileName);
        await clients.Container(container).GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["uploadedby"] = uploadedBy, ["sha256"] = sha },
            HttpHeaders = new BlobHttpHeaders { ContentType = ContentType(fileName) },
        }, cancellationToken).ConfigureAwait(false);
        var status = $"{statusRoute}/{sha}";
        return TypedResults.Accepted(status, new { uploadId = sha, container, blob = name, sha256 = sha, size = content.Length, status });
    }

    /// <summary>Status of an upload: 200 with its record and report once ingested, 202 while the blob waits, else 404.</summary>
    public async Task<IResult> StatusAsync(int year, string? unit, string sha, CancellationToken cancellationToken)
    {
        var record = (await uploads.ListAsync(year, unit, cancellationToken).ConfigureAwait(false)).FirstOrDefault(r => r.Sha256 == sha);
        if (record is not null)
        {
            var report = await BlobWrites.ReadOrNullAsync(clients.Container(StorageNames.AppContainers.Reports), record.ReportBlob, cancellationToken).ConfigureAwait(false);
            var current = record.Unit is { } u && record.Outcome == UploadOutcome.Accepted ? await IsCurrentAsync(record, u, cancellationToken).ConfigureAwait(false) : (bool?)null;
            return TypedResults.Ok(new { status = "ingested", upload = record, current, report = report?.ToObjectFromJson<UploadReport>(UploadReport.Json) });
        }
        foreach (var container in StorageNames.Uploads.All)
        {
            var prefix = unit is null ? $"{year}/" : $"{year}/{unit}/";
            await foreach (var blob in clients.Container(container).GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
                if (blob.Metadata.TryGetValue("sha256", out var s) && s == sha)
                    return TypedResults.Accepted((string?)null, new { status = "pending", container, blob = blob.Name, sha256 = sha });
        }
        return ApiProblem.NotFound($"Không tìm thấy tệp có mã {sha} của năm {year}.", $"No upload {sha} in {year}.");
    }

    private async Task<bool> IsCurrentAsync(UploadRecord record, string unit, CancellationToken cancellationToken) =>
        (await marks.HeadsAsync(record.Year, unit, cancellationToken).ConfigureAwait(false)).Any(h => h.Sha256 == record.Sha256);

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = FileLimits.Default.MaxBytes;
        if (request.ContentLength > limit) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
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
