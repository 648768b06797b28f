using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using ParServerless.Pipeline.Api;
using F = ParServerless.Pipeline.Api.ApiOperations.Functions;
using R = ParServerless.Pipeline.Api.ApiRoutes;

namespace ParServerless.Functions.Http;

/// <summary>Sở Nội vụ's status board and the council's group templates (admin key).</summary>
public sealed class BoardFunctions(StatusBoard board, CouncilTemplates templates, ApiKeys keys)
{
    [Function(F.AdminBoard)]
    public Task<IResult> Board([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.AdminBoard)] HttpRequest req, int year, CancellationToken ct) =>
        Serve.Admin(req, keys, () => board.BoardAsync(year, ct));

    [Function(F.AdminTemplate)]
    public Task<IResult> Template(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.AdminTemplate)] HttpRequest req, int year, string kind, CancellationToken ct) =>
        Serve.Admin(req, keys, () => templates.TemplateAsync(year, kind, HttpInput.Query(req, "group"), HttpInput.QueryInt(req, "round"),
            HttpInput.Query(req, "format"), ct));
}
