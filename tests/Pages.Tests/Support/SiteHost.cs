using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Azure.Storage.Blobs;
using ParServerless.Testing;
using ParServerless.Testing.Azurite;

namespace ParServerless.Pages.Tests.Support;

/// <summary>
/// Azurite and DevHost started as <c>run.sh</c> starts them: DevHost's own executable on a free port, running the function
/// app's build output (src/Functions, Release) with the real isolated worker.
/// </summary>
public sealed class SiteHost : IAsyncDisposable
{
    public const string AdminKey = "pages-test-admin-key";

    private readonly Process _devHost;
    private readonly StringBuilder _log;

    private SiteHost(AzuriteInstance azurite, Process devHost, StringBuilder log, Uri baseAddress)
    {
        Azurite = azurite;
        _devHost = devHost;
        _log = log;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(3) };
    }

    public AzuriteInstance Azurite { get; }
    public HttpClient Http { get; }

    /// <summary>What DevHost and the worker wrote, for a failure message.</summary>
    public string Log { get { lock (_log) return _log.ToString(); } }

    public static async Task<SiteHost> StartAsync()
    {
        var root = RepoRoot();
        var app = Path.Combine(root, "src", "Functions", "bin", "Release", "net10.0");
        var devHost = Path.Combine(root, "src", "DevHost", "bin", "Release", "net10.0", "ParServerless.DevHost.dll");
        foreach (var file in new[] { Path.Combine(app, "worker.config.json"), devHost })
            if (!File.Exists(file)) throw new FileNotFoundException($"Build src/Functions and src/DevHost (Release) first: {file} is missing.");
        var azurite = await AzuriteInstance.StartInMemoryAsync();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        foreach (var arg in new[]
        {
            devHost, "--app", app, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-inherit-env", "--poll-interval", "1",
            "--host-id", "pages" + Guid.NewGuid().ToString("N")[..10],
            "--setting", "AzureWebJobsStorage=" + azurite.ConnectionString, "--setting", "PAR_ADMIN_KEY=" + AdminKey,
            "--setting", "PAR_AGENCY_KEY_SECRET=pages-test-agency-secret", "--setting", "DECISION_SCHEDULE=0 0 2 15 1 *",
        }) start.ArgumentList.Add(arg);
        // The worker is a .NET process too: it needs the SDK's own environment (PATH, DOTNET_ROOT, HOME).
        foreach (var name in new[] { "PATH", "HOME", "DOTNET_ROOT", "DOTNET_CLI_HOME" })
            if (Environment.GetEnvironmentVariable(name) is { } value) start.Environment[name] = value;
        var log = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException("DevHost did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new SiteHost(azurite, process, log, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                if (process.HasExited) throw new InvalidOperationException("DevHost exited:\n" + host.Log);
                try
                {
                    using var health = await host.Http.GetAsync("/api/health");
                    return health.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException) { return false; }
            }, "DevHost and the worker to answer /api/health");
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    public static HttpRequestMessage Admin(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminKey);
        return request;
    }

    public async Task SendAdminAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = Admin(method, path, content);
        using var response = await Http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task UploadBlobAsync(string container, string name, byte[] content)
    {
        var client = new BlobContainerClient(Azurite.ConnectionString, container);
        await client.CreateIfNotExistsAsync();
        await client.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_devHost.HasExited)
        {
            _devHost.Kill(entireProcessTree: true);
            await _devHost.WaitForExitAsync();
        }
        _devHost.Dispose();
        await Azurite.DisposeAsync();
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ParServerless.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("ParServerless.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
