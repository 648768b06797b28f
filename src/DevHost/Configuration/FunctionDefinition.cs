using System.Text.Json;

namespace ParServerless.DevHost.Configuration;

/// <summary>Which kind of trigger starts a function.</summary>
internal enum TriggerKind
{
    Unsupported = 0,
    Blob = 1,
    Timer = 2,
    Http = 3,
}

/// <summary>A function as declared by <c>&lt;FunctionName&gt;/function.json</c>.</summary>
/// <param name="Name">The folder name, which is the function name and the handler route (<c>POST /{Name}</c>).</param>
internal sealed record FunctionDefinition(string Name, string Directory, IReadOnlyList<BindingDefinition> Bindings, bool Disabled)
{
    /// <summary>The id the real host gives the function in receipts, poison messages and timer status: <c>Host.Functions.{Name}</c>.</summary>
    public string Id => "Host.Functions." + Name;

    public BindingDefinition Trigger => Bindings.Single(b => b.IsTrigger);

    public TriggerKind TriggerKind => Trigger switch
    {
        var t when t.Is(BindingDefinition.BlobTrigger) => TriggerKind.Blob,
        var t when t.Is(BindingDefinition.TimerTrigger) => TriggerKind.Timer,
        var t when t.Is(BindingDefinition.HttpTrigger) => TriggerKind.Http,
        _ => TriggerKind.Unsupported,
    };

    /// <summary>
    /// True when the host forwards the original HTTP request to the handler instead of a JSON payload:
    /// <c>enableForwardingHttpRequest</c> applies only to a function whose bindings are exactly one httpTrigger in and one http out.
    /// </summary>
    public bool IsForwardableHttp =>
        Bindings.Count == 2
        && Bindings.Count(b => b.Is(BindingDefinition.HttpTrigger) && b.Direction == BindingDirection.In) == 1
        && Bindings.Count(b => b.Is(BindingDefinition.Http) && b.Direction == BindingDirection.Out) == 1;

    public static FunctionDefinition Parse(string name, string directory, JsonElement root, string source)
    {
        if (!root.TryGet("bindings", out var bindings) || bindings.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{source}: \"bindings\" must be an array");
        }

        var parsed = bindings.EnumerateArray().Select(b => BindingDefinition.Parse(b, source)).ToList();
        var triggers = parsed.Count(b => b.IsTrigger);
        if (triggers != 1)
        {
            throw new InvalidDataException($"{source}: a function needs exactly one trigger binding, found {triggers}");
        }

        return new FunctionDefinition(name, directory, parsed, root.GetBoolean("disabled") ?? false);
    }
}
