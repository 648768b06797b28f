using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using ParServerless.Pipeline.Api;
using F = ParServerless.Pipeline.Api.ApiOperations.Functions;
using R = ParServerless.Pipeline.Api.ApiRoutes;

namespace ParServerless.Functions.Http;

/// <summary>Agency routes (đơn vị): the unit's own key, or the admin key (Sở Nội vụ acting for the unit).</summary>
public sealed class AgencyFunctions(AgencyApi api, ApiKeys keys)
{
    [Function(F.AgencyUpload)]
    public Task<IResult> Upload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = R.AgencyUpload)] HttpRequest req, int year, string unit, string kind, string fileName, CancellationToken ct) =>
        Serve.Unit(req, keys, unit, () => api.UploadAsync(year, unit, kind, fileName, req.Body, req.ContentLength,
            keys.IsAdmin(HttpInput.Key(req)) ? "admin" : unit, ct));

    [Function(F.AgencyUploads)]
    public Task<IResult> Uploads([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.AgencyUploads)] HttpRequest req, int year, string unit, CancellationToken ct) =>
        Serve.Unit(req, keys, unit, () => api.UploadsAsync(year, unit, ct));

    [Function(F.AgencyUploadStatus)]
    public Task<IResult> UploadStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.AgencyUploadStatus)] HttpRequest req, int year, string unit, string sha256, CancellationToken ct) =>
        Serve.Unit(req, keys, unit, () => api.StatusAsync(year, unit, sha256, ct));

    [Function(F.AgencyTemplate)]
    public Task<IResult> Template(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.AgencyTemplate)] HttpRequest req, int year, string unit, string kind, CancellationToken ct) =>
        Serve.Unit(req, keys, unit, () => api.TemplateAsync(year, unit, kind, HttpInput.Query(req, "format"), ct));

    [Function(F.AgencyValidate)]
    public Task<IResult> Validate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = R.AgencyValidate)] HttpRequest req, int year, string unit, string kind, string fileName, CancellationToken ct) =>
        Serve.Unit(req, keys, unit, () => api.ValidateAsync(year, unit, kind, fileName, req.Body, req.ContentLength, ct));
}
