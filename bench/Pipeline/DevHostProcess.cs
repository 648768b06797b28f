using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ParServerless.Bench.Pipeline;

/// <summary>
/// DevHost as a process (<c>dotnet ParServerless.DevHost.dll --app src/Functions/bin/Release/net10.0 …</c>), which starts the real
/// isolated worker; the clock starts just before the process does. <see cref="Ready"/> completes at DevHost's log line
/// "Worker process &lt;pid&gt; ready (worker id …): n functions loaded, HTTP at &lt;uri&gt;".
/// </summary>
internal sealed partial class DevHostProcess : IDisposable
{
    public const string AdminKey = "bench-admin-key";

    private readonly TaskCompletionSource<WorkerReady> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _settingsFile;

    private DevHostProcess(string root, string storage, int port, string hostId, double pollSeconds, string? appDirectory,
        IReadOnlyDictionary<string, string>? extraSettings, string? devHostDirectory)
    {
        Port = port;
        _settingsFile = Path.Combine(Path.GetTempPath(), $"parbench-{Guid.NewGuid():N}.json");
        var settings = new JsonObject
        {
            ["AzureWebJobsStorage"] = storage,
            ["DECISION_SCHEDULE"] = "0 0 2 15 1 *",
            ["PAR_ADMIN_KEY"] = AdminKey,
            ["PAR_AGENCY_KEY_SECRET"] = "bench-agency-secret",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (name, value) in extraSettings ?? new Dictionary<string, string>()) settings[name] = value;
        File.WriteAllText(_settingsFile, new JsonObject { ["Values"] = settings }.ToJsonString());
        Clock = Stopwatch.StartNew();
        Process = Child.Start("dotnet", [Path.Combine(devHostDirectory ?? Path.Combine(root, "src/DevHost/bin/Release/net10.0"), "ParServerless.DevHost.dll"),
            "--app", appDirectory ?? Path.Combine(root, "src/Functions/bin/Release/net10.0"), "--settings", _settingsFile,
            "--port", port.ToString(CultureInfo.InvariantCulture), "--host-id", hostId, "--no-inherit-env",
            "--poll-interval", pollSeconds.ToString(CultureInfo.InvariantCulture),
            // Not three console lines per request: the load test measures serving, not logging.
            "--log-level", "Warning"], OnLine);
    }

    public sealed record WorkerReady(TimeSpan At, int WorkerPid, int Functions, string HttpUri);

    public Process Process { get; }
    public int Port { get; }
    public Stopwatch Clock { get; }
    public Task<WorkerReady> Ready => _ready.Task;
    public string BaseAddress => $"http://127.0.0.1:{Port}";

    /// <param name="appDirectory">The worker's build or publish output; the Release build output by default.</param>
    /// <param name="extraSettings">App settings beside the benchmark's own (the worker sees them as environment variables).</param>
    /// <param name="devHostDirectory">Another DevHost build output (e.g. a ReadyToRun publish, or an older DevHost); the Release build by default.</param>
    public static DevHostProcess Start(string root, string storage, string hostId, double pollSeconds = 1, string? appDirectory = null,
        IReadOnlyDictionary<string, string>? extraSettings = null, string? devHostDirectory = null) =>
        new(root, storage, Child.FreePort(), hostId, pollSeconds, appDirectory, extraSettings, devHostDirectory);

    private void OnLine(string line)
    {
        if (ReadyLine().Match(line) is { Success: true } m)
            _ready.TrySetResult(new WorkerReady(Clock.Elapsed, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
                int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), m.Groups[3].Value));
        else if (line.Contains(" fail: ", StringComparison.Ordinal) || line.Contains(" crit: ", StringComparison.Ordinal))
            Console.Error.WriteLine($"devhost: {line}");
    }

    public void Dispose()
    {
        Child.Stop(Process);
        Process.Dispose();
        File.Delete(_settingsFile);
    }

    [GeneratedRegex(@"Worker process (\d+) ready \(worker id [^)]*\): (\d+) functions loaded, HTTP at (\S+)")]
    private static partial Regex ReadyLine();
}
