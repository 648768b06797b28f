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

        return new HostConfig
        {
            HttpRoutePrefix = (http?.GetString("routePrefix") ?? DefaultRoutePrefix).Trim('/'),
            PoisonBlobThreshold = Positive(blobs?.GetInt32("poisonBlobThreshold"), DefaultPoisonBlobThreshold, "extensions.blobs.poisonBlobThreshold", source),
            BlobMaxDegreeOfParallelism = Positive(blobs?.GetInt32("maxDegreeOfParallelism"), DefaultBlobMaxDegreeOfParallelism, "extensions.blobs.maxDegreeOfParallelism", source),
            FunctionTimeout = timeout is null ? DefaultFunctionTimeout
                : TimeSpan.TryParse(timeout, CultureInfo.InvariantCulture, out var parsed) && parsed > TimeSpan.Zero ? parsed
                : throw new InvalidDataException($"{source}: functionTimeout \"{timeout}\" is not a positive hh:mm:ss time span"),
        };
    }

    private static int Positive(int? value, int fallback, string name, string source) => value switch
    {
        null => fallback,
        > 0 => value.Value,
        _ => throw new InvalidDataException($"{source}: {name} must be a positive integer, found {value}"),
    };
}
