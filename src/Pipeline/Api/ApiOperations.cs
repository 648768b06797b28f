using ParServerless.Files.Workflow;
using ParServerless.Pipeline.Api.Contracts;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Registry;
using static ParServerless.Pipeline.Api.ApiRoutes;

namespace ParServerless.Pipeline.Api;

/// <summary>Who may call an operation.</summary>
public enum ApiAccess
{
    Invalid = 0,
    /// <summary>Anyone; only published years are visible.</summary>
    Public = 1,
    /// <summary>The unit named in the route (its key), or Sở Nội vụ (the admin key).</summary>
    Unit = 2,
    /// <summary>Sở Nội vụ (the admin key).</summary>
    Admin = 3,
}

/// <summary>A query parameter of an operation.</summary>
public sealed record ApiQuery(string Name, Type Type, string Description);

/// <summary>
/// One operation of the HTTP API: the function that serves it, its method and route, who may call it, and its typed request
/// and response. The OpenAPI document is generated from this list; HEAD is served wherever GET is.
/// </summary>
/// <param name="Response">The success body's contract; null with <paramref name="ResponseType"/> for bytes (PDF, CSV, XLSX).</param>
/// <param name="Body">The request body's contract; <see cref="Stream"/> for raw file bytes.</param>
/// <param name="PathValues">The values a path parameter takes, where it is a closed list (a kind or round from the workflow catalogue).</param>
public sealed record ApiOperation(
    string Function, string Method, string Route, string Tag, string Summary, ApiAccess Access, Type? Response,
    string ResponseType = "application/json", int Status = 200, Type? Body = null, string? BodyType = null, IReadOnlyList<ApiQuery>? Query = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? PathValues = null);

/// <summary>The catalogue of operations, with the names of the functions that serve them.</summary>
public static class ApiOperations
{
    /// <summary>Names of the HTTP functions (one per route).</summary>
    public static class Functions
    {
        public const string Health = nameof(Health);
        public const string OpenApi = nameof(OpenApi);
        public const string PublicYears = nameof(PublicYears);
        public const string PublicYear = nameof(PublicYear);
        public const string PublicDecisionPdf = nameof(PublicDecisionPdf);
        public const string PublicDecisionJson = nameof(PublicDecisionJson);
        public const string PublicGeneratedDecisionPdf = nameof(PublicGeneratedDecisionPdf);
        public const string PublicResults = nameof(PublicResults);
        public const string PublicUnit = nameof(PublicUnit);
        public const string PublicUnitSheet = nameof(PublicUnitSheet);
        public const string PublicExportCsv = nameof(PublicExportCsv);
        public const string PublicExportJson = nameof(PublicExportJson);
        public const string PublicExportXlsx = nameof(PublicExportXlsx);
        public const string AgencyUpload = nameof(AgencyUpload);
        public const string AgencyUploads = nameof(AgencyUploads);
        public const string AgencyUploadStatus = nameof(AgencyUploadStatus);
        public const string AgencyTemplate = nameof(AgencyTemplate);
        public const string AgencyValidate = nameof(AgencyValidate);
        public const string AdminSchemes = nameof(AdminSchemes);
        public const string AdminYears = nameof(AdminYears);
        public const string AdminYear = nameof(AdminYear);
        public const string AdminUnits = nameof(AdminUnits);
        public const string AdminRound = nameof(AdminRound);
        public const string AdminRoundClose = nameof(AdminRoundClose);
        public const string AdminUpload = nameof(AdminUpload);
        public const string AdminUploads = nameof(AdminUploads);
        public const string AdminUploadStatus = nameof(AdminUploadStatus);
        public const string AdminResults = nameof(AdminResults);
        public const string AdminDecision = nameof(AdminDecision);
        public const string AdminDecisionPdf = nameof(AdminDecisionPdf);
        public const string AdminDecisionJson = nameof(AdminDecisionJson);
        public const string AdminUnitSheet = nameof(AdminUnitSheet);
        public const string AdminSignedDecision = nameof(AdminSignedDecision);
        public const string AdminPublish = nameof(AdminPublish);
        public const string AdminPublications = nameof(AdminPublications);
        public const string AdminPublication = nameof(AdminPublication);
        public const string AdminBoard = nameof(AdminBoard);
        public const string AdminTemplate = nameof(AdminTemplate);
        public const string Fallback = nameof(Fallback);
    }

