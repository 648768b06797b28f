using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Api.Contracts;
using ParServerless.Pipeline.Publication;
using F = ParServerless.Pipeline.Api.ApiOperations.Functions;
using R = ParServerless.Pipeline.Api.ApiRoutes;

namespace ParServerless.Functions.Http;

/// <summary>Public, anonymous routes (công khai): only published years are visible (the embargo is in <see cref="PublicApi"/>).</summary>
public sealed class PublicFunctions(PublicApi api)
{
    [Function(F.Health)]
    public static IResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.Health)] HttpRequest req) =>
        HttpReplies.ToResult(req, ApiReply.Json(new HealthView("ok")));

    [Function(F.OpenApi)]
    public static IResult OpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.OpenApi)] HttpRequest req) =>
        HttpReplies.ToResult(req, new ContentReply(OpenApiDocument.Bytes, "application/json; charset=utf-8"));

    [Function(F.PublicYears)]
    public Task<IResult> Years([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.PublicYears)] HttpRequest req, CancellationToken ct) =>
        Serve.Public(req, () => api.YearsAsync(ct));

    [Function(F.PublicYear)]
    public Task<IResult> Year([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.PublicYear)] HttpRequest req, int year, CancellationToken ct) =>
        Serve.Public(req, () => api.YearAsync(year, ct));

    [Function(F.PublicDecisionPdf)]
    public Task<IResult> DecisionPdf([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.PublicDecisionPdf)] HttpRequest req, int year, CancellationToken ct) =>
        Serve.Public(req, () => api.DecisionPdfAsync(year, ct));

    [Function(F.PublicGeneratedDecisionPdf)]
    public Task<IResult> GeneratedDecisionPdf(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.PublicGeneratedDecisionPdf)] HttpRequest req, int year, CancellationToken ct) =>
        Serve.Public(req, () => api.GeneratedDecisionPdfAsync(year, ct));

    [Function(F.PublicDecisionJson)]
    public Task<IResult> DecisionJson([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.PublicDecisionJson)] HttpRequest req, int year, CancellationToken ct) =>
        Serve.Public(req, () => api.DocumentAsync(year, DocumentStore.DecisionJson, "application/json; charset=utf-8", null, ct));

    [Function(F.PublicResults)]
    public Task<IResult> Results([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.PublicResults)] HttpRequest req, int year, CancellationToken ct) =>
        Serve.Public(req, () => api.ResultsAsync(year, HttpInput.Query(req, "group"), ct));

    [Function(F.PublicUnit)]
    public Task<IResult> Unit([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.PublicUnit)] HttpRequest req, int year, string unit, CancellationToken ct) =>
        Serve.Public(req, () => api.DocumentAsync(year, DocumentStore.UnitJson(unit), "application/json; charset=utf-8", null, ct));

    [Function(F.PublicUnitSheet)]
    public Task<IResult> UnitSheet([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.PublicUnitSheet)] HttpRequest req, int year, string unit, CancellationToken ct) =>
        Serve.Public(req, () => api.DocumentAsync(year, DocumentStore.UnitPdf(unit), "application/pdf", $"phieu-ket-qua-{year}-{unit}.pdf", ct));

    [Function(F.PublicExportCsv)]
    public Task<IResult> ExportCsv([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.PublicExportCsv)] HttpRequest req, int year, CancellationToken ct) =>
        Serve.Public(req, () => api.ExportAsync(year, ExportFormat.Csv, ct));

    [Function(F.PublicExportJson)]
    public Task<IResult> ExportJson([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.PublicExportJson)] HttpRequest req, int year, CancellationToken ct) =>
        Serve.Public(req, () => api.ExportAsync(year, ExportFormat.Json, ct));

    [Function(F.PublicExportXlsx)]
    public Task<IResult> ExportXlsx([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.PublicExportXlsx)] HttpRequest req, int year, CancellationToken ct) =>
        Serve.Public(req, () => api.ExportAsync(year, ExportFormat.Xlsx, ct));
}
