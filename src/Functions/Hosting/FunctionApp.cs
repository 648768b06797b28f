using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParServerless.Functions.Api;
using ParServerless.Functions.Ingestion;
using ParServerless.Functions.Publication;
using ParServerless.Functions.Registry;
using ParServerless.Functions.Storage;

namespace ParServerless.Functions.Hosting;

/// <summary>Builds the handler: Kestrel on the host's port, the services, and the routes of every function.</summary>
public static class FunctionApp
{
    /// <summary>All blob-triggered functions; each folder's function.json must agree (a test checks).</summary>
    internal static IReadOnlyList<BlobFunction> BlobFunctions { get; } =
    [
        IngestSubmission.Function, IngestExplanation.Function, IngestAppraisal.Function,
        IngestSurvey.Function, IngestAdjustment.Function, IngestHistory.Function,
    ];

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // The host names the port; listen on loopback only, as the contract says. Without it (tests) Kestrel's defaults apply.
        if ((builder.Configuration["FUNCTIONS_CUSTOMHANDLER_PORT"] ?? builder.Configuration["FUNCTIONS_HTTPWORKER_PORT"]) is { Length: > 0 } port)
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        AddServices(builder.Services, builder.Configuration);
        configure?.Invoke(builder);
        return builder.Build();
    }

    internal static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => StorageClients.FromConfiguration(configuration));
        services.AddSingleton<StorageSetup>();
        services.AddSingleton<SchemeStore>();
        services.AddSingleton<YearStore>();
        services.AddSingleton<UnitStore>();
        services.AddSingleton<UploadStore>();
        services.AddSingleton<MarkStore>();
        services.AddSingleton<ResultStore>();
        services.AddSingleton<DocumentStore>();
        services.AddSingleton<IngestionService>();
        services.AddSingleton<YearComputation>();
        services.AddSingleton<DecisionService>();
        services.AddSingleton<PublishedCache>();
        services.AddSingleton<UploadGateway>();
        services.AddSingleton(_ => ApiKeys.FromConfiguration(configuration));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ApiProblem.AddCode);
        services.AddOpenApi("v1", OpenApiSetup.Configure);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        });
    }

    public static void MapFunctions(this WebApplication app)
    {
        app.UseExceptionHandler(ApiErrors.Handle);
        app.UseStatusCodePages();
        // Readiness: the host polls this every 25 ms until it answers; it must not touch storage.
        app.MapGet("/", () => Results.Text("ParServerless handler")).ExcludeFromDescription();
        foreach (var function in BlobFunctions)
            app.MapPost("/" + function.Name, function.InvokeAsync).ExcludeFromDescription();
        app.MapPost("/" + GenerateDecision.Name, GenerateDecision.InvokeAsync).ExcludeFromDescription();
        app.MapApi();
    }
}
