using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs.Models;
using Google.Protobuf;
using ParServerless.DevHost.Rpc;
using ParServerless.DevHost.Timers;

namespace ParServerless.DevHost.Worker;

/// <summary>Builds <c>InvocationRequest</c>s the way the host does for each trigger kind (HOSTING.md "Invocation").</summary>
internal static class Invocations
{
    /// <summary>
    /// A blob trigger: the blob parameter as deferred-binding data (a reference the worker resolves with its own connection), and the
    /// host's binding data as trigger metadata: <c>BlobTrigger</c>, <c>Uri</c>, <c>Properties</c>, <c>Metadata</c>, each path parameter.
    /// </summary>
    /// <param name="connection">The connection setting's <em>name</em> (default <c>AzureWebJobsStorage</c>).</param>
    public static InvocationRequest ForBlob(string bindingName, string functionName, string connection, string container, string blobName, Uri uri,
        BlobProperties properties, IEnumerable<KeyValuePair<string, string>> pathParameters, DateTimeOffset now)
    {
        var reference = new JsonObject { ["Connection"] = connection, ["ContainerName"] = container, ["BlobName"] = blobName };
        var request = new InvocationRequest
        {
            InputData =
            {
                new ParameterBinding
                {
                    Name = bindingName,
                    Data = new TypedData
                    {
                        ModelBindingData = new ModelBindingData
                        {
                            Version = "1.0",
                            Source = "AzureStorageBlobs",
                            ContentType = "application/json",
                            Content = ByteString.CopyFromUtf8(reference.ToJsonString()),
                        },
                    },
                },
            },
        };
        var metadata = request.TriggerMetadata;
        metadata["BlobTrigger"] = Text($"{container}/{blobName}");
        metadata["Uri"] = Json(JsonValue.Create(uri.AbsoluteUri));
        metadata["Properties"] = Json(PropertiesJson(properties));
        metadata["Metadata"] = Json(MapJson(properties.Metadata));
        foreach (var (name, value) in pathParameters)
        {
            metadata[name] = Text(value);
        }

        metadata["sys"] = Sys(functionName, now);
        return request;
    }

    /// <summary>
    /// A queue trigger: the message text (decoded from base64, the extension's default <c>messageEncoding</c>) as a string, and the
    /// host's binding data as trigger metadata: <c>QueueTrigger</c>, <c>DequeueCount</c>, <c>Id</c>, <c>PopReceipt</c>,
    /// <c>InsertionTime</c>, <c>ExpirationTime</c>, <c>NextVisibleTime</c>.
    /// </summary>
    public static InvocationRequest ForQueue(string bindingName, string functionName, Azure.Storage.Queues.Models.QueueMessage message, DateTimeOffset now)
    {
        var text = message.Body.ToString();
        var request = new InvocationRequest { InputData = { new ParameterBinding { Name = bindingName, Data = Text(text) } } };
        var metadata = request.TriggerMetadata;
        metadata["QueueTrigger"] = Text(text);
        // As JSON: the worker (2.52) refuses TypedData.Int in trigger metadata ("Int is not supported").
        metadata["DequeueCount"] = Json(JsonValue.Create(message.DequeueCount));
        metadata["Id"] = Text(message.MessageId);
        metadata["PopReceipt"] = Text(message.PopReceipt);
        metadata["InsertionTime"] = Json(JsonValue.Create(message.InsertedOn?.ToString("O", CultureInfo.InvariantCulture)));
        metadata["ExpirationTime"] = Json(JsonValue.Create(message.ExpiresOn?.ToString("O", CultureInfo.InvariantCulture)));
        metadata["NextVisibleTime"] = Json(JsonValue.Create(message.NextVisibleOn?.ToString("O", CultureInfo.InvariantCulture)));
        metadata["sys"] = Sys(functionName, now);
        return request;
    }

