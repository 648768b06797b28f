using ParServerless.Files;
using ParServerless.Functions.Ingestion;
using ParServerless.Functions.Registry;

namespace ParServerless.Functions.Api;

/// <summary>
/// Agency routes under <c>/api/agency/{year}/{unit}</c>, each needing that unit's key (or the admin key): upload a
/// self-assessment or explanation, follow its status and report, download templates, and validate without recording.
/// </summary>
internal static class AgencyEndpoints
{
    private static readonly FileKind[] AgencyKinds = [FileKind.SelfAssessment, FileKind.Explanation];

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/agency/{year:int}/{unit}").WithTags("Agency (đơn vị)").RequireUnit();
        g.MapPost("/uploads/{kind}/{fileName}", Upload)
            .WithSummary("Upload a file (nộp tệp): body = the file's bytes; kind = self-assessment | explanation. 202 with the status URL.");
        g.MapGet("/uploads", async (int year, string unit, UploadStore uploads, CancellationToken ct) =>
            TypedResults.Ok(await uploads.ListAsync(year, unit, ct).ConfigureAwait(false))).WithSummary("The unit's uploads of the year, newest first");
        g.MapGet("/uploads/{sha256}", (int year, string unit, string sha256, UploadGateway gateway, CancellationToken ct) => gateway.StatusAsync(year, unit, sha256, ct))
            .WithSummary("One upload's status and report (200 ingested, 202 pending)");
        g.MapGet("/templates/{kind}", Template).WithSummary("The unit's template (mẫu) for a kind, ?format=xlsx|csv|json");
        g.MapPost("/validate/{kind}/{fileName}", Validate).WithSummary("Dry run: the report the file would get, nothing recorded");
    }

    private static async Task<IResult> Upload(int year, string unit, string kind, string fileName, HttpRequest request, UploadGateway gateway, ApiKeys keys, CancellationToken ct)
    {
        if (KindOf(kind) is not { } k) return BadKind(kind);
        var by = keys.IsAdmin(ApiKeys.Presented(request)) ? "admin" : unit;
        return await gateway.UploadAsync(year, k, unit, null, fileName, request, by, $"/api/agency/{year}/{unit}/uploads", ct).ConfigureAwait(false);
    }

    private static async Task<IResult> Template(int year, string unit, string kind, string? format, string? round, YearStore years, UnitStore units, SchemeStore schemes, CancellationToken ct)
    {
        if (KindOf(kind) is not { } k) return BadKind(kind);
        var context = await Context(year, unit, years, units, schemes, ct).ConfigureAwait(false);
        if (context.Problem is { } problem) return problem;
        var fileFormat = (format ?? "xlsx").ToLowerInvariant() switch { "xlsx" => FileFormat.Xlsx, "csv" => FileFormat.Csv, "json" => FileFormat.Json, _ => FileFormat.Invalid };
        if (fileFormat == FileFormat.Invalid)
            return ApiProblem.Invalid("PAR-A011", $"Định dạng '{format}' không được hỗ trợ; dùng xlsx, csv hoặc json.", $"Format '{format}' is not supported; use xlsx, csv or json.");
        var request = new TemplateRequest(year, context.Unit!.GroupCode, k, [context.Unit], null);
        var bytes = TemplateWriter.Write(context.Scheme!, request, fileFormat);
        var type = fileFormat switch { FileFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileFormat.Csv => "text/csv; charset=utf-8", _ => "application/json" };
        return TypedResults.File(bytes, type, TemplateWriter.FileName(request, fileFormat));
    }

    private static async Task<IResult> Validate(int year, string unit, string kind, string fileName, HttpRequest request, YearStore years, UnitStore units, SchemeStore schemes, CancellationToken ct)
    {
        if (KindOf(kind) is not { } k) return BadKind(kind);
        var context = await Context(year, unit, years, units, schemes, ct).ConfigureAwait(false);
        if (context.Problem is { } problem) return problem;
        var outcome = await SubmissionReader.ReadAsync(new SubmissionRequest(year, k, fileName, unit), request.Body, context.Scheme!, context.Units!, cancellationToken: ct).ConfigureAwait(false);
        return TypedResults.Ok(new
        {
            accepted = outcome.Accepted,
            errors = outcome.Report.ErrorCount,
            warnings = outcome.Report.WarningCount,
            problems = outcome.Report.Problems.Select(ProblemView.Of),
        });
    }

    private sealed record UnitContext(IResult? Problem, ParServerless.Scoring.Schemes.Scheme? Scheme, ParServerless.Scoring.Units.Unit? Unit, IReadOnlyList<ParServerless.Scoring.Units.Unit>? Units);

    private static async Task<UnitContext> Context(int year, string unit, YearStore years, UnitStore units, SchemeStore schemes, CancellationToken ct)
    {
        var record = await years.GetAsync(year, ct).ConfigureAwait(false);
        if (record is null)
            return new(ApiProblem.Of(StatusCodes.Status404NotFound, "PAR-I002", $"Năm {year} chưa được mở để đánh giá.", $"Year {year} is not open for evaluation."), null, null, null);
        var scheme = await schemes.GetAsync(record.Scheme, ct).ConfigureAwait(false);
        if (scheme is null)
            return new(ApiProblem.Of(StatusCodes.Status409Conflict, "PAR-I006", $"Bộ tiêu chí {record.Scheme} chưa được đăng ký.", $"Scheme {record.Scheme} is not registered."), null, null, null);
        var all = (await units.ListAsync(year, record.UnitsVersion, ct).ConfigureAwait(false)).Select(u => u.Unit).ToList();
        var me = all.FirstOrDefault(u => u.Code == unit);
        if (me is null)
            return new(ApiProblem.Of(StatusCodes.Status404NotFound, "PAR-A012", $"Đơn vị '{unit}' không có trong danh sách đánh giá năm {year}.", $"Unit '{unit}' is not evaluated in {year}."), null, null, null);
        return new(null, scheme, me, all);
    }

    private static FileKind? KindOf(string kind) =>
        UploadGateway.KindsByRoute.TryGetValue(kind, out var k) && AgencyKinds.Contains(k) ? k : null;

    private static IResult BadKind(string kind) => ApiProblem.Invalid("PAR-A010",
        $"Loại tệp '{kind}' không hợp lệ cho đơn vị; dùng self-assessment hoặc explanation.",
        $"File kind '{kind}' is not one an agency uploads; use self-assessment or explanation.");
}