    private const string Pdf = "application/pdf";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Octets = "application/octet-stream";
    private const string PublicTag = "Public (công khai)";
    private const string AgencyTag = "Agency (đơn vị)";
    private const string AdminTag = "Admin (Sở Nội vụ)";

    private static readonly ApiQuery UnitQuery = new("unit", typeof(string), "A unit's code (mã đơn vị)");

    // The closed lists of path values come from the workflow catalogue (declared before All: static initialisers run in order).
    private static readonly IReadOnlyList<string> AgencyKinds = WorkflowSteps.UploadKindsOf(StepActor.Agency);
    private static readonly IReadOnlyList<string> CouncilKinds = WorkflowSteps.UploadKindsOf(StepActor.Council);
    private static readonly IReadOnlyList<string> RoundNames = WorkflowSteps.All.Select(s => s.Name).ToList();

    private static Dictionary<string, IReadOnlyList<string>> Kinds(IReadOnlyList<string> kinds) => new() { ["kind"] = kinds };

    public static IReadOnlyList<ApiOperation> All { get; } =
    [
        new(Functions.Health, "GET", Health, "Health", "Liveness; touches no storage", ApiAccess.Public, typeof(HealthView)),
        new(Functions.OpenApi, "GET", OpenApi, "Health", "This OpenAPI document", ApiAccess.Public, null),

        new(Functions.PublicYears, "GET", PublicYears, PublicTag, "Published years (các năm đã công bố)", ApiAccess.Public, typeof(IReadOnlyList<PublishedYearItem>)),
        new(Functions.PublicYear, "GET", PublicYear, PublicTag, "A published Decision's metadata and links", ApiAccess.Public, typeof(PublishedYearView)),
        new(Functions.PublicDecisionPdf, "GET", PublicDecisionPdf, PublicTag, "The Decision (Quyết định công bố) as PDF: the signed original once uploaded, else the generated text (header X-Par-Document says which)", ApiAccess.Public, null, Pdf),
        new(Functions.PublicGeneratedDecisionPdf, "GET", PublicGeneratedDecisionPdf, PublicTag,
            "The generated Decision: the machine-readable twin of the signed original (X-Par-Document: generated)", ApiAccess.Public, null, Pdf),
        new(Functions.PublicDecisionJson, "GET", PublicDecisionJson, PublicTag, "The Decision as JSON (par-decision/1), with the SHA-256 of its inputs", ApiAccess.Public, null),
        new(Functions.PublicResults, "GET", PublicResults, PublicTag, "Published results, optionally of one group (?group=SO)", ApiAccess.Public, typeof(ResultsView),
            Query: [new("group", typeof(string), "A group's code (mã khối)")]),
        new(Functions.PublicUnit, "GET", PublicUnit, PublicTag, "One unit's working sheet (phiếu kết quả) as JSON (par-working-sheet/1)", ApiAccess.Public, null),
        new(Functions.PublicUnitSheet, "GET", PublicUnitSheet, PublicTag, "One unit's result sheet as PDF", ApiAccess.Public, null, Pdf),
        new(Functions.PublicExportCsv, "GET", PublicExportCsv, PublicTag, "Open data (par-open-data/2) as CSV", ApiAccess.Public, null, "text/csv"),
        new(Functions.PublicExportJson, "GET", PublicExportJson, PublicTag, "Open data (par-open-data/2) as JSON", ApiAccess.Public, null),
        new(Functions.PublicExportXlsx, "GET", PublicExportXlsx, PublicTag, "Open data (par-open-data/2) as XLSX", ApiAccess.Public, null, Xlsx),

        new(Functions.AgencyUpload, "POST", AgencyUpload, AgencyTag, $"Upload a file (nộp tệp): body = the file's bytes; kind = {string.Join(" | ", AgencyKinds)}. 202 with the status URL.",
            ApiAccess.Unit, typeof(UploadAccepted), Status: 202, Body: typeof(Stream), BodyType: Octets, PathValues: Kinds(AgencyKinds)),
        new(Functions.AgencyUploads, "GET", AgencyUploads, AgencyTag, "The unit's uploads of the year, newest first", ApiAccess.Unit, typeof(IReadOnlyList<UploadRecord>)),
        new(Functions.AgencyUploadStatus, "GET", AgencyUploadStatus, AgencyTag, "One upload's status and report (200 ingested, 202 pending)", ApiAccess.Unit, typeof(UploadStatusView)),
        new(Functions.AgencyTemplate, "GET", AgencyTemplate, AgencyTag, "The unit's template (mẫu) for a kind", ApiAccess.Unit, null, Xlsx,
            Query: [new("format", typeof(string), "xlsx (default), csv or json")], PathValues: Kinds(AgencyKinds)),
        new(Functions.AgencyValidate, "POST", AgencyValidate, AgencyTag, "Dry run: the report the file would get, nothing recorded", ApiAccess.Unit, typeof(ValidationView),
            Body: typeof(Stream), BodyType: Octets, PathValues: Kinds(AgencyKinds)),

        new(Functions.AdminSchemes, "GET", AdminSchemes, AdminTag, "Registered schemes (bộ tiêu chí)", ApiAccess.Admin, typeof(IReadOnlyList<SchemeEntry>)),
        new(Functions.AdminSchemes, "PUT", AdminSchemes, AdminTag, "Register a scheme version (body: scheme JSON, see docs/SCHEMES.md); versions are immutable",
            ApiAccess.Admin, typeof(SchemeRegistered), Body: typeof(object), BodyType: "application/json"),
        new(Functions.AdminYears, "GET", AdminYears, AdminTag, "Every year with its status", ApiAccess.Admin, typeof(IReadOnlyList<YearView>)),
        new(Functions.AdminYear, "GET", AdminYear, AdminTag, "One year", ApiAccess.Admin, typeof(YearView)),
        new(Functions.AdminYear, "PUT", AdminYear, AdminTag, "Open or change a year: scheme, Decision texts, publication moment (refused once published)",
            ApiAccess.Admin, typeof(YearView), Body: typeof(YearRequest), BodyType: "application/json"),
        new(Functions.AdminUnits, "GET", AdminUnits, AdminTag, "The year's units with their upload keys", ApiAccess.Admin, typeof(IReadOnlyList<UnitView>)),
        new(Functions.AdminUnits, "PUT", AdminUnits, AdminTag, "Register the year's units and groups with the predecessor map (replaces the list)",
            ApiAccess.Admin, typeof(IReadOnlyList<UnitView>), Body: typeof(IReadOnlyList<UnitRequest>), BodyType: "application/json"),
        new(Functions.AdminRound, "PUT", AdminRound, AdminTag, $"Open a round with its window ({string.Join(", ", RoundNames)})",
            ApiAccess.Admin, typeof(YearView), Body: typeof(RoundRequest), BodyType: "application/json", PathValues: new Dictionary<string, IReadOnlyList<string>> { ["round"] = RoundNames }),
        new(Functions.AdminRoundClose, "POST", AdminRoundClose, AdminTag, "Close a round now: later uploads are rejected (PAR-I004)", ApiAccess.Admin, typeof(YearView),
            PathValues: new Dictionary<string, IReadOnlyList<string>> { ["round"] = RoundNames }),
        new(Functions.AdminUpload, "POST", AdminUpload, AdminTag, $"Council upload: {string.Join(", ", WorkflowSteps.UploadKinds.Except(AgencyKinds))} (appraisal with ?round=1|2); or any kind for a unit (?unit=)",
            ApiAccess.Admin, typeof(UploadAccepted), Status: 202, Body: typeof(Stream), BodyType: Octets,
            Query: [new("round", typeof(int), "Appraisal round: 1 or 2"), UnitQuery], PathValues: Kinds(WorkflowSteps.UploadKinds)),
        new(Functions.AdminUploads, "GET", AdminUploads, AdminTag, "Audit: every upload of the year (who, when, path, hash, outcome)", ApiAccess.Admin,
            typeof(IReadOnlyList<UploadRecord>), Query: [UnitQuery]),
        new(Functions.AdminUploadStatus, "GET", AdminUploadStatus, AdminTag, "One upload's status and report", ApiAccess.Admin, typeof(UploadStatusView)),
        new(Functions.AdminResults, "GET", AdminResults, AdminTag, "Draft results computed now from the raw marks (never public)", ApiAccess.Admin, typeof(ResultsView)),
        new(Functions.AdminDecision, "POST", AdminDecision, AdminTag,
            "Generate the draft Decision and result sheets (not published), in the background: 202 with the status URL (Location)",
            ApiAccess.Admin, typeof(PublicationStatusView), Status: 202),
        new(Functions.AdminDecisionPdf, "GET", AdminDecisionPdf, AdminTag, "The latest generated Decision PDF (draft or published)", ApiAccess.Admin, null, Pdf),
        new(Functions.AdminDecisionJson, "GET", AdminDecisionJson, AdminTag, "The latest generated Decision JSON", ApiAccess.Admin, null),
        new(Functions.AdminUnitSheet, "GET", AdminUnitSheet, AdminTag, "A unit's latest generated result sheet", ApiAccess.Admin, null, Pdf),
        new(Functions.AdminSignedDecision, "PUT", AdminSignedDecision, AdminTag,
            "Upload the signed original (bản gốc đã ký) of the published Decision: a digitally signed PDF or a scan; public routes then serve it",
            ApiAccess.Admin, typeof(SignedOriginalView), Body: typeof(Stream), BodyType: "application/pdf"),
        new(Functions.AdminPublish, "POST", AdminPublish, AdminTag,
            "Publish, in the background: generate if needed, store the published results, open the public routes. 202 with the status URL (Location); " +
            "a job already queued or running is joined. Refused at once: no such year (PAR-A060), a Decision setting missing (PAR-A052)",
            ApiAccess.Admin, typeof(PublicationStatusView), Status: 202),
        new(Functions.AdminPublications, "GET", AdminPublications, AdminTag, "The year's publication jobs, newest first", ApiAccess.Admin,
            typeof(IReadOnlyList<PublicationStatusView>)),
        new(Functions.AdminPublication, "GET", AdminPublication, AdminTag,
            "A publication job's status (par-publication/1): 202 while queued or running (phase, units rendered out of the total), 200 once finished with its outcome code",
            ApiAccess.Admin, typeof(PublicationStatusView)),
        new(Functions.AdminBoard, "GET", AdminBoard, AdminTag,
            "Status board (bảng theo dõi): per round who submitted, who was rejected and why, who is missing, the time to the deadline; the publication checklist",
            ApiAccess.Admin, typeof(BoardView)),
        new(Functions.AdminTemplate, "GET", AdminTemplate, AdminTag,
            $"A group's council template: {string.Join(", ", CouncilKinds)} (appraisal with ?round=1|2, prefilled with each unit's latest score and note)",
            ApiAccess.Admin, null, Xlsx, Query: [new("group", typeof(string), "A group's code (mã khối)"), new("round", typeof(int), "Appraisal round: 1 or 2"),
                new("format", typeof(string), "xlsx (default), csv or json")], PathValues: Kinds(CouncilKinds)),
    ];

    /// <summary>The methods a route answers, HEAD included wherever GET is (the <c>Allow</c> header of a 405).</summary>
    public static IReadOnlyList<string> MethodsOf(string route)
    {
        var methods = All.Where(o => o.Route == route).Select(o => o.Method).Distinct().ToList();
        if (methods.Contains("GET")) methods.Insert(methods.IndexOf("GET") + 1, "HEAD");
        return methods;
    }
}
