using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ParServerless.Pipeline.Api.Contracts;
using ParServerless.Pipeline.Problems;
using ParServerless.Pipeline.Publication;
using ParServerless.Pipeline.Registry;
using ParServerless.Scoring.Formatting;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Pipeline.Api;

/// <summary>Formats of the open data export (dữ liệu mở).</summary>
public enum ExportFormat
{
    Invalid = 0,
    Csv = 1,
    Json = 2,
    Xlsx = 3,
}

/// <summary>
/// The public, anonymous operations (công khai): published Decisions, results, working sheets and open data.
/// Embargo: everything goes through <see cref="PublishedCache"/>, which knows only published years and their published hash,
/// and a year that is not published answers exactly as one that does not exist.
/// </summary>
public sealed class PublicApi(PublishedCache cache, SchemeStore schemes)
{
    public async Task<ApiReply> YearsAsync(CancellationToken ct)
    {
        var years = await cache.PublishedYearsAsync(ct).ConfigureAwait(false);
        return ApiReply.Json<IReadOnlyList<PublishedYearItem>>(years.Select(y => new PublishedYearItem(y.Year, y.PublishedAt, YearLinks.Of(y.Year))).ToList());
    }

    public async Task<ApiReply> YearAsync(int year, CancellationToken ct)
    {
        if (await cache.PublishedYearAsync(year, ct).ConfigureAwait(false) is not { } y) return PipelineProblems.NotPublished(year);
        var decision = await cache.DocumentAsync(y, DocumentStore.DecisionJson, ct).ConfigureAwait(false);
        using var doc = decision is null ? null : JsonDocument.Parse(decision);
        var root = doc?.RootElement;
        string? Text(string name) => root is { } r && r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var scheme = await schemes.GetAsync(y.Scheme, ct).ConfigureAwait(false);
        return ApiReply.Json(new PublishedYearView(
            y.Year, y.Scheme.ToString(), scheme?.Name, y.PublishedAt, y.PublishedHash, Text("number"), Text("date"), Text("placeAndDate"),
            Text("subject"), scheme?.Groups.Select(g => new GroupItem(g.Code, g.Name)).ToList(), YearLinks.Of(y.Year), DocumentOf(y)));
    }

