using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParServerless.DevHost.Payload;

/// <summary>
/// Builds the JSON body the Functions host POSTs to a custom handler for non-HTTP triggers: <c>{"Data": {...}, "Metadata": {...}}</c>.
/// </summary>
/// <remarks>
/// The host's rules (HOSTING.md "Invocation contract"), reproduced exactly:
/// <list type="bullet">
/// <item>bytes arrive base64; dates as JSON dates; objects as objects;</item>
/// <item>anything else goes through <c>JsonConvert.SerializeObject</c>, so a string arrives JSON-encoded twice and a number as a string;</item>
/// <item>metadata keys ending in "trigger" (any case) are dropped, so <c>BlobTrigger</c> never arrives;</item>
/// <item><c>sys</c> = {MethodName, UtcNow, RandGuid} is added.</item>
/// </list>
/// </remarks>
internal static class InvocationPayload
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        // Vietnamese names stay readable on the wire; escaping choices do not change what a JSON parser reads.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The generic rule: Data and Metadata from binding values, with the host's conversions.</summary>
    public static JsonObject Create(
        IEnumerable<KeyValuePair<string, object?>> data,
        IEnumerable<KeyValuePair<string, object?>> bindingData,
        SystemMetadata sys)
    {
        var dataObject = new JsonObject();
        foreach (var (name, value) in data)
        {
            dataObject[name] = ToHostValue(value);
        }

        var metadata = new JsonObject();
        foreach (var (name, value) in bindingData)
        {
            if (!name.EndsWith("trigger", StringComparison.OrdinalIgnoreCase))
            {
                metadata[name] = ToHostValue(value);
            }
        }

        metadata["sys"] = new JsonObject
        {
            ["MethodName"] = sys.MethodName,
            ["UtcNow"] = NewtonsoftText.Date(DateTime.SpecifyKind(sys.UtcNow, DateTimeKind.Utc)),
            ["RandGuid"] = sys.RandGuid.ToString(),
        };

        return new JsonObject { ["Data"] = dataObject, ["Metadata"] = metadata };
    }

    /// <summary>The payload of a blob trigger: content under the binding name; Uri, Properties, Metadata and path parameters as metadata.</summary>
    public static JsonObject ForBlob(BlobTriggerInput blob, BlobPropertiesFormat propertiesFormat, SystemMetadata sys)
    {
        object content = string.Equals(blob.DataType, "string", StringComparison.OrdinalIgnoreCase)
            ? System.Text.Encoding.UTF8.GetString(blob.Content.Span)
            : blob.Content.ToArray();

        var bindingData = new List<KeyValuePair<string, object?>>
        {
            // Present in the host's binding data, and dropped by the "trigger" rule like there.
            new("BlobTrigger", $"{UriContainerAndName(blob.Uri)}"),
            new("Uri", blob.Uri.AbsoluteUri),
            new("Properties", propertiesFormat switch
            {
                BlobPropertiesFormat.Object => PropertiesObject(blob.Properties),
                BlobPropertiesFormat.JsonString => PropertiesLegacyString(blob.Properties),
                _ => throw new ArgumentOutOfRangeException(nameof(propertiesFormat), propertiesFormat, "unknown properties format"),
            }),
            new("Metadata", MetadataObject(blob.Properties.Metadata)),
        };
        bindingData.AddRange(blob.PathParameters.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)));

        return Create([new(blob.BindingName, content)], bindingData, sys);
    }

    /// <summary>The payload of a timer trigger: <c>Data[binding] = {Schedule, ScheduleStatus, IsPastDue}</c>, and only <c>sys</c> as metadata.</summary>
    public static JsonObject ForTimer(TimerTriggerInput timer, SystemMetadata sys)
    {
        var info = new JsonObject
        {
            // A cron schedule serialises as its one public property.
            ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
            ["ScheduleStatus"] = timer.Status is null ? null : new JsonObject
            {
                ["Last"] = NewtonsoftText.Date(timer.Status.Last),
                ["Next"] = NewtonsoftText.Date(timer.Status.Next),
                ["LastUpdated"] = NewtonsoftText.Date(timer.Status.LastUpdated),
            },
            ["IsPastDue"] = timer.IsPastDue,
        };

        return Create([new(timer.BindingName, info)], [], sys);
    }

    /// <summary>Converts one value by the host's rules.</summary>
    public static JsonNode? ToHostValue(object? value) => value switch
    {
        null => null,
        byte[] bytes => JsonValue.Create(Convert.ToBase64String(bytes)),
        DateTime date => JsonValue.Create(NewtonsoftText.Date(date)),
        DateTimeOffset date => JsonValue.Create(NewtonsoftText.Date(date)),
        JsonObject json => json.DeepClone(),
        // Already converted by the caller (an object the host could not turn into a JSON object, sent as its serialised text).
        JsonValue json => json.DeepClone(),
        IReadOnlyDictionary<string, string> map => MetadataObject(map),
        string text => JsonValue.Create(NewtonsoftText.Quote(text)),
        Guid guid => JsonValue.Create(NewtonsoftText.Quote(guid.ToString())),
        bool flag => JsonValue.Create(flag ? "true" : "false"),
        IFormattable number => JsonValue.Create(number.ToString(null, System.Globalization.CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException($"no host conversion for {value.GetType()}", nameof(value)),
    };

    /// <summary>The request body as sent on the wire.</summary>
    public static string Serialize(JsonObject payload) => payload.ToJsonString(WriteOptions);

    private static JsonObject MetadataObject(IReadOnlyDictionary<string, string> metadata)
    {
        var result = new JsonObject();
        foreach (var (key, value) in metadata)
        {
            result[key] = value;
        }

        return result;
    }

    private static JsonObject PropertiesObject(BlobPropertiesSnapshot p) => new()
    {
        ["LastModified"] = NewtonsoftText.Date(p.LastModified),
        ["CreatedOn"] = NewtonsoftText.Date(p.CreatedOn),
        ["Metadata"] = MetadataObject(p.Metadata),
        ["BlobType"] = 0, // Azure.Storage.Blobs.Models.BlobType.Block, an enum Newtonsoft writes as a number
        ["ContentLength"] = p.ContentLength,
        ["ContentType"] = p.ContentType,
        ["ETag"] = new JsonObject(), // Azure.ETag has no public properties, hence the {} HOSTING.md warns about
        ["ContentHash"] = p.ContentHash is null ? null : Convert.ToBase64String(p.ContentHash),
        ["ContentEncoding"] = p.ContentEncoding,
        ["ContentDisposition"] = p.ContentDisposition,
        ["ContentLanguage"] = p.ContentLanguage,
        ["CacheControl"] = p.CacheControl,
    };

    /// <summary>What an object the host cannot convert to a JSON object becomes: its serialisation, as one JSON string (not encoded again).</summary>
    private static JsonValue PropertiesLegacyString(BlobPropertiesSnapshot p) => JsonValue.Create(new JsonObject
    {
        ["CacheControl"] = p.CacheControl,
        ["ContentDisposition"] = p.ContentDisposition,
        ["ContentEncoding"] = p.ContentEncoding,
        ["ContentLanguage"] = p.ContentLanguage,
        ["Length"] = p.ContentLength,
        ["ContentMD5"] = p.ContentHash is null ? null : Convert.ToBase64String(p.ContentHash),
        ["ContentType"] = p.ContentType,
        ["ETag"] = p.ETag,
        ["Created"] = NewtonsoftText.Date(p.CreatedOn),
        ["LastModified"] = NewtonsoftText.Date(p.LastModified),
        ["BlobType"] = 2, // Microsoft.WindowsAzure.Storage.Blob.BlobType.BlockBlob
    }.ToJsonString(WriteOptions));

    private static string UriContainerAndName(Uri uri)
    {
        // http://127.0.0.1:10000/devstoreaccount1/container/name: drop the account segment for Azurite-style URLs.
        var path = Uri.UnescapeDataString(uri.AbsolutePath).TrimStart('/');
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return uri.IsLoopback && slash > 0 ? path[(slash + 1)..] : path;
    }
}
