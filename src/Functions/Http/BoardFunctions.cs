using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Pages;
using F = ParServerless.Pipeline.Api.ApiOperations.Functions;
using PF = ParServerless.Pipeline.Pages.PageRoutes.Functions;
using P = ParServerless.Pipeline.Pages.PageRoutes;
using R = ParServerless.Pipeline.Api.ApiRoutes;

namespace ParServerless.Functions.Http;

/// <summary>
/// Sở Nội vụ's status board: its API route, the council's group templates, and the board page (<see cref="BoardPage"/>), whose
/// admin key travels once in the sign-in form's body and then lives in an HttpOnly, SameSite=Strict cookie scoped to the board.
/// </summary>
public sealed class BoardFunctions(StatusBoard board, CouncilTemplates templates, BoardPage page, ApiKeys keys)
{
    [Function(F.AdminBoard)]
    public Task<IResult> Board([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.AdminBoard)] HttpRequest req, int year, CancellationToken ct) =>
        Serve.Admin(req, keys, () => board.BoardAsync(year, ct));

    [Function(F.AdminTemplate)]
    public Task<IResult> Template(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = R.AdminTemplate)] HttpRequest req, int year, string kind, CancellationToken ct) =>
        Serve.Admin(req, keys, () => templates.TemplateAsync(year, kind, HttpInput.Query(req, "group"), HttpInput.QueryInt(req, "round"),
            HttpInput.Query(req, "format"), ct));

    [Function(PF.PageBoard)]
    public async Task<IResult> Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = P.Board)] HttpRequest req, int year, CancellationToken ct) =>
        PageFunctions.Html(req, SignedIn(req) ? await page.BoardAsync(year, null, ct).ConfigureAwait(false) : BoardPage.SignIn(year));

    [Function(PF.PageBoardSignIn)]
    public async Task<IResult> SignIn([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = P.BoardSignIn)] HttpRequest req, int year, CancellationToken ct)
    {
        var key = (await req.ReadFormAsync(ct).ConfigureAwait(false))["khoa"].ToString().Trim();
        if (!keys.IsAdmin(key)) return PageFunctions.Html(req, BoardPage.SignIn(year, "Khóa quản trị không đúng."));
        req.HttpContext.Response.Cookies.Append(BoardPage.Cookie, key, CookieOptions(req, year));
        return Results.Redirect(P.BoardPath(year));
    }

    [Function(PF.PageBoardSignOut)]
    public static IResult SignOut([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = P.BoardSignOut)] HttpRequest req, int year)
    {
        req.HttpContext.Response.Cookies.Delete(BoardPage.Cookie, CookieOptions(req, year));
        return Results.Redirect(P.BoardPath(year));
    }

    [Function(PF.PageBoardPublish)]
    public async Task<IResult> Publish([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = P.BoardPublish)] HttpRequest req, int year, CancellationToken ct)
    {
        if (!SignedIn(req)) return Results.Redirect(P.BoardPath(year));
        var confirmed = (await req.ReadFormAsync(ct).ConfigureAwait(false))[BoardPage.ConfirmField].ToString() == "co";
        var answer = await page.PublishAsync(year, confirmed, ct).ConfigureAwait(false);
        return PageFunctions.Html(req, await page.BoardAsync(year, answer, ct).ConfigureAwait(false));
    }

    private bool SignedIn(HttpRequest req) => keys.IsAdmin(req.Cookies[BoardPage.Cookie]);

    private static CookieOptions CookieOptions(HttpRequest req, int year) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = req.IsHttps,
        Path = P.BoardPath(year),
        IsEssential = true,
    };
}
