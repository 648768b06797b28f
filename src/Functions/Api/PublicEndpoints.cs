using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ParServerless.Functions.Publication;
using ParServerless.Functions.Registry;
using ParServerless.Scoring.Formatting;

namespace ParServerless.Functions.Api;

/// <summary>
/// Public, anonymous routes under <c>/api/public</c>: published Decisions, results, working sheets and open data.
/// Embargo: every route goes through <see cref="PublishedCache"/>, which knows only published years and their published hash.
/// </summary>
internal static class PublicEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/public").WithTags("Public (công khai)");
        g.MapGet("/years", ListYears).WithSummary("Published years (các năm đã công bố)");
        g.MapGet("/years/{year:int}", Year).WithSummary("A published Decision's metadata and links");
        g.MapGet("/years/{year:int}/decision.pdf", (int year, PublishedCache cache, CancellationToken ct) => Document(year, DocumentStore.DecisionPdf, "application/pdf", $"quyet-dinh-par-{year}.pdf", cache, ct))
            .WithSummary("The Decision (Quyết định công bố) as PDF");
        g.MapGet("/years/{year:int}/decision.json", (int year, PublishedCache cache, CancellationToken ct) => Document(year, DocumentStore.DecisionJson, "application/json", null, cache, ct))
            .WithSummary("The Decision as JSON (par-decision/1), with the SHA-256 of its inputs");
        g.MapGet("/years/{year:int}/results", Results).WithSummary("Published results, optionally of one group (?group=SO)");
        g.MapGet("/years/{year:int}/units/{unit}", (int year, string unit, PublishedCache cache, CancellationToken ct) => Document(year, DocumentStore.UnitJson(unit), "application/json", null, cache, ct))
            .WithSummary("One unit's working sheet (phiếu kết quả) as JSON");
        g.MapGet("/years/{year:int}/units/{unit}/sheet.pdf", (int year, string unit, PublishedCache cache, CancellationToken ct) => Document(year, DocumentStore.UnitPdf(unit), "application/pdf", $"phieu-ket-qua-{year}-{unit}.pdf", cache, ct))
            .WithSummary("One unit's result sheet as PDF");
        g.MapGet("/years/{year:int}/export.{format}", Export).WithSummary("Open data (par-open-data/1) as csv, json or xlsx");
    }

    private static async Task<IResult> ListYears(PublishedCache cache, CancellationToken ct)
    {
        var years = await cache.PublishedYearsAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(years.Select(y => new { year = y.Year, publishedAt = y.PublishedAt, links = Links(y.Year) }));
    }

    private static async Task<IResult> Year(int year, PublishedCache cache, SchemeStore schemes, CancellationToken ct)
    {
        if (await cache.PublishedYearAsync(year, ct).ConfigureAwait(false) is not { } y) return ApiProblem.NotPublished(year);
        var decision = await cache.DocumentAsync(y, DocumentStore.DecisionJson, ct).ConfigureAwait(false);
        using var doc = decision is null ? null : JsonDocument.Parse(decision);
        var root = doc?.RootElement;
        string? Text(string name) => root is { } r && r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var scheme = await schemes.GetAsync(y.Scheme, ct).ConfigureAwait(false);
        return TypedResults.Ok(new
        {
            year = y.Year,
            scheme = y.Scheme.ToString(),
            schemeName = scheme?.Name,
            publishedAt = y.PublishedAt,
            inputSha256 = y.PublishedHash,
            numberLine = Text("number"),
            date = Text("date"),
            placeAndDate = Text("placeAndDate"),
            subject = Text("subject"),
            groups = scheme?.Groups.Select(g => new { code = g.Code, name = g.Name }),
            links = Links(y.Year),
        });
    }

    private static object Links(int year) => new
    {
        decisionPdf = $"/api/public/years/{year}/decision.pdf",
        decisionJson = $"/api/public/years/{year}/decision.json",
        results = $"/api/public/years/{year}/results",
        exportCsv = $"/api/public/years/{year}/export.csv",
        exportJson = $"/api/public/years/{year}/export.json",
        exportXlsx = $"/api/public/years/{year}/export.xlsx",
    };

    private static async Task<IResult> Document(int year, string file, string contentType, string? downloadName, PublishedCache cache, CancellationToken ct)
    {
        // A unit code never holds a path segment: refuse anything that could step out of the published folder.
        if (file.Contains("..", StringComparison.Ordinal) || file.Contains('\\', StringComparison.Ordinal) || file.Count(c => c == '/') > 1)
            return ApiProblem.NotFound("Không có tài liệu này.", "No such document.");
        if (await cache.PublishedYearAsync(year, ct).ConfigureAwait(false) is not { } y) return ApiProblem.NotPublished(year);
        var content = await cache.DocumentAsync(y, file, ct).ConfigureAwait(false);
        if (content is null)
            return ApiProblem.NotFound($"Không có tài liệu '{file}' trong kết quả công bố năm {year}.", $"No document '{file}' in the published results of {year}.");
        return TypedResults.File(content.ToMemory().ToArray(), contentType, downloadName);
    }

    private static async Task<IResult> Results(int year, string? group, PublishedCache cache, SchemeStore schemes, HttpContext http, CancellationToken ct)
    {
        if (await cache.PublishedYearAsync(year, ct).ConfigureAwait(false) is not { } y) return ApiProblem.NotPublished(year);
        var rows = await cache.ResultsAsync(y, ct).ConfigureAwait(false);
        var scheme = await schemes.GetAsync(y.Scheme, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Published year {year} names unregistered scheme {y.Scheme}.");
        if (group is not null && scheme.FindGroup(group) is null)
            return ApiProblem.NotFound($"Không có khối '{group}' trong năm {year}.", $"There is no group '{group}' in {year}.");
        var json = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var bytes = cache.Rendered(y, "results|" + group, () =>
            JsonSerializer.SerializeToUtf8Bytes(ResultsView.Of(y, scheme, rows, group), json));
        return TypedResults.Bytes(bytes, "application/json");
    }

    private static async Task<IResult> Export(int year, string format, PublishedCache cache, HttpContext http, CancellationToken ct)
    {
        if (await cache.PublishedYearAsync(year, ct).ConfigureAwait(false) is not { } y) return ApiProblem.NotPublished(year);
        var rows = await cache.ResultsAsync(y, ct).ConfigureAwait(false);
        var json = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        return format.ToLowerInvariant() switch
        {
            "csv" => TypedResults.File(cache.Rendered(y, "csv", () => OpenData.Csv(rows)), "text/csv; charset=utf-8", $"par-{year}.csv"),
            "json" => TypedResults.File(cache.Rendered(y, "json", () => OpenData.Json(rows, json)), "application/json", $"par-{year}.json"),
            "xlsx" => TypedResults.File(cache.Rendered(y, "xlsx", () => OpenData.Xlsx(rows)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"par-{year}.xlsx"),
            _ => ApiProblem.Invalid("PAR-A011", $"Định dạng '{format}' không được hỗ trợ; dùng csv, json hoặc xlsx.", $"Format '{format}' is not supported; use csv, json or xlsx."),
        };
    }
}

/// <summary>Results of a year as served: grouped, ranked, every figure with its vi-VN text.</summary>
internal static class ResultsView
{
    public static object Of(YearRecord year, ParServerless.Scoring.Schemes.Scheme scheme, IReadOnlyList<ResultRow> rows, string? group)
    {
        var format = ScoreFormat.For(scheme);
        return new
        {
            year = year.Year,
            scheme = year.Scheme.ToString(),
            status = year.Status == YearStatus.Published ? "published" : "draft",
            inputSha256 = rows.Count > 0 ? rows[0].InputSha256 : null,
            groups = scheme.Groups.Where(g => group is null || string.Equals(g.Code, group, StringComparison.OrdinalIgnoreCase)).Select(g => new
            {
                code = g.Code,
                name = g.Name,
                units = rows.Where(r => r.GroupCode == g.Code).Select(r => new
                {
                    unit = r.UnitCode,
                    name = r.UnitName,
                    rank = r.Rank,
                    band = r.Band,
                    status = r.Status,
                    selfTotal = Figure.Of(format, r.SelfTotal),
                    appraisedPoints = Figure.Of(format, r.AppraisedPoints),
                    surveyPoints = Figure.Of(format, r.SurveyPoints),
                    bonus = Figure.Of(format, r.Bonus),
                    penalty = Figure.Of(format, r.Penalty),
                    total = Figure.Of(format, r.Total),
                    index = Figure.Of(format, r.Index),
                    areas = r.AreaIndices.ToDictionary(p => p.Key, p => Figure.Of(format, p.Value)),
                }),
            }),
        };
    }
}
