using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Publication;
using ParServerless.Pipeline.Registry;
using ParServerless.Pipeline.Storage;

namespace ParServerless.Pipeline;

/// <summary>The composition root of the pipeline: every service as a singleton (the SDK clients are shared and thread-safe).</summary>
public static class PipelineServices
{
    /// <summary>Adds storage, ingestion, publication, the API services and the pages, configured from the app settings.</summary>
    /// <remarks>Time is <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is registered first (tests); likewise
    /// <see cref="PublicationOptions"/> (the benchmark).</remarks>
    public static IServiceCollection AddParServerless(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => StorageClients.FromConfiguration(configuration));
        services.AddSingleton(_ => ApiKeys.FromConfiguration(configuration));
        services.AddSingleton(sp => new StorageSetup(sp.GetRequiredService<StorageClients>(), StorageSetup.IsProvisioned(configuration)));
        services.AddSingleton<SchemeStore>();
        services.AddSingleton<YearStore>();
        services.AddSingleton<UnitStore>();
        services.AddSingleton<UploadStore>();
        services.AddSingleton<RefusalAudit>();
        services.AddSingleton<MarkStore>();
        services.AddSingleton<ResultStore>();
        services.AddSingleton<DocumentStore>();
        services.AddSingleton<IngestionService>();
        services.AddSingleton<YearComputation>();
        services.TryAddSingleton(new PublicationOptions());
        services.AddSingleton<DecisionService>();
        services.AddSingleton<PublicationJobStore>();
        services.AddSingleton<PublicationRequests>();
        services.AddSingleton<PublicationWorker>();
        services.AddSingleton<DecisionTimer>();
        services.AddSingleton<PublishedCache>();
        services.AddSingleton<UploadGateway>();
        services.AddSingleton<PublicApi>();
        services.AddSingleton<AgencyApi>();
        services.AddSingleton<AdminApi>();
        services.AddSingleton<StatusBoard>();
        services.AddSingleton<CouncilTemplates>();
        services.AddSingleton(sp => Pages.PublicOriginLog.Logged(Pages.PublicOrigin.FromConfiguration(configuration), sp));
        services.AddSingleton<Pages.PublicPages>();
        services.AddSingleton<Pages.AgencyDesk>();
        services.AddSingleton<Pages.BoardPage>();
        return services;
    }
}
