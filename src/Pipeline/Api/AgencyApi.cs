using ParServerless.Files;
using ParServerless.Files.Workflow;
using ParServerless.Pipeline.Api.Contracts;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Problems;
using ParServerless.Pipeline.Registry;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;

namespace ParServerless.Pipeline.Api;

/// <summary>
/// The agency's operations (đơn vị), each for the unit named in the route: upload a self-assessment or explanation, follow
/// its status and report, download templates, and validate without recording. Keys are checked by the caller.
/// </summary>
public sealed class AgencyApi(UploadGateway gateway, UploadStore uploads, YearStore years, UnitStore units, SchemeStore schemes, TimeProvider time)
{
    private static readonly string[] TemplateFormats = ["xlsx", "csv", "json"];

    /// <param name="uploadedBy">"admin" when Sở Nội vụ uploads for the unit, else the unit's code.</param>
    public async Task<ApiReply> UploadAsync(int year, string unit, string kind, string fileName, Stream body, long? contentLength, string uploadedBy, CancellationToken ct)
    {
        if (KindOf(kind) is not { } k)
            return await gateway.RefuseAsync(BadKind(kind), year, kind, "", unit, null, fileName, contentLength ?? 0, null, uploadedBy, ct).ConfigureAwait(false);
        return await gateway.UploadAsync(year, k, unit, null, fileName, body, contentLength, uploadedBy, $"/api/agency/{year}/{unit}/uploads", ct).ConfigureAwait(false);
    }

    public async Task<ApiReply> UploadsAsync(int year, string unit, CancellationToken ct) =>
        ApiReply.Json(await uploads.ListAsync(year, unit, ct).ConfigureAwait(false));

    public Task<ApiReply> StatusAsync(int year, string unit, string sha256, CancellationToken ct) => gateway.StatusAsync(year, unit, sha256, ct);

    public async Task<ApiReply> TemplateAsync(int year, string unit, string kind, string? format, CancellationToken ct)
    {
        if (KindOf(kind) is not { } k) return BadKind(kind);
        var context = await ContextAsync(year, unit, ct).ConfigureAwait(false);
        if (!context.IsOk) return context.Refusal;
        var fileFormat = (format ?? "xlsx").ToLowerInvariant() switch { "xlsx" => FileFormat.Xlsx, "csv" => FileFormat.Csv, "json" => FileFormat.Json, _ => FileFormat.Invalid };
        if (fileFormat == FileFormat.Invalid) return PipelineProblems.BadFormat(format!, TemplateFormats);
        var (scheme, me, _) = context.Value;
        var request = new TemplateRequest(year, me.GroupCode, k, [me], null);
        var bytes = TemplateWriter.Write(scheme, request, fileFormat);
        var type = fileFormat switch { FileFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileFormat.Csv => "text/csv; charset=utf-8", _ => "application/json" };
        return new ContentReply(bytes, type, TemplateWriter.FileName(request, fileFormat));
    }

    /// <summary>
    /// The dry run: the same checks as the real upload, in the same order and with the same codes (name, size, year published or
    /// round window, unit: <see cref="UploadGateway.CheckAsync"/>), then the file read against the year's scheme. Nothing is recorded.
    /// </summary>
    public Task<ApiReply> ValidateAsync(int year, string unit, string kind, string fileName, Stream body, CancellationToken ct) =>
        ValidateAsync(year, unit, kind, fileName, body, null, ct);

    /// <param name="contentLength">The declared length, as the upload takes it: an oversize dry run answers the same code and size.</param>
    public async Task<ApiReply> ValidateAsync(int year, string unit, string kind, string fileName, Stream body, long? contentLength, CancellationToken ct)
    {
        if (KindOf(kind) is not { } k) return BadKind(kind);
        var check = await gateway.CheckAsync(year, k, unit, null, fileName, body, contentLength, null, ct).ConfigureAwait(false);
        if (!check.IsOk) return check.Refusal;
        var context = await ContextAsync(year, unit, ct).ConfigureAwait(false);
        if (!context.IsOk) return context.Refusal;
        var (scheme, _, all) = context.Value;
        var outcome = SubmissionReader.Read(new SubmissionRequest(year, k, check.Value.FileName, unit), check.Value.Content, scheme, all, timeProvider: time, cancellationToken: ct);
        return ApiReply.Json(new ValidationView(outcome.Accepted, outcome.Report.ErrorCount, outcome.Report.WarningCount,
            outcome.Report.Problems.Select(ProblemView.Of).ToList(), outcome.Report.Truncated, outcome.Report.CountsByCode));
    }

    private sealed record UnitContext(Scheme Scheme, Unit Unit, IReadOnlyList<Unit> Units);

    /// <summary>The year's scheme and units: no year (PAR-I002), its scheme not registered (PAR-I006), or not this unit's (PAR-A012).</summary>
    private async Task<Outcome<UnitContext>> ContextAsync(int year, string unit, CancellationToken ct)
    {
        var record = await years.GetAsync(year, ct).ConfigureAwait(false);
        if (record is null) return PipelineProblems.YearNotOpen(year);
        var scheme = await schemes.GetAsync(record.Scheme, ct).ConfigureAwait(false);
        if (scheme is null) return PipelineProblems.SchemeNotRegistered(year, record.Scheme);
        var all = (await units.ListAsync(year, record.UnitsVersion, ct).ConfigureAwait(false)).Select(u => u.Unit).ToList();
        return all.FirstOrDefault(u => u.Code == unit) is { } me ? new UnitContext(scheme, me, all) : PipelineProblems.UnitNotEvaluated(year, unit);
    }

    /// <summary>The agency's own steps (self-assessment, explanation): the only kinds its routes take.</summary>
    private static FileKind? KindOf(string kind) =>
        WorkflowSteps.ByUploadKind(kind) is { Actor: StepActor.Agency } step ? step.FileKind : null;

    private static Refusal BadKind(string kind) => PipelineProblems.BadKind(kind, WorkflowSteps.UploadKindsOf(StepActor.Agency));
}
