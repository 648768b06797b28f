using System.Collections;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ParServerless.DevHost.Configuration;

/// <summary>
/// App settings as the host sees them: its own environment, then a local.settings-like <c>Values</c> file, then explicit overrides.
/// Names compare case-insensitively, as Azure app settings do.
/// </summary>
internal sealed partial class AppSettings
{
    /// <summary>The setting holding the host's own storage (receipts, timer status, the internal blob queue).</summary>
    public const string HostStorage = "AzureWebJobsStorage";

    private readonly Dictionary<string, string> _all;

    private AppSettings(Dictionary<string, string> all, IReadOnlyDictionary<string, string> explicitValues)
    {
        _all = all;
        Explicit = explicitValues;
    }

    /// <summary>Settings given to the stand-in (file and overrides): passed to the handler as environment variables, on top of the inherited environment.</summary>
    public IReadOnlyDictionary<string, string> Explicit { get; }

    public static AppSettings Create(IDictionary? environment, string? valuesFile, IReadOnlyDictionary<string, string> overrides)
    {
        var all = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (environment is not null)
        {
            foreach (DictionaryEntry entry in environment)
            {
                if (entry.Key is string key && entry.Value is string value)
                {
                    all[key] = value;
                }
            }
        }

        var explicitValues = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (valuesFile is not null)
        {
            foreach (var (key, value) in ReadValuesFile(valuesFile))
            {
                explicitValues[key] = value;
            }
        }

        foreach (var (key, value) in overrides)
        {
            explicitValues[key] = value;
        }

        foreach (var (key, value) in explicitValues)
        {
            all[key] = value;
        }

        return new AppSettings(all, explicitValues);
    }

    public string? Get(string name) => _all.TryGetValue(name, out var value) ? value : null;

    /// <summary>Replaces every <c>%NAME%</c> with the setting's value, as binding expressions in function.json are resolved.</summary>
    /// <exception cref="InvalidOperationException">A referenced setting is missing: the host refuses to start that function too.</exception>
    public string Resolve(string value) => SettingToken().Replace(value, match =>
        Get(match.Groups[1].Value) ?? throw new InvalidOperationException($"app setting '{match.Groups[1].Value}' referenced by '{value}' is not set"));

    /// <summary>
    /// The storage connection string named by a binding's <c>connection</c>: the setting itself, else <c>AzureWebJobs{name}</c>
    /// (the host's legacy prefix); <c>AzureWebJobsStorage</c> when the binding names none.
    /// </summary>
    public string ResolveConnection(string? connectionName)
    {
        var name = string.IsNullOrWhiteSpace(connectionName) ? HostStorage : Resolve(connectionName);
        return Get(name) is { Length: > 0 } value ? value
            : Get("AzureWebJobs" + name) is { Length: > 0 } prefixed ? prefixed
            : throw new InvalidOperationException(
                $"storage connection '{name}' is not set: give it as an app setting (--setting {name}=<connection string> or the --settings file)");
    }

    /// <summary>True when the app setting <c>AzureWebJobs.{name}.Disabled</c> is true, the host's switch for disabling a function.</summary>
    public bool IsDisabled(string functionName) =>
        bool.TryParse(Get($"AzureWebJobs.{functionName}.Disabled"), out var disabled) && disabled;

    private static IEnumerable<KeyValuePair<string, string>> ReadValuesFile(string path)
    {
        using var document = JsonConfig.ParseFile(path);
        if (!document.RootElement.TryGet("Values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{path}: expected an object \"Values\" as in local.settings.json");
        }

        return [.. values.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()))];
    }

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingToken();
}
