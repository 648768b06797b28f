using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Publication;
using ParServerless.Pipeline.Registry;
using ParServerless.Pipeline.Storage;

namespace ParServerless.Pipeline;

/// <summary>The composition root of the pipeline: every service as a singleton (the SDK clients are shared and thread-safe).</summary>
public static partial class PipelineServices
{
    /// <summary>Adds storage, ingestion, publication, the API services and the pages, configured from the app settings.</summary>
    /// <remarks>Time is <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is registered first (tests); likewise
    /// <see cref="PublicationOptions"/> (the benchmark).</remarks>
    public static IServiceCollection AddParServerless(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => StorageClients.FromConfiguration(configuration));
        services.AddSingleton(_ => ApiKeys.FromConfiguration(configuration));
        services.AddSingleton<StorageSetup>();
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
        services.AddSingleton<Pages.PublicPages>();
        services.AddSingleton<Pages.AgencyDesk>();
        services.AddSingleton<Pages.BoardPage>();
        return services;
    }

    /// <summary>
    /// Starts, in the background, what the first storage-backed request would otherwise do before it can answer: building the
    /// SDK clients and checking the containers and tables (<see cref="StorageSetup"/>). It overlaps the host's handshake and
    /// function loading instead of following them (issue #14, cold start).
    /// </summary>
    /// <remarks>Start-up never waits on it, and a failure is only logged: the first request that needs storage tries again.</remarks>
    public static void WarmUpInBackground(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _ = Task.Run(async () =>
        {
            try
            {
                await services.GetRequiredService<StorageSetup>().EnsureAsync(CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // a failed warm-up is retried by the first request that needs storage, which reports it
            catch (Exception e)
#pragma warning restore CA1031
            {
                services.GetService<ILoggerFactory>()?.CreateLogger(typeof(PipelineServices)).LogStorageWarmUpFailed(e);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage warm-up failed; the first request that needs storage tries again")]
    private static partial void LogStorageWarmUpFailed(this ILogger logger, Exception exception);
}