    /// <summary>A timer: <c>{"Schedule":{…},"ScheduleStatus":{Last,Next,LastUpdated}|null,"IsPastDue":bool}</c> as JSON.</summary>
    /// <param name="status">Null when the monitor is off, as in the host.</param>
    public static InvocationRequest ForTimer(string bindingName, string functionName, ScheduleStatus? status, bool isPastDue, DateTimeOffset now)
    {
        var info = new JsonObject
        {
            ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
            ["ScheduleStatus"] = status is null ? null : new JsonObject
            {
                ["Last"] = Date(status.Last),
                ["Next"] = Date(status.Next),
                ["LastUpdated"] = Date(status.LastUpdated),
            },
            ["IsPastDue"] = isPastDue,
        };
        var request = new InvocationRequest { InputData = { new ParameterBinding { Name = bindingName, Data = Json(info) } } };
        request.TriggerMetadata["TimerTrigger"] = Text(now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        request.TriggerMetadata["sys"] = Sys(functionName, now);
        return request;
    }

    /// <summary>
    /// An HTTP trigger with ASP.NET Core integration: the request itself is forwarded to the worker, so the HTTP input is an empty
    /// <c>RpcHttp</c>; route values, <c>Query</c> and <c>Headers</c> go in the trigger metadata, where the worker binds parameters from.
    /// </summary>
    public static InvocationRequest ForHttp(string bindingName, string functionName, IEnumerable<KeyValuePair<string, string>> routeValues,
        IEnumerable<KeyValuePair<string, string>> query, IEnumerable<KeyValuePair<string, string>> headers, DateTimeOffset now)
    {
        var request = new InvocationRequest { InputData = { new ParameterBinding { Name = bindingName, Data = new TypedData { Http = new RpcHttp() } } } };
        var metadata = request.TriggerMetadata;
        foreach (var (name, value) in routeValues)
        {
            metadata[name] = Text(value);
        }

        metadata["Query"] = Json(MapJson(query));
        metadata["Headers"] = Json(MapJson(headers));
        metadata["sys"] = Sys(functionName, now);
        return request;
    }

    private static TypedData Text(string value) => new() { String = value };

    private static TypedData Json(JsonNode? value) => new() { Json = value?.ToJsonString() ?? "null" };

    private static TypedData Sys(string functionName, DateTimeOffset now) => Json(new JsonObject
    {
        ["MethodName"] = functionName,
        ["UtcNow"] = now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["RandGuid"] = Guid.NewGuid().ToString(),
    });

    private static string Date(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);

    private static JsonObject MapJson(IEnumerable<KeyValuePair<string, string>>? map)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map ?? [])
        {
            result[key] = value;
        }

        return result;
    }

    /// <summary>The members of the SDK's <c>BlobProperties</c> functions read, under their SDK names.</summary>
    private static JsonObject PropertiesJson(BlobProperties p) => new()
    {
        ["LastModified"] = p.LastModified.ToString("O", CultureInfo.InvariantCulture),
        ["CreatedOn"] = p.CreatedOn.ToString("O", CultureInfo.InvariantCulture),
        ["Metadata"] = MapJson(p.Metadata),
        ["BlobType"] = p.BlobType.ToString(),
        ["ContentLength"] = p.ContentLength,
        ["ContentType"] = p.ContentType,
        ["ETag"] = p.ETag.ToString(),
        ["ContentHash"] = p.ContentHash is { Length: > 0 } hash ? Convert.ToBase64String(hash) : null,
        ["ContentEncoding"] = p.ContentEncoding,
        ["ContentDisposition"] = p.ContentDisposition,
        ["ContentLanguage"] = p.ContentLanguage,
        ["CacheControl"] = p.CacheControl,
    };

    /// <summary>Serialises for log lines and tests.</summary>
    public static string Describe(TypedData data) => data.DataCase switch
    {
        TypedData.DataOneofCase.String => JsonSerializer.Serialize(data.String),
        TypedData.DataOneofCase.Json => data.Json,
        _ => data.ToString(),
    };
}
