using System.Globalization;
using System.Text.Json;

namespace ParServerless.DevHost.Configuration;

/// <summary>The parts of host.json the stand-in honours.</summary>
internal sealed record HostConfig
{
    /// <value>The default value is 5, as in the blob extension.</value>
    public const int DefaultPoisonBlobThreshold = 5;

    /// <value>The default value is 8 (the real host uses 8 × processor count).</value>
    public const int DefaultBlobMaxDegreeOfParallelism = 8;

    /// <value>The default value is 5, as in the queues extension.</value>
    public const int DefaultMaxDequeueCount = 5;

    /// <value>The default value is 16, as in the queues extension.</value>
    public const int DefaultQueueBatchSize = 16;

    /// <value>The default value is 1 minute, as in the queues extension.</value>
    public static readonly TimeSpan DefaultQueueMaxPollingInterval = TimeSpan.FromMinutes(1);

    /// <value>The default value is "api".</value>
    public const string DefaultRoutePrefix = "api";

    /// <value>The default is 30 minutes, Flex Consumption's default.</value>
    public static readonly TimeSpan DefaultFunctionTimeout = TimeSpan.FromMinutes(30);

    /// <summary><c>extensions.http.routePrefix</c>, without slashes; empty means routes sit at the root.</summary>
    public string HttpRoutePrefix { get; init; } = DefaultRoutePrefix;

    /// <summary><c>extensions.blobs.poisonBlobThreshold</c>: invocations of one blob version before it is poisoned.</summary>
    public int PoisonBlobThreshold { get; init; } = DefaultPoisonBlobThreshold;

    /// <summary><c>extensions.blobs.maxDegreeOfParallelism</c>.</summary>
    public int BlobMaxDegreeOfParallelism { get; init; } = DefaultBlobMaxDegreeOfParallelism;

    /// <summary><c>extensions.queues.maxDequeueCount</c>: deliveries of one message before it goes to <c>{queue}-poison</c>.</summary>
    public int MaxDequeueCount { get; init; } = DefaultMaxDequeueCount;

    /// <summary><c>extensions.queues.batchSize</c>: messages received at once per queue function.</summary>
    public int QueueBatchSize { get; init; } = DefaultQueueBatchSize;

    /// <summary>
    /// <c>extensions.queues.newBatchThreshold</c>: a new batch is fetched once this few messages are still running; the host's
    /// default is half the batch size (times the processors; the stand-in takes one).
    /// </summary>
    public int QueueNewBatchThreshold { get; init; } = DefaultQueueBatchSize / 2;

    /// <summary><c>extensions.queues.visibilityTimeout</c>: how long a failed message waits before its retry (default none).</summary>
    public TimeSpan QueueRetryDelay { get; init; } = TimeSpan.Zero;

    /// <summary><c>extensions.queues.maxPollingInterval</c>: the longest sleep between two looks at an empty queue.</summary>
    public TimeSpan QueueMaxPollingInterval { get; init; } = DefaultQueueMaxPollingInterval;

    /// <summary><c>functionTimeout</c>.</summary>
    public TimeSpan FunctionTimeout { get; init; } = DefaultFunctionTimeout;

    /// <summary>Reads <c>host.json</c> from the app directory (the worker's build output, the deployment package root).</summary>
    public static HostConfig Load(string appDirectory)
    {
        var path = Path.Combine(appDirectory, "host.json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"host.json not found in {appDirectory}: point --app at the worker's build output (bin/Release/net10.0)", path);
        }

        using var document = JsonConfig.ParseFile(path);
        return Parse(document.RootElement, path);
    }

    public static HostConfig Parse(JsonElement root, string source)
    {
        var version = root.GetString("version");
        if (version != "2.0")
        {
            throw new InvalidDataException($"{source}: \"version\" must be \"2.0\", found {(version is null ? "nothing" : $"\"{version}\"")}");
        }

        var http = root.Get("extensions", "http");
        var blobs = root.Get("extensions", "blobs");
        var timeout = root.GetString("functionTimeout");
        var queues = root.Get("extensions", "queues");
        var batchSize = Positive(queues?.GetInt32("batchSize"), DefaultQueueBatchSize, "extensions.queues.batchSize", source);

        return new HostConfig
        {
            HttpRoutePrefix = (http?.GetString("routePrefix") ?? DefaultRoutePrefix).Trim('/'),
            PoisonBlobThreshold = Positive(blobs?.GetInt32("poisonBlobThreshold"), DefaultPoisonBlobThreshold, "extensions.blobs.poisonBlobThreshold", source),
            BlobMaxDegreeOfParallelism = Positive(blobs?.GetInt32("maxDegreeOfParallelism"), DefaultBlobMaxDegreeOfParallelism, "extensions.blobs.maxDegreeOfParallelism", source),
            MaxDequeueCount = Positive(queues?.GetInt32("maxDequeueCount"), DefaultMaxDequeueCount, "extensions.queues.maxDequeueCount", source),
            QueueBatchSize = batchSize,
            QueueNewBatchThreshold = queues?.GetInt32("newBatchThreshold") is { } threshold
                ? threshold >= 0 ? threshold : throw new InvalidDataException($"{source}: extensions.queues.newBatchThreshold must not be negative, found {threshold}")
                : batchSize / 2,
            QueueRetryDelay = Span(queues?.GetString("visibilityTimeout"), TimeSpan.Zero, "extensions.queues.visibilityTimeout", source, allowZero: true),
            QueueMaxPollingInterval = Span(queues?.GetString("maxPollingInterval"), DefaultQueueMaxPollingInterval, "extensions.queues.maxPollingInterval", source, allowZero: false),
            FunctionTimeout = timeout is null ? DefaultFunctionTimeout
                : TimeSpan.TryParse(timeout, CultureInfo.InvariantCulture, out var parsed) && parsed > TimeSpan.Zero ? parsed
                : throw new InvalidDataException($"{source}: functionTimeout \"{timeout}\" is not a positive hh:mm:ss time span"),
        };
    }

    private static TimeSpan Span(string? text, TimeSpan fallback, string name, string source, bool allowZero) =>
        text is null ? fallback
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var parsed) && (parsed > TimeSpan.Zero || (allowZero && parsed == TimeSpan.Zero)) ? parsed
        : throw new InvalidDataException($"{source}: {name} \"{text}\" is not a {(allowZero ? "non-negative" : "positive")} hh:mm:ss time span");

    private static int Positive(int? value, int fallback, string name, string source) => value switch
    {
        null => fallback,
        > 0 => value.Value,
        _ => throw new InvalidDataException($"{source}: {name} must be a positive integer, found {value}"),
    };
}
