using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Api.Contracts;
using ParServerless.Pipeline.Publication;
using F = ParServerless.Pipeline.Api.ApiOperations.Functions;
using R = ParServerless.Pipeline.Api.ApiRoutes;

namespace ParServerless.Functions.Http;

/// <summary>Sở Nội vụ's routes (quản trị), all needing the admin key. One function per route; PUT and GET share a route's function.</summary>
public sealed class AdminFunctions(AdminApi api, ApiKeys keys)
{
    [Function(F.AdminSchemes)]
    public Task<IResult> Schemes([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "put", Route = R.AdminSchemes)] HttpRequest req, CancellationToken ct) =>
        Serve.Admin(req, keys, () => HttpMethods.IsPut(req.Method)
            ? HttpInput.WithJsonTextAsync(req, json => api.PutSchemeAsync(json, ct), ct)
            : api.SchemesAsync(ct));

    [Function(F.AdminYears)]
    public Task<IResult> Years([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.AdminYears)] HttpRequest req, CancellationToken ct) =>
        Serve.Admin(req, keys, () => api.YearsAsync(ct));

    [Function(F.AdminYear)]
    public Task<IResult> Year([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "put", Route = R.AdminYear)] HttpRequest req, int year, CancellationToken ct) =>
        Serve.Admin(req, keys, () => HttpMethods.IsPut(req.Method)
            ? HttpInput.WithJsonAsync<YearRequest>(req, body => api.PutYearAsync(year, body, ct), ct)
            : api.YearAsync(year, ct));

    [Function(F.AdminUnits)]
    public Task<IResult> Units([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "put", Route = R.AdminUnits)] HttpRequest req, int year, CancellationToken ct) =>
        Serve.Admin(req, keys, () => HttpMethods.IsPut(req.Method)
            ? HttpInput.WithJsonAsync<UnitRequest[]>(req, body => api.PutUnitsAsync(year, body, ct), ct)
            : api.UnitsAsync(year, ct));

    [Function(F.AdminRound)]
    public Task<IResult> Round([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = R.AdminRound)] HttpRequest req, int year, string round, CancellationToken ct) =>
        Serve.Admin(req, keys, () => HttpInput.WithJsonAsync<RoundRequest>(req, body => api.PutRoundAsync(year, round, body, ct), ct));

    [Function(F.AdminRoundClose)]
    public Task<IResult> CloseRound([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = R.AdminRoundClose)] HttpRequest req, int year, string round, CancellationToken ct) =>
        Serve.Admin(req, keys, () => api.CloseRoundAsync(year, round, ct));

    [Function(F.AdminUpload)]
    public Task<IResult> Upload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = R.AdminUpload)] HttpRequest req, int year, string kind, string fileName, CancellationToken ct) =>
        Serve.Admin(req, keys, () => api.UploadAsync(year, kind, fileName, HttpInput.QueryInt(req, "round"), HttpInput.Query(req, "unit"), req.Body, req.ContentLength, ct));

    [Function(F.AdminUploads)]
    public Task<IResult> Uploads([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.AdminUploads)] HttpRequest req, int year, CancellationToken ct) =>
        Serve.Admin(req, keys, () => api.UploadsAsync(year, HttpInput.Query(req, "unit"), ct));

    [Function(F.AdminUploadStatus)]
    public Task<IResult> UploadStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.AdminUploadStatus)] HttpRequest req, int year, string sha256, CancellationToken ct) =>
        Serve.Admin(req, keys, () => api.UploadStatusAsync(year, sha256, ct));

    [Function(F.AdminResults)]
    public Task<IResult> Results([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.AdminResults)] HttpRequest req, int year, CancellationToken ct) =>
        Serve.Admin(req, keys, () => api.PreviewAsync(year, ct));

    [Function(F.AdminDecision)]
    public Task<IResult> Decision([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = R.AdminDecision)] HttpRequest req, int year, CancellationToken ct) =>
        Serve.Admin(req, keys, () => api.GenerateAsync(year, publish: false, ct));

    [Function(F.AdminDecisionPdf)]
    public Task<IResult> DecisionPdf([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.AdminDecisionPdf)] HttpRequest req, int year, CancellationToken ct) =>
        Serve.Admin(req, keys, () => api.DraftAsync(year, DocumentStore.DecisionPdf, "application/pdf", ct));

    [Function(F.AdminDecisionJson)]
    public Task<IResult> DecisionJson([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.AdminDecisionJson)] HttpRequest req, int year, CancellationToken ct) =>
        Serve.Admin(req, keys, () => api.DraftAsync(year, DocumentStore.DecisionJson, "application/json; charset=utf-8", ct));

    [Function(F.AdminUnitSheet)]
    public Task<IResult> UnitSheet(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.AdminUnitSheet)] HttpRequest req, int year, string unit, CancellationToken ct) =>
        Serve.Admin(req, keys, () => api.DraftAsync(year, DocumentStore.UnitPdf(unit), "application/pdf", ct));

    [Function(F.AdminSignedDecision)]
    public Task<IResult> SignedDecision([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = R.AdminSignedDecision)] HttpRequest req, int year, CancellationToken ct) =>
        Serve.Admin(req, keys, () => api.UploadSignedAsync(year, req.Body, req.ContentLength, ct));

    [Function(F.AdminPublish)]
    public Task<IResult> Publish([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = R.AdminPublish)] HttpRequest req, int year, CancellationToken ct) =>
        Serve.Admin(req, keys, () => api.GenerateAsync(year, publish: true, ct));

    [Function(F.AdminPublications)]
    public Task<IResult> Publications([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.AdminPublications)] HttpRequest req, int year, CancellationToken ct) =>
        Serve.Admin(req, keys, () => api.PublicationsAsync(year, ct));

    [Function(F.AdminPublication)]
    public Task<IResult> Publication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.AdminPublication)] HttpRequest req, int year, string id, CancellationToken ct) =>
        Serve.Admin(req, keys, () => api.PublicationAsync(year, id, ct));
}
