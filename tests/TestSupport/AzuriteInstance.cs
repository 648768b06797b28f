using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ParServerless.Testing.Azurite;

/// <summary>
/// An Azurite storage emulator (blob, queue, table) of its own, started from the repo's pinned <c>node_modules/azurite</c> on free
/// loopback ports. Stop and start it again on the same ports and, with <see cref="StartOnDiskAsync"/>, the same data.
/// </summary>
/// <remarks>
/// <para>Self-contained on purpose (no xunit, no project types) so it can move to a shared test-support project.</para>
/// <para>It fails loudly, never skips: missing <c>node</c> or a missing <c>npm ci</c> throws <see cref="InvalidOperationException"/> with the fix.</para>
/// <para>Runs <c>node …/azurite.js</c> directly, so the process it stops is Azurite itself and not an npx wrapper.</para>
/// </remarks>
public sealed class AzuriteInstance : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known development key (public, documented by Microsoft).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <value>The default value is 60 seconds: Azurite is ready in about 2 s, but our build machines are shared.</value>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly string _node;
    private readonly string _azuriteScript;
    private readonly bool _ownsLocation;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private AzuriteInstance(string node, string azuriteScript, string? location, bool ownsLocation)
    {
        _node = node;
        _azuriteScript = azuriteScript;
        Location = location;
        _ownsLocation = ownsLocation;
        var port = PortOverride.Value ?? FreePort;
        BlobPort = port();
        QueuePort = port();
        TablePort = port();
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    /// <summary>The data folder, or null when the data lives in memory (and is lost on stop).</summary>
    public string? Location { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The node process id while running.</summary>
    public int? ProcessId => IsRunning ? _process!.Id : null;

    public Uri BlobEndpoint => new($"http://127.0.0.1:{BlobPort}/{AccountName}");
    public Uri QueueEndpoint => new($"http://127.0.0.1:{QueuePort}/{AccountName}");
    public Uri TableEndpoint => new($"http://127.0.0.1:{TablePort}/{AccountName}");

    /// <summary>The explicit devstoreaccount1 connection string with this instance's ports.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>Starts an instance whose data lives in memory (<c>--inMemoryPersistence</c>): fast, and gone when it stops.</summary>
    public static Task<AzuriteInstance> StartInMemoryAsync(CancellationToken cancellationToken = default) =>
        StartNewAsync(location: null, ownsLocation: false, cancellationToken);

    /// <summary>Starts an instance whose data lives on disk (<c>--location</c>) and survives <see cref="StopAsync"/> + <see cref="StartAsync"/>.</summary>
    /// <param name="location">The data folder; a fresh temporary folder, deleted on dispose, when null.</param>
    public static Task<AzuriteInstance> StartOnDiskAsync(string? location = null, CancellationToken cancellationToken = default)
    {
        var owns = location is null;
        location ??= Path.Combine(Path.GetTempPath(), "azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(location);
        return StartNewAsync(location, owns, cancellationToken);
    }

    /// <summary>Starts (again) on the same ports and location, and waits until all three services answer.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("Azurite is already running");
        }

        lock (_output)
        {
            _output.Clear();
        }

        var info = new ProcessStartInfo(_node)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Location ?? Path.GetTempPath(),
        };
        foreach (var argument in Arguments())
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Capture(e.Data);
        process.ErrorDataReceived += (_, e) => Capture(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"could not start {_node} {_azuriteScript}");
        }

        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilReadyAsync(process, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops gracefully (SIGTERM, which lets Azurite save its data; it takes 3–5 s), killing it after 30 s.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        if (!process.HasExited)
        {
            using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
            {
                await kill!.WaitForExitAsync().ConfigureAwait(false);
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                await process.WaitForExitAsync().ConfigureAwait(false);
            }
        }

        process.Dispose();
        _process = null;
    }

    /// <summary>Kills at once (SIGKILL), as a crash would. On disk, writes of the last seconds may be lost.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync().ConfigureAwait(false);
        }

        process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync().ConfigureAwait(false);
        if (_ownsLocation && Location is not null && Directory.Exists(Location))
        {
            Directory.Delete(Location, recursive: true);
        }
    }

    /// <summary>The repo root: the nearest folder above the test binaries that holds ParServerless.sln.</summary>
    public static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ParServerless.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no ParServerless.sln above {AppContext.BaseDirectory}: cannot find node_modules/azurite");
    }

    private static async Task<AzuriteInstance> StartNewAsync(string? location, bool ownsLocation, CancellationToken cancellationToken)
    {
        var root = FindRepositoryRoot();
        var script = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed: {script} is missing. Run `npm ci` in {root} (test.sh does it).");
        }

        var node = FindOnPath("node")
            ?? throw new InvalidOperationException("Azurite needs Node.js, but `node` is not on PATH. Install Node.js (Debian: apt-get install nodejs), then run `npm ci` in the repo root.");
        for (var attempt = 1; ; attempt++)
        {
            var instance = new AzuriteInstance(node, script, location, ownsLocation);
            try
            {
                await instance.StartAsync(cancellationToken).ConfigureAwait(false);
                return instance;
            }
            catch (InvalidOperationException e) when (attempt < MaxPortAttempts && IsPortTaken(e))
            {
                // A port found free by probing was taken by another process (a parallel test's Azurite, a worker) before
                // Azurite bound it: start again on other ports rather than fail the test for a race it did not make.
                await instance.DisposeAsync().ConfigureAwait(false);
                if (location is not null) Directory.CreateDirectory(location);
            }
            catch
            {
                await instance.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    private const int MaxPortAttempts = 4;

    /// <summary>Where ports come from in this async flow; tests of the retry set it, nothing else does.</summary>
    internal static AsyncLocal<Func<int>?> PortOverride { get; } = new();

    /// <summary>Whether a start failed because a port was in use (Azurite's own words, from node).</summary>
    internal static bool IsPortTaken(Exception e) => e.Message.Contains("EADDRINUSE", StringComparison.Ordinal);

    private List<string> Arguments()
    {
        var arguments = new List<string>
        {
            _azuriteScript,
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(CultureInfo.InvariantCulture),
            // Blobs 12.30.1 and Queues 12.28.1 send an API version Azurite 3.37.0 otherwise rejects.
            "--skipApiVersionCheck",
            "--silent",
            "--disableTelemetry",
        };
        if (Location is null)
        {
            arguments.Add("--inMemoryPersistence");
        }
        else
        {
            arguments.Add("--location");
            arguments.Add(Location);
        }

        return arguments;
    }

    private async Task WaitUntilReadyAsync(Process process, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp();
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} while starting: {Output()}");
                }

                try
                {
                    // Any HTTP answer (403 without a signature) means the service listens.
                    using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/{AccountName}?comp=list"), cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    if (Stopwatch.GetElapsedTime(deadline) > ReadyTimeout)
                    {
                        await KillAsync().ConfigureAwait(false);
                        throw new TimeoutException($"Azurite did not answer on port {port} within {ReadyTimeout.TotalSeconds:0} s: {Output()}", exception);
                    }

                    await Task.Delay(100, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 20_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.Length == 0 ? "(no output)" : _output.ToString();
        }
    }

    private static string? FindOnPath(string command)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, command);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
