using System.Globalization;
using System.Text.Json;

namespace ParServerless.DevHost.Configuration;

/// <summary>The custom handler's launch description from host.json (<c>customHandler.description</c>).</summary>
/// <param name="DefaultExecutablePath">Relative to the script root, e.g. <c>handler/ParServerless.Functions</c>.</param>
/// <param name="WorkingDirectory">Relative to the script root; the script root when absent.</param>
internal sealed record CustomHandlerDescription(string? DefaultExecutablePath, string? WorkingDirectory, IReadOnlyList<string> Arguments);

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

    public CustomHandlerDescription Handler { get; init; } = new(null, null, []);

    /// <summary><c>customHandler.enableForwardingHttpRequest</c>.</summary>
    public bool EnableForwardingHttpRequest { get; init; }

    /// <summary><c>extensions.http.routePrefix</c>, without slashes; empty means routes sit at the root.</summary>
    public string HttpRoutePrefix { get; init; } = DefaultRoutePrefix;

    /// <summary><c>extensions.blobs.poisonBlobThreshold</c>: invocations of one blob version before it is poisoned.</summary>
    public int PoisonBlobThreshold { get; init; } = DefaultPoisonBlobThreshold;

    /// <summary><c>extensions.blobs.maxDegreeOfParallelism</c>.</summary>
    public int BlobMaxDegreeOfParallelism { get; init; } = DefaultBlobMaxDegreeOfParallelism;

    /// <summary><c>functionTimeout</c>.</summary>
    public TimeSpan FunctionTimeout { get; init; } = DefaultFunctionTimeout;

    public static HostConfig Parse(JsonElement root, string source)
    {
        var version = root.GetString("version");
        if (version != "2.0")
        {
            throw new InvalidDataException($"{source}: \"version\" must be \"2.0\", found {(version is null ? "nothing" : $"\"{version}\"")}");
        }

        var description = root.Get("customHandler", "description");
        var handler = description is { } d
            ? new CustomHandlerDescription(
                d.GetString("defaultExecutablePath"),
                d.GetString("workingDirectory"),
                d.TryGet("arguments", out var args) && args.ValueKind == JsonValueKind.Array
                    ? [.. args.EnumerateArray().Select(a => a.GetString() ?? "")]
                    : [])
            : new CustomHandlerDescription(null, null, []);

        var forwarding = root.Get("customHandler") is { } customHandler && customHandler.GetBoolean("enableForwardingHttpRequest") == true;
        var http = root.Get("extensions", "http");
        var blobs = root.Get("extensions", "blobs");
        var timeout = root.GetString("functionTimeout");

        return new HostConfig
        {
            Handler = handler,
            EnableForwardingHttpRequest = forwarding,
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
