using System.Text.Json;
using ParServerless.DevHost.Rpc;

namespace ParServerless.DevHost.Configuration;

/// <summary>Which kind of trigger starts a function.</summary>
internal enum TriggerKind
{
    Unsupported = 0,
    Blob = 1,
    Timer = 2,
    Http = 3,
    Queue = 4,
}

/// <summary>
/// A function as the worker indexed it (<c>FunctionMetadataResponse</c>): its name, the worker's function id, and its bindings read
/// from <c>raw_bindings</c>, the same JSON a function.json would hold.
/// </summary>
/// <param name="Name">The function name (<c>[Function("…")]</c>).</param>
/// <param name="WorkerFunctionId">The id the worker gave it; invocations name it.</param>
/// <param name="Metadata">The worker's metadata, sent back unchanged in <c>FunctionLoadRequest</c>.</param>
internal sealed record FunctionDefinition(string Name, string WorkerFunctionId, IReadOnlyList<BindingDefinition> Bindings, RpcFunctionMetadata Metadata)
{
    /// <summary>The id the real host gives the function in receipts, poison messages and timer status: <c>Host.Functions.{Name}</c>.</summary>
    public string Id => "Host.Functions." + Name;

    public BindingDefinition Trigger => Bindings.Single(b => b.IsTrigger);

    public TriggerKind TriggerKind => Trigger switch
    {
        var t when t.Is(BindingDefinition.BlobTrigger) => TriggerKind.Blob,
        var t when t.Is(BindingDefinition.TimerTrigger) => TriggerKind.Timer,
        var t when t.Is(BindingDefinition.HttpTrigger) => TriggerKind.Http,
        var t when t.Is(BindingDefinition.QueueTrigger) => TriggerKind.Queue,
        _ => TriggerKind.Unsupported,
    };

    /// <summary>Reads one entry of the worker's metadata.</summary>
    /// <exception cref="InvalidDataException">A raw binding is not JSON, or the function has not exactly one trigger.</exception>
    public static FunctionDefinition FromMetadata(RpcFunctionMetadata metadata)
    {
        var source = $"function {metadata.Name}";
        var bindings = new List<BindingDefinition>();
        foreach (var raw in metadata.RawBindings)
        {
            try
            {
                using var document = JsonDocument.Parse(raw, JsonConfig.DocumentOptions);
                bindings.Add(BindingDefinition.Parse(document.RootElement, source));
            }
            catch (JsonException exception)
            {
                throw new InvalidDataException($"{source}: raw binding is not JSON: {raw}", exception);
            }
        }

        var triggers = bindings.Count(b => b.IsTrigger);
        if (triggers != 1)
        {
            throw new InvalidDataException($"{source}: a function needs exactly one trigger binding, found {triggers}");
        }

        return new FunctionDefinition(metadata.Name, metadata.FunctionId, bindings, metadata);
    }
}

/// <summary>host.json plus every function the worker indexed.</summary>
internal sealed record FunctionApp(HostConfig Host, IReadOnlyList<FunctionDefinition> Functions)
{
    public FunctionDefinition? Find(string name) =>
        Functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
