using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Pages;
using F = ParServerless.Pipeline.Pages.PageRoutes.Functions;
using P = ParServerless.Pipeline.Pages.PageRoutes;

namespace ParServerless.Functions.Http;

/// <summary>
/// The agency's upload desk (<see cref="AgencyDesk"/>). The unit key travels once, in the sign-in form's body, and then lives
/// in an HttpOnly, SameSite=Strict cookie scoped to the desk: never in a URL, never readable by script, never sent cross-site.
/// </summary>
public sealed class DeskFunctions(AgencyDesk desk, ApiKeys keys)
{
    [Function(F.PageDesk)]
    public async Task<IResult> Desk([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = P.Desk)] HttpRequest req, int year, CancellationToken ct) =>
        Unit(req) is { } unit
            ? PageFunctions.Html(req, await desk.DeskAsync(year, unit, null, ct).ConfigureAwait(false))
            : PageFunctions.Html(req, AgencyDesk.SignIn(year));

    [Function(F.PageDeskSignIn)]
    public async Task<IResult> SignIn([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = P.DeskSignIn)] HttpRequest req, int year, CancellationToken ct)
    {
        var form = await req.ReadFormAsync(ct).ConfigureAwait(false);
        var unit = form["don-vi"].ToString().Trim();
        var key = form["khoa"].ToString().Trim();
        if (unit.Length == 0 || !keys.IsUnit(unit, key))
            return PageFunctions.Html(req, AgencyDesk.SignIn(year, "Mã đơn vị hoặc khóa không đúng."));
        req.HttpContext.Response.Cookies.Append(AgencyDesk.Cookie, unit + "|" + key, CookieOptions(req, year));
        return Results.Redirect(P.DeskPath(year));
    }

    [Function(F.PageDeskSignOut)]
    public static IResult SignOut([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = P.DeskSignOut)] HttpRequest req, int year)
    {
        req.HttpContext.Response.Cookies.Delete(AgencyDesk.Cookie, CookieOptions(req, year));
        return Results.Redirect(P.DeskPath(year));
    }

    [Function(F.PageDeskCheck)]
    public Task<IResult> Check([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = P.DeskCheck)] HttpRequest req, int year, CancellationToken ct) =>
        WithFile(req, year, (unit, kind, file) => desk.CheckAsync(year, unit, kind, file.FileName, file.OpenReadStream(), file.Length, ct), ct);

    [Function(F.PageDeskSend)]
    public Task<IResult> Send([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = P.DeskSend)] HttpRequest req, int year, CancellationToken ct) =>
        WithFile(req, year, (unit, kind, file) => desk.SendAsync(year, unit, kind, file.FileName, file.OpenReadStream(), file.Length, ct), ct);

    [Function(F.PageDeskTemplate)]
    public async Task<IResult> Template(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = P.DeskTemplate)] HttpRequest req, int year, string kind, CancellationToken ct) =>
        Unit(req) is { } unit
            ? HttpReplies.ToResult(req, await desk.TemplateAsync(year, unit, kind, HttpInput.Query(req, "format"), ct).ConfigureAwait(false))
            : Results.Redirect(P.DeskPath(year));

    private async Task<IResult> WithFile(HttpRequest req, int year, Func<string, string, IFormFile, Task<string>> run, CancellationToken ct)
    {
        if (Unit(req) is not { } unit) return Results.Redirect(P.DeskPath(year));
        var form = await req.ReadFormAsync(ct).ConfigureAwait(false);
        var result = form.Files["tep"] is { Length: > 0 } file
            ? await run(unit, form["loai"].ToString(), file).ConfigureAwait(false)
            : "<p class=\"note\" role=\"alert\">Chưa chọn tệp.</p>\n";
        return PageFunctions.Html(req, await desk.DeskAsync(year, unit, result, ct).ConfigureAwait(false));
    }

    /// <summary>The signed-in unit, when the cookie's key is still that unit's key.</summary>
    private string? Unit(HttpRequest req) =>
        req.Cookies[AgencyDesk.Cookie] is { } value && value.Split('|', 2) is [var unit, var key] && keys.IsUnit(unit, key) ? unit : null;

    private static CookieOptions CookieOptions(HttpRequest req, int year) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = req.IsHttps,
        Path = P.DeskPath(year),
        IsEssential = true,
    };
}
