namespace ParServerless.DevHost;

/// <summary>Everything the stand-in needs to play the Functions host. Paths are relative to the current directory.</summary>
internal sealed record DevHostOptions
{
    /// <summary>
    /// The isolated-worker app's build output: host.json, worker.config.json, functions.metadata and the app dll, as in the deployment
    /// package root. The worker is started from here and indexes its own functions.
    /// </summary>
    /// <value>The default value is the current directory.</value>
    public string AppDirectory { get; init; } = ".";

    /// <summary>A local.settings.json-like file whose <c>Values</c> become app settings.</summary>
    public string? SettingsFile { get; init; }

    /// <summary>App settings given one by one; they win over the file.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether the stand-in's own environment variables count as app settings (as a real host's do).</summary>
    /// <value>The default value is true. Tests turn it off to stay hermetic.</value>
    public bool InheritEnvironment { get; init; } = true;

    /// <summary>The HTTP port (front door, admin API, Event Grid webhook); 0 picks a free one.</summary>
    /// <value>The default value is 7071, as Core Tools.</value>
    public int Port { get; init; } = 7071;

    /// <summary>The host id naming receipts, the internal blob queue and timer status: lowercase letters, digits and dashes, at most 32.</summary>
    /// <value>The default value is the app setting <c>AzureFunctionsWebHost__hostid</c> if set, else "parserverless-devhost".</value>
    public string? HostId { get; init; }

    /// <summary>The key the admin API and the Event Grid webhook ask for; none asked when null.</summary>
    public string? MasterKey { get; init; }

    /// <summary>How often watched containers are scanned.</summary>
    /// <value>The default value is 2 seconds (the host's polling uses 10 s; a quicker loop suits development).</value>
    public TimeSpan BlobPollingInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether containers are scanned; off, only the Event Grid webhook (and the admin API) start blob functions.</summary>
    /// <value>The default value is true: Azurite emits no Event Grid events.</value>
    public bool PollBlobs { get; init; } = true;

    /// <summary>How long a blob trigger or queue trigger message stays hidden after a crash before it is retried (renewed while the function runs).</summary>
    /// <value>The default value is 1 minute (the host uses 10 minutes).</value>
    public TimeSpan BlobMessageVisibilityTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest sleep between two looks at an empty blob trigger queue.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan BlobQueueMaxPollingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a stop waits for invocations in flight, and then the worker's grace period after <c>WorkerTerminate</c>.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether timers, blob polling and the blob queue listener run; off, functions run only through the admin API and HTTP.</summary>
    /// <value>The default value is true.</value>
    public bool EnableTriggers { get; init; } = true;

    /// <summary>
    /// How long a request arriving while the worker starts is held at the front door before it answers 503 <c>PAR-A175</c>.
    /// </summary>
    /// <value>The default value is 60 seconds, the time the worker gets to complete its handshake.</value>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The least level logged to the console by the command line (in-process hosts bring their own logger factory).</summary>
    /// <value>The default value is <see cref="Microsoft.Extensions.Logging.LogLevel.Information"/>, as the host.</value>
    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Information;
}
