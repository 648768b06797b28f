using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ParServerless.Functions.Api;

/// <summary>
/// Routes of the forwarded <c>Api</c> function. The host forwards every request under <c>/api</c> unchanged, so ASP.NET Core
/// routing sees the original path. The OpenAPI document is at <c>/api/openapi/v1.json</c>.
/// </summary>
internal static class ApiRoutes
{
    public const string OpenApiDocument = "/api/openapi/v1.json";

    public static void MapApi(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).WithTags("Health").WithSummary("Liveness; touches no storage");
        app.MapOpenApi("/api/openapi/{documentName}.json");
        PublicEndpoints.Map(api);
        AgencyEndpoints.Map(api);
        AdminEndpoints.Map(api);
        api.MapFallback(() => ApiProblem.NotFound("Không có đường dẫn này trong API.", "No such API route.")).ExcludeFromDescription();
    }
}

/// <summary>The OpenAPI document's texts and the two security schemes.</summary>
internal static class OpenApiSetup
{
    public static void Configure(OpenApiOptions options) => options.AddDocumentTransformer((document, _, _) =>
    {
        document.Info = new OpenApiInfo
        {
            Title = "ParServerless API",
            Version = "v1",
            Description = "Chỉ số cải cách hành chính (PAR INDEX): nộp tệp, quản trị kỳ đánh giá, kết quả công bố. " +
                "Agencies upload with their unit key, Sở Nội vụ administers with the admin key (Authorization: Bearer <key> or X-Par-Key), " +
                "public routes are anonymous and show only published years. Errors are RFC 9457 problems with a stable code and Vietnamese/English texts.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            ["adminKey"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "Sở Nội vụ: the PAR_ADMIN_KEY setting, for /api/admin/* (and any agency route). Also accepted as the X-Par-Key header.",
            },
            ["unitKey"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "Agency: base64url(HMAC-SHA256(PAR_AGENCY_KEY_SECRET, \"par-unit-key/1|\" + unitCode)), for /api/agency/{year}/{unit}/* of that unit only.",
            },
        };
        return Task.CompletedTask;
    });
}
