using ParServerless.DevHost.Payload;

namespace ParServerless.DevHost;

/// <summary>Everything the stand-in needs to play the Functions host. Paths are relative to the current directory.</summary>
internal sealed record DevHostOptions
{
    /// <summary>The folder holding host.json (the zip root in Azure).</summary>
    /// <value>The default value is the current directory.</value>
    public string ScriptRoot { get; init; } = ".";

    /// <summary>The folder whose subfolders hold one function.json each.</summary>
    /// <value>The default value is the script root, as in the deployed zip; in this repo it is <c>src/Functions</c>.</value>
    public string? FunctionsRoot { get; init; }

    /// <summary>The handler executable; a <c>.dll</c> runs through <c>dotnet</c>.</summary>
    /// <value>The default value is host.json's <c>defaultExecutablePath</c>, relative to the script root.</value>
    public string? HandlerPath { get; init; }

    /// <value>The default value is host.json's <c>arguments</c>.</value>
    public IReadOnlyList<string>? HandlerArguments { get; init; }

    /// <value>The default value is host.json's <c>workingDirectory</c> relative to the script root, else the script root.</value>
    public string? HandlerWorkingDirectory { get; init; }

    /// <summary>Use a handler that already runs at this address instead of starting one (tests, debugging in an IDE).</summary>
    public Uri? HandlerUrl { get; init; }

    /// <summary>A local.settings.json-like file whose <c>Values</c> become app settings.</summary>
    public string? SettingsFile { get; init; }

    /// <summary>App settings given one by one; they win over the file.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether the stand-in's own environment variables count as app settings (as a real host's do).</summary>
    /// <value>The default value is true. Tests turn it off to stay hermetic.</value>
    public bool InheritEnvironment { get; init; } = true;

    /// <summary>The HTTP port (forwarding and admin API); 0 picks a free one.</summary>
    /// <value>The default value is 7071, as Core Tools.</value>
    public int Port { get; init; } = 7071;

    /// <summary>The host id naming receipts, the internal blob queue and timer status: lowercase letters, digits and dashes, at most 32.</summary>
    /// <value>The default value is the app setting <c>AzureFunctionsWebHost__hostid</c> if set, else "parserverless-devhost".</value>
    public string? HostId { get; init; }

    /// <summary>The key the admin API asks for; none asked when null.</summary>
    public string? MasterKey { get; init; }

    /// <summary>How often watched containers are scanned.</summary>
    /// <value>The default value is 2 seconds (the host's polling uses 10 s; a quicker loop suits development).</value>
    public TimeSpan BlobPollingInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a blob trigger message stays hidden after a crash before it is retried.</summary>
    /// <value>The default value is 1 minute (the host uses 10 minutes).</value>
    public TimeSpan BlobMessageVisibilityTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest sleep between two looks at an empty blob trigger queue.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan BlobQueueMaxPollingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long to wait for the handler's <c>GET /</c>.</summary>
    /// <value>The default value is 30 seconds, the host's limit.</value>
    public TimeSpan HandlerReadinessTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a stop waits for invocations in flight.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How blob <c>Properties</c> are sent; <see cref="BlobPropertiesFormat.JsonString"/> mimics older hosts.</summary>
    /// <value>The default value is <see cref="BlobPropertiesFormat.Object"/>, as current hosts.</value>
    public BlobPropertiesFormat BlobPropertiesFormat { get; init; } = BlobPropertiesFormat.Object;

    /// <summary>Whether timers and blob polling run; off, functions run only through the admin API.</summary>
    /// <value>The default value is true.</value>
    public bool EnableTriggers { get; init; } = true;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
