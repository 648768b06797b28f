using System.Text.Json.Serialization;

namespace ParServerless.Functions.Hosting;

/// <summary>The custom-handler response: <c>{"Outputs":{},"Logs":[...],"ReturnValue":...}</c>. We declare no output bindings, so Outputs stays empty.</summary>
internal sealed record InvocationResult(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue)
{
    public static InvocationResult Ok(object? value, params string[] logs) => new(new Dictionary<string, object?>(), logs, value);
}
