using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using ParServerless.Pipeline.Problems;
using ParServerless.Pipeline.Storage;

namespace ParServerless.Pipeline.Api;

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

    /// <summary>The key a request presents: the <c>X-Par-Key</c> header, else a bearer token; null when neither.</summary>
    public static string? Presented(string? parKeyHeader, string? authorizationHeader)
    {
        if (!string.IsNullOrEmpty(parKeyHeader)) return parKeyHeader;
        var authorization = authorizationHeader ?? "";
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    /// <summary>Admin routes: null when the admin key is presented, else the refusal (401 without a key, 403 with a wrong one).</summary>
    public RefusalReply? RequireAdmin(string? presented)
    {
        if (IsAdmin(presented)) return null;
        if (presented is null) return ApiReply.Refuse(PipelineProblems.AdminKeyNeeded(), "Bearer realm=\"par-admin\"");
        return ApiReply.Refuse(AdminConfigured ? PipelineProblems.WrongAdminKey() : PipelineProblems.AdminDisabled());
    }

    /// <summary>Agency routes: the key of the unit named in the route, or the admin key (Sở Nội vụ acting for a unit).</summary>
    public RefusalReply? RequireUnit(string unitCode, string? presented)
    {
        if (IsAdmin(presented) || IsUnit(unitCode, presented)) return null;
        return presented is null
            ? ApiReply.Refuse(PipelineProblems.UnitKeyNeeded(), "Bearer realm=\"par-agency\"")
            : ApiReply.Refuse(PipelineProblems.WrongUnitKey());
    }

    private static bool FixedEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
