using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using ParServerless.Functions.Storage;

namespace ParServerless.Functions.Api;

/// <summary>
/// Keys of the API. Admin (Sở Nội vụ): the <c>PAR_ADMIN_KEY</c> setting. Agency: one key per unit,
/// <c>base64url(HMAC-SHA256(PAR_AGENCY_KEY_SECRET, "par-unit-key/1|" + unitCode))</c>, handed to the unit by Sở Nội vụ
/// (admin route <c>GET /api/admin/years/{year}/units</c> lists them). Rotating the secret rotates every unit's key.
/// Presented as <c>Authorization: Bearer &lt;key&gt;</c> or the header <c>X-Par-Key</c>.
/// </summary>
public sealed class ApiKeys(string? adminKey, string? agencySecret)
{
    public const string Header = "X-Par-Key";

    public static ApiKeys FromConfiguration(IConfiguration configuration) =>
        new(configuration[StorageNames.Settings.AdminKey], configuration[StorageNames.Settings.AgencyKeySecret]);

    public bool AdminConfigured => !string.IsNullOrEmpty(adminKey);
    public bool AgencyConfigured => !string.IsNullOrEmpty(agencySecret);

    /// <summary>The unit's upload key; null when no agency secret is configured.</summary>
    public string? UnitKey(string unitCode)
    {
        if (!AgencyConfigured) return null;
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(agencySecret!), Encoding.UTF8.GetBytes("par-unit-key/1|" + unitCode));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public bool IsAdmin(string? presented) => AdminConfigured && presented is not null && FixedEquals(presented, adminKey!);

    public bool IsUnit(string unitCode, string? presented) => presented is not null && UnitKey(unitCode) is { } key && FixedEquals(presented, key);

    /// <summary>The key a request presents, or null.</summary>
    public static string? Presented(HttpRequest request)
    {
        if (request.Headers[Header] is [{ Length: > 0 } key]) return key;
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    private static bool FixedEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}

/// <summary>Endpoint filters that refuse with 401 (no key) or 403 (wrong key), as problem responses.</summary>
internal static class Access
{
    public static TBuilder RequireAdmin<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var keys = context.HttpContext.RequestServices.GetRequiredService<ApiKeys>();
            return Check(context.HttpContext, keys, keys.IsAdmin(ApiKeys.Presented(context.HttpContext.Request)), admin: true) ?? await next(context);
        });

    /// <summary>Agency routes: the key of the unit named in the route, or the admin key (Sở Nội vụ acting for a unit).</summary>
    public static TBuilder RequireUnit<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var keys = http.RequestServices.GetRequiredService<ApiKeys>();
            var presented = ApiKeys.Presented(http.Request);
            var unit = http.Request.RouteValues["unit"] as string ?? "";
            return Check(http, keys, keys.IsAdmin(presented) || keys.IsUnit(unit, presented), admin: false) ?? await next(context);
        });

    private static IResult? Check(HttpContext http, ApiKeys keys, bool allowed, bool admin)
    {
        if (allowed) return null;
        if (ApiKeys.Presented(http.Request) is null)
        {
            http.Response.Headers.WWWAuthenticate = admin ? "Bearer realm=\"par-admin\"" : "Bearer realm=\"par-agency\"";
            return ApiProblem.Of(StatusCodes.Status401Unauthorized, "PAR-A401",
                admin ? "Cần khóa quản trị (Sở Nội vụ) để thực hiện yêu cầu này." : "Cần khóa của đơn vị để thực hiện yêu cầu này.",
                admin ? "This request needs the admin key (Department of Home Affairs)." : "This request needs the unit's key.");
        }
        return admin && !keys.AdminConfigured
            ? ApiProblem.Of(StatusCodes.Status403Forbidden, "PAR-A402",
                "Chức năng quản trị chưa được cấu hình khóa (PAR_ADMIN_KEY).", "Admin routes are disabled: PAR_ADMIN_KEY is not set.")
            : ApiProblem.Of(StatusCodes.Status403Forbidden, "PAR-A403",
                admin ? "Khóa quản trị không đúng." : "Khóa không đúng hoặc không phải của đơn vị này; mỗi đơn vị chỉ nộp tệp của chính mình.",
                admin ? "The admin key is wrong." : "The key is wrong or belongs to another unit; a unit uploads only its own files.");
    }
}
