using System.Text.Json;

namespace ParServerless.DevHost.Configuration;

/// <summary>Direction of a binding.</summary>
internal enum BindingDirection
{
    Invalid = 0,
    In = 1,
    Out = 2,
    InOut = 3,
}

/// <summary>One raw binding of a function (the JSON a function.json <c>bindings</c> entry would hold), with the properties the stand-in reads.</summary>
/// <remarks>Values are kept as written: <c>%SETTING%</c> tokens are resolved by the trigger that uses them, as the host does at listener start.</remarks>
internal sealed record BindingDefinition
{
    public const string BlobTrigger = "blobTrigger";
    public const string TimerTrigger = "timerTrigger";
    public const string QueueTrigger = "queueTrigger";
    public const string HttpTrigger = "httpTrigger";
    public const string Http = "http";

    public required string Type { get; init; }
    public required BindingDirection Direction { get; init; }
    public required string Name { get; init; }

    /// <summary>Blob path pattern, e.g. <c>submissions/{year}/{unit}/{name}</c>.</summary>
    public string? Path { get; init; }

    /// <summary>Queue name of a queue trigger, or a <c>%SETTING%</c> holding one.</summary>
    public string? QueueName { get; init; }

    /// <summary>Name of the app setting holding the storage connection; <c>AzureWebJobsStorage</c> when absent.</summary>
    public string? Connection { get; init; }

    /// <summary><c>binary</c>, <c>string</c> or <c>stream</c>.</summary>
    public string? DataType { get; init; }

    /// <summary>Blob trigger source: <c>EventGrid</c> or <c>LogsAndContainerScan</c> (the stand-in always polls).</summary>
    public string? Source { get; init; }

    /// <summary>Six-field NCRONTAB schedule, or a <c>%SETTING%</c> holding one.</summary>
    public string? Schedule { get; init; }

    public bool? UseMonitor { get; init; }
    public bool RunOnStartup { get; init; }

    /// <summary>HTTP route template; the function name when absent.</summary>
    public string? Route { get; init; }

    /// <summary>Allowed HTTP methods; every method when empty.</summary>
    public IReadOnlyList<string> Methods { get; init; } = [];

    public string? AuthLevel { get; init; }

    public bool IsTrigger => Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase);

    public bool Is(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    public static BindingDefinition Parse(JsonElement element, string source)
    {
        var type = element.GetString("type");
        var name = element.GetString("name");
        if (string.IsNullOrWhiteSpace(type) || string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidDataException($"{source}: every binding needs a \"type\" and a \"name\"");
        }

        var direction = element.GetString("direction")?.ToUpperInvariant() switch
        {
            "IN" => BindingDirection.In,
            "OUT" => BindingDirection.Out,
            "INOUT" => BindingDirection.InOut,
            var other => throw new InvalidDataException($"{source}: binding \"{name}\" has direction \"{other}\"; expected in, out or inout"),
        };

        return new BindingDefinition
        {
            Type = type,
            Direction = direction,
            Name = name,
            Path = element.GetString("path"),
            QueueName = element.GetString("queueName"),
            Connection = element.GetString("connection"),
            DataType = element.GetString("dataType"),
            Source = element.GetString("source"),
            Schedule = element.GetString("schedule"),
            UseMonitor = element.GetBoolean("useMonitor"),
            RunOnStartup = element.GetBoolean("runOnStartup") ?? false,
            Route = element.GetString("route"),
            Methods = element.TryGet("methods", out var methods) && methods.ValueKind == JsonValueKind.Array
                ? [.. methods.EnumerateArray().Select(m => (m.GetString() ?? "").ToUpperInvariant())]
                : [],
            AuthLevel = element.GetString("authLevel"),
        };
    }
}