    /// <summary>The Decision (Quyết định): the signed original once uploaded, else the generated text, said so in a header.</summary>
    public async Task<ApiReply> DecisionPdfAsync(int year, CancellationToken ct)
    {
        if (await cache.PublishedYearAsync(year, ct).ConfigureAwait(false) is not { SignedDecision: { } signed } y)
            return await DocumentAsync(year, DocumentStore.DecisionPdf, "application/pdf", $"quyet-dinh-par-{year}.pdf", ct, GeneratedKind).ConfigureAwait(false);
        var content = await cache.SignedAsync(y, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Year {year} names signed original {signed.Sha256}, which is missing.");
        return new ContentReply(content.ToMemory(), "application/pdf", $"quyet-dinh-par-{year}-ban-ky.pdf", "\"" + signed.Sha256 + "\"",
            ContentCaching.Published, new Dictionary<string, string> { [DocumentHeader] = $"signed-original; sha256={signed.Sha256}" });
    }

    /// <summary>The generated Decision: the machine-readable twin of the signed original (bản điện tử do hệ thống tạo).</summary>
    public Task<ApiReply> GeneratedDecisionPdfAsync(int year, CancellationToken ct) =>
        DocumentAsync(year, DocumentStore.DecisionTwinPdf, "application/pdf", $"quyet-dinh-par-{year}-ban-he-thong-tao.pdf", ct, GeneratedKind);

    /// <summary>Names which Decision document a response carries.</summary>
    public const string DocumentHeader = "X-Par-Document";

    private static readonly Dictionary<string, string> GeneratedKind = new() { [DocumentHeader] = "generated" };

    public static DecisionDocumentView DocumentOf(YearRecord y) => y.SignedDecision is { } s
        ? new DecisionDocumentView("signed-original", s.Sha256, s.UploadedAt, s.HasDigitalSignature, s.DeclaredSigner, s.DeclaredSigningTime,
            YearLinks.Of(y.Year).GeneratedDecisionPdf,
            s.HasDigitalSignature
                ? "Bản gốc đã ký số. Người ký và thời điểm ký là thông tin do chữ ký khai báo; hệ thống không kiểm tra chuỗi chứng thư. Bản do hệ thống tạo là bản điện tử đọc được bằng máy."
                : "Bản gốc đã ký (bản quét). Bản do hệ thống tạo là bản điện tử đọc được bằng máy.",
            s.HasDigitalSignature
                ? "The signed original. The signer and signing time are what the signature declares; the certificate chain is not checked. The generated document is its machine-readable twin."
                : "The signed original (a scan). The generated document is its machine-readable twin.")
        : new DecisionDocumentView("generated", null, null, null, null, null, YearLinks.Of(y.Year).GeneratedDecisionPdf,
            "Văn bản đang công bố là bản do hệ thống tạo; bản gốc đã ký chưa được tải lên.",
            "The published document is the text this system generated; the signed original has not been uploaded yet.");

    /// <summary>A published document: the Decision (PDF, JSON) or a unit's working sheet (JSON) or result sheet (PDF).</summary>
    public async Task<ApiReply> DocumentAsync(
        int year, string file, string contentType, string? downloadName, CancellationToken ct, IReadOnlyDictionary<string, string>? headers = null)
    {
        // A unit code never holds a path segment: refuse anything that could step out of the published folder.
        if (file.Contains("..", StringComparison.Ordinal) || file.Contains('\\', StringComparison.Ordinal) || file.Count(c => c == '/') > 1)
            return PipelineProblems.NoSuchDocument(year, file);
        if (await cache.PublishedYearAsync(year, ct).ConfigureAwait(false) is not { } y) return PipelineProblems.NotPublished(year);
        var content = await cache.DocumentAsync(y, file, ct).ConfigureAwait(false);
        if (content is null) return PipelineProblems.NoSuchDocument(year, file);
        return new ContentReply(content.ToMemory(), contentType, downloadName, ETagOf(y, file), ContentCaching.Published, headers);
    }

    public async Task<ApiReply> ResultsAsync(int year, string? group, CancellationToken ct)
    {
        if (await cache.PublishedYearAsync(year, ct).ConfigureAwait(false) is not { } y) return PipelineProblems.NotPublished(year);
        var rows = await cache.ResultsAsync(y, ct).ConfigureAwait(false);
        var scheme = await schemes.GetAsync(y.Scheme, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Published year {year} names unregistered scheme {y.Scheme}.");
        if (group is not null && scheme.FindGroup(group) is null) return PipelineProblems.NoSuchGroup(year, group);
        var key = "results|" + group;
        var bytes = cache.Rendered(y, key, () => JsonSerializer.SerializeToUtf8Bytes(Results(y, scheme, rows, group), ApiJson.Options));
        return new ContentReply(bytes, "application/json; charset=utf-8", null, ETagOf(y, key), ContentCaching.Published);
    }

    public async Task<ApiReply> ExportAsync(int year, ExportFormat format, CancellationToken ct)
    {
        if (await cache.PublishedYearAsync(year, ct).ConfigureAwait(false) is not { } y) return PipelineProblems.NotPublished(year);
        var rows = await cache.ResultsAsync(y, ct).ConfigureAwait(false);
        var scheme = await schemes.GetAsync(y.Scheme, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Published year {year} names unregistered scheme {y.Scheme}.");
        rows = OpenData.InDecisionOrder(rows, scheme);
        var (render, type, extension) = format switch
        {
            ExportFormat.Csv => ((Func<byte[]>)(() => OpenData.Csv(rows)), "text/csv; charset=utf-8", "csv"),
            ExportFormat.Json => (() => OpenData.Json(rows, ApiJson.Options), "application/json; charset=utf-8", "json"),
            ExportFormat.Xlsx => (() => OpenData.Xlsx(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not an export format."),
        };
        return new ContentReply(cache.Rendered(y, extension, render), type, $"par-{year}.{extension}", ETagOf(y, extension), ContentCaching.Published);
    }

    /// <summary>Results of a year as served: grouped in the scheme's order, ranked, every figure with its vi-VN text.</summary>
    public static ResultsView Results(YearRecord year, Scheme scheme, IReadOnlyList<ResultRow> rows, string? group)
    {
        var format = ScoreFormat.For(scheme);
        return new ResultsView(
            year.Year, year.Scheme.ToString(), year.Status == YearStatus.Published ? "published" : "draft",
            rows.Count > 0 ? rows[0].InputSha256 : null,
            scheme.Groups.Where(g => group is null || string.Equals(g.Code, group, StringComparison.OrdinalIgnoreCase)).Select(g => new GroupResults(
                g.Code, g.Name,
                rows.Where(r => r.GroupCode == g.Code).Select(r => new UnitResultView(
                    r.UnitCode, r.UnitName, r.Rank, r.Band, r.Status, Figure.Of(format, r.SelfTotal), Figure.Of(format, r.AppraisedPoints),
                    Figure.Of(format, r.SurveyPoints), Figure.Of(format, r.Bonus), Figure.Of(format, r.Penalty), Figure.Of(format, r.Total),
                    Figure.Of(format, r.Index), r.AreaIndices.ToDictionary(p => p.Key, p => Figure.Of(format, p.Value)),
                    r.Change is { } c ? ChangeView.Of(format, c) : null, HeadRatingView.Of(r.HeadRating, r.Ranked), r.Ranked)).ToList())).ToList());
    }

    /// <summary>Published content never changes under its published hash, so the hash and the item name it exactly.</summary>
    private static string ETagOf(YearRecord year, string item) =>
        "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{year.Year}|{year.PublishedHash}|{item}")))[..32] + "\"";
}
