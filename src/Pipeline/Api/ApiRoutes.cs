namespace ParServerless.Pipeline.Api;

/// <summary>
/// Every HTTP API route of the app, under <c>api/</c>. host.json's route prefix is empty so that the web pages
/// (<see cref="ParServerless.Pipeline.Pages.PageRoutes"/>) sit at the root; the API keeps its <c>/api/…</c> URLs by naming the prefix here. The Functions glue binds its
/// triggers to these constants and the OpenAPI document is built from <see cref="ApiOperations"/>, which uses them too, so
/// the routes served and the routes documented cannot drift apart (a test checks both against the functions).
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "api";

    public const string Health = Prefix + "/health";
    public const string OpenApi = Prefix + "/openapi/v1.json";

    public const string PublicYears = Prefix + "/public/years";
    public const string PublicYear = Prefix + "/public/years/{year:int}";
    public const string PublicDecisionPdf = Prefix + "/public/years/{year:int}/decision.pdf";
    public const string PublicGeneratedDecisionPdf = Prefix + "/public/years/{year:int}/decision-generated.pdf";
    public const string PublicDecisionJson = Prefix + "/public/years/{year:int}/decision.json";
    public const string PublicResults = Prefix + "/public/years/{year:int}/results";
    public const string PublicUnit = Prefix + "/public/years/{year:int}/units/{unit}";
    public const string PublicUnitSheet = Prefix + "/public/years/{year:int}/units/{unit}/sheet.pdf";
    public const string PublicExportCsv = Prefix + "/public/years/{year:int}/export.csv";
    public const string PublicExportJson = Prefix + "/public/years/{year:int}/export.json";
    public const string PublicExportXlsx = Prefix + "/public/years/{year:int}/export.xlsx";

    public const string AgencyUpload = Prefix + "/agency/{year:int}/{unit}/uploads/{kind}/{fileName}";
    public const string AgencyUploads = Prefix + "/agency/{year:int}/{unit}/uploads";
    public const string AgencyUploadStatus = Prefix + "/agency/{year:int}/{unit}/uploads/{sha256}";
    public const string AgencyTemplate = Prefix + "/agency/{year:int}/{unit}/templates/{kind}";
    public const string AgencyValidate = Prefix + "/agency/{year:int}/{unit}/validate/{kind}/{fileName}";

    public const string AdminSchemes = Prefix + "/admin/schemes";
    public const string AdminYears = Prefix + "/admin/years";
    public const string AdminYear = Prefix + "/admin/years/{year:int}";
    public const string AdminUnits = Prefix + "/admin/years/{year:int}/units";
    public const string AdminRound = Prefix + "/admin/years/{year:int}/rounds/{round}";
    public const string AdminRoundClose = Prefix + "/admin/years/{year:int}/rounds/{round}/close";
    public const string AdminUpload = Prefix + "/admin/years/{year:int}/uploads/{kind}/{fileName}";
    public const string AdminUploads = Prefix + "/admin/years/{year:int}/uploads";
    public const string AdminUploadStatus = Prefix + "/admin/years/{year:int}/uploads/{sha256}";
    public const string AdminResults = Prefix + "/admin/years/{year:int}/results";
    public const string AdminDecision = Prefix + "/admin/years/{year:int}/decision";
    public const string AdminDecisionPdf = Prefix + "/admin/years/{year:int}/decision.pdf";
    public const string AdminDecisionJson = Prefix + "/admin/years/{year:int}/decision.json";
    public const string AdminSignedDecision = Prefix + "/admin/years/{year:int}/decision/signed";
    public const string AdminUnitSheet = Prefix + "/admin/years/{year:int}/units/{unit}/sheet.pdf";
    public const string AdminPublish = Prefix + "/admin/years/{year:int}/publish";
    public const string AdminPublications = Prefix + "/admin/years/{year:int}/publications";
    public const string AdminPublication = Prefix + "/admin/years/{year:int}/publications/{id}";
    public const string AdminBoard = Prefix + "/admin/years/{year:int}/board";
    public const string AdminTemplate = Prefix + "/admin/years/{year:int}/templates/{kind}";

    /// <summary>Catch-all for what matches no route (404) or matches one with another method (405), answered as our problems.</summary>
    public const string Fallback = "{*path}";
}
