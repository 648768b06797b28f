namespace ParServerless.DevHost.Payload;

/// <summary>What the host adds to every payload as <c>Metadata.sys</c>.</summary>
internal sealed record SystemMetadata(string MethodName, DateTime UtcNow, Guid RandGuid)
{
    public static SystemMetadata Now(string methodName, TimeProvider time) =>
        new(methodName, time.GetUtcNow().UtcDateTime, Guid.NewGuid());
}

/// <summary>How <c>Metadata.Properties</c> of a blob trigger is sent.</summary>
internal enum BlobPropertiesFormat
{
    Invalid = 0,

    /// <summary>An object as current hosts send it (track-2 <c>BlobProperties</c>), whose <c>ETag</c> serialises to <c>{}</c>.</summary>
    Object = 1,

    /// <summary>A string holding JSON, as older hosts sent it (azure-functions-host#5815), in the track-1 SDK's shape with <c>ETag</c> a string.</summary>
    JsonString = 2,
}

/// <summary>The blob properties the payload carries.</summary>
internal sealed record BlobPropertiesSnapshot(
    DateTimeOffset LastModified,
    DateTimeOffset CreatedOn,
    long ContentLength,
    string? ContentType,
    string ETag,
    byte[]? ContentHash,
    string? ContentEncoding,
    string? ContentLanguage,
    string? ContentDisposition,
    string? CacheControl,
    IReadOnlyDictionary<string, string> Metadata);

/// <summary>One blob version delivered to a blob-triggered function.</summary>
/// <param name="BindingName">The trigger binding's <c>name</c>: the key under <c>Data</c>.</param>
/// <param name="DataType">The binding's <c>dataType</c>: <c>string</c> sends text, anything else bytes (base64).</param>
/// <param name="PathParameters">Values of the path pattern's <c>{parameters}</c>, in pattern order.</param>
internal sealed record BlobTriggerInput(
    string BindingName,
    string? DataType,
    Uri Uri,
    BlobPropertiesSnapshot Properties,
    IReadOnlyList<KeyValuePair<string, string>> PathParameters,
    ReadOnlyMemory<byte> Content);

/// <summary>The timer monitor's record, <c>ScheduleStatus</c> in the payload.</summary>
internal sealed record ScheduleStatus(DateTime Last, DateTime Next, DateTime LastUpdated);

/// <summary>One timer occurrence delivered to a timer-triggered function.</summary>
/// <param name="Status">Null when <c>useMonitor</c> is off, as in the host.</param>
internal sealed record TimerTriggerInput(string BindingName, ScheduleStatus? Status, bool IsPastDue);
