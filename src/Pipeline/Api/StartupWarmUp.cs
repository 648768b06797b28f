using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ParServerless.Pipeline.Api;

/// <summary>
/// Cold start (issue #14): while the host and a new worker shake hands, a pool thread does what the first public request
/// will do — builds the storage clients and API services, reads the published years, serialises the reply — and drops the
/// result, so that the first request finds that code compiled and the connection to storage open.
/// </summary>
/// <remarks>
/// It does nothing a first request would not do (with storage not yet provisioned, that includes creating what is missing),
/// is bounded by a timeout, and never fails the start: a failure is logged at debug level and the first request does the
/// work itself. On this 2-core machine it brought the first storage-backed answer 34–199 ms earlier in ten rounds out of
/// ten (docs/BENCHMARKS.md); earlier trials under heavy load from other builds had shown no gain.
/// </remarks>
public static class StartupWarmUp
{
    /// <summary>How long the warm-up may wait on storage before giving up.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static readonly Action<ILogger, Exception?> Skipped =
        LoggerMessage.Define(LogLevel.Debug, new EventId(1, "StartupWarmUpSkipped"), "Start-up warm-up skipped; the first request does the work");

    /// <summary>Starts the warm-up on a pool thread and returns at once.</summary>
    public static void Start(IServiceProvider services) => _ = Task.Run(() => RunAsync(services, Timeout));

    /// <summary>The warm-up itself: true when the first request's path ran through, false when it was given up.</summary>
    public static async Task<bool> RunAsync(IServiceProvider services, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            using var cancel = new CancellationTokenSource(timeout);
            var reply = await services.GetRequiredService<PublicApi>().YearsAsync(cancel.Token).ConfigureAwait(false);
            if (reply is JsonReply json) JsonSerializer.SerializeToUtf8Bytes(json.Body, json.BodyType, ApiJson.Options);
            return reply is JsonReply;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (services.GetService<ILoggerFactory>() is { } loggers) Skipped(loggers.CreateLogger(typeof(StartupWarmUp)), e);
            return false;
        }
    }
}
