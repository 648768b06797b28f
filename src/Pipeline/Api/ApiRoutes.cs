namespace ParServerless.Pipeline.Api;

/// <summary>
/// Every HTTP route of the app, relative to the host's route prefix <c>api</c> (host.json). The Functions glue binds its
/// triggers to these constants and the OpenAPI document is built from <see cref="ApiOperations"/>, which uses them too, so
/// the routes served and the routes documented cannot drift apart (a test checks both against the functions).
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "api";

    public const string Health = "health";
    public const string OpenApi = "openapi/v1.json";

    public const string PublicYears = "public/years";
    public const string PublicYear = "public/years/{year:int}";
    public const string PublicDecisionPdf = "public/years/{year:int}/decision.pdf";
    public const string PublicGeneratedDecisionPdf = "public/years/{year:int}/decision-generated.pdf";
    public const string PublicDecisionJson = "public/years/{year:int}/decision.json";
    public const string PublicResults = "public/years/{year:int}/results";
    public const string PublicUnit = "public/years/{year:int}/units/{unit}";
    public const string PublicUnitSheet = "public/years/{year:int}/units/{unit}/sheet.pdf";
    public const string PublicExportCsv = "public/years/{year:int}/export.csv";
    public const string PublicExportJson = "public/years/{year:int}/export.json";
    public const string PublicExportXlsx = "public/years/{year:int}/export.xlsx";

    public const string AgencyUpload = "agency/{year:int}/{unit}/uploads/{kind}/{fileName}";
    public const string AgencyUploads = "agency/{year:int}/{unit}/uploads";
    public const string AgencyUploadStatus = "agency/{year:int}/{unit}/uploads/{sha256}";
    public const string AgencyTemplate = "agency/{year:int}/{unit}/templates/{kind}";
    public const string AgencyValidate = "agency/{year:int}/{unit}/validate/{kind}/{fileName}";

    public const string AdminSchemes = "admin/schemes";
    public const string AdminYears = "admin/years";
    public const string AdminYear = "admin/years/{year:int}";
    public const string AdminUnits = "admin/years/{year:int}/units";
    public const string AdminRound = "admin/years/{year:int}/rounds/{round}";
    public const string AdminRoundClose = "admin/years/{year:int}/rounds/{round}/close";
    public const string AdminUpload = "admin/years/{year:int}/uploads/{kind}/{fileName}";
    public const string AdminUploads = "admin/years/{year:int}/uploads";
    public const string AdminUploadStatus = "admin/years/{year:int}/uploads/{sha256}";
    public const string AdminResults = "admin/years/{year:int}/results";
    public const string AdminDecision = "admin/years/{year:int}/decision";
    public const string AdminDecisionPdf = "admin/years/{year:int}/decision.pdf";
    public const string AdminDecisionJson = "admin/years/{year:int}/decision.json";
    public const string AdminSignedDecision = "admin/years/{year:int}/decision/signed";
    public const string AdminUnitSheet = "admin/years/{year:int}/units/{unit}/sheet.pdf";
    public const string AdminPublish = "admin/years/{year:int}/publish";

    /// <summary>Catch-all for what matches no route (404) or matches one with another method (405), answered as our problems.</summary>
    public const string Fallback = "{*path}";
}
