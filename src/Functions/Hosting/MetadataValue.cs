using System.Text.Json;

namespace ParServerless.Functions.Hosting;

/// <summary>
/// Reads one value of an invocation's <c>Metadata</c> the way the host may have written it: a plain value, a string that
/// holds a JSON-encoded string (<c>"\"2025\""</c>, the host's rule for every string), or a string holding a JSON object
/// (older hosts sent <c>Properties</c> that way, azure-functions-host#5815).
/// </summary>
internal static class MetadataValue
{
    /// <summary>The value as a string, unwrapping any number of JSON-string encodings; null when absent or null.</summary>
    public static string? String(JsonElement metadata, string key) =>
        Find(metadata, key) is { } value ? Unwrap(value) : null;

    /// <summary>The value as an object, parsing a string that holds one; null when absent or not an object.</summary>
    public static JsonElement? Object(JsonElement metadata, string key)
    {
        if (Find(metadata, key) is not { } value) return null;
        for (var depth = 0; depth < 4; depth++)
        {
            if (value.ValueKind == JsonValueKind.Object) return value;
            if (value.ValueKind != JsonValueKind.String) return null;
            if (!TryParse(value.GetString()!, out value)) return null;
        }
        return null;
    }

    /// <summary>A property of an object in any case, as the host's keys are case-insensitive.</summary>
    public static JsonElement? Find(JsonElement obj, string key)
    {
        if (obj.ValueKind != JsonValueKind.Object) return null;
        if (obj.TryGetProperty(key, out var exact)) return exact;
        foreach (var p in obj.EnumerateObject())
            if (string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase)) return p.Value;
        return null;
    }

    private static string? Unwrap(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined: return null;
            case JsonValueKind.String:
                var text = value.GetString()!;
                // Double (or deeper) encoding: "\"2025\"" → "2025". A bare string that merely looks like JSON stays as is.
                for (var depth = 0; depth < 4 && text.Length >= 2 && text[0] == '"' && text[^1] == '"'; depth++)
                {
                    if (!TryParse(text, out var inner) || inner.ValueKind != JsonValueKind.String) break;
                    text = inner.GetString()!;
                }
                return text;
            default: return value.GetRawText();
        }
    }

    private static bool TryParse(string text, out JsonElement element)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            element = doc.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            element = default;
            return false;
        }
    }
}
