using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ParServerless.DevHost.Tests.Support;
using Xunit.Abstractions;

namespace ParServerless.DevHost.Tests.Integration;

/// <summary>DevHost starting a real handler process (a tiny Node.js server; Node is already required for Azurite).</summary>
public sealed class HandlerProcessTest(ITestOutputHelper output) : IDisposable
{
    private readonly TestLogging _logging = new(output);
    private readonly FunctionAppFolder _folder = new FunctionAppFolder().WithHttpFunction("Api");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Start_Handler_GetsTheHostEnvironmentAndItsOutputIsLogged()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Handlers", "fake-handler.js");
        var options = new DevHostOptions
        {
            ScriptRoot = _folder.Root,
            HandlerPath = "node",
            HandlerArguments = [script, "--flag"],
            Port = 0,
            InheritEnvironment = false,
            HostId = "process-test",
            Settings = new Dictionary<string, string> { ["ADMIN_KEY"] = "dev-admin", ["DECISION_SCHEDULE"] = "0 0 2 15 1 *" },
        };

        await using var host = await DevHostApp.StartAsync(options, _logging.CreateFactory(), CancellationToken.None);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var report = JsonNode.Parse(await http.GetStringAsync(new Uri(host.BaseAddress, "api/env")))!;

        var env = report["env"]!;
        var port = env["FUNCTIONS_CUSTOMHANDLER_PORT"]!.GetValue<string>();
        Assert.Equal(host.HandlerAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), port);
        Assert.Equal(port, env["FUNCTIONS_HTTPWORKER_PORT"]!.GetValue<string>());
        Assert.True(Guid.TryParse(env["FUNCTIONS_CUSTOMHANDLER_WORKER_ID"]!.GetValue<string>(), out _));
        Assert.Equal(env["FUNCTIONS_CUSTOMHANDLER_WORKER_ID"]!.GetValue<string>(), env["FUNCTIONS_HTTPWORKER_ID"]!.GetValue<string>());
        Assert.Equal(_folder.Root, env["FUNCTIONS_APP_ROOT_PATH"]!.GetValue<string>());
        Assert.Equal("UTC", env["TZ"]!.GetValue<string>());
        Assert.Equal("dev-admin", env["ADMIN_KEY"]!.GetValue<string>());
        Assert.Equal(["--flag"], report["argv"]!.AsArray().Select(a => a!.GetValue<string>()));
        await Eventually.TrueAsync(() => _logging.Entries.Any(e => e.Category == "ParServerless.DevHost.Handler" && e.Message.StartsWith("fake-node-handler listening", StringComparison.Ordinal)),
            "the handler's stdout in the log");
        await Eventually.TrueAsync(() => _logging.Entries.Any(e => e.Level == LogLevel.Error && e.Message == "fake-node-handler stderr line"),
            "the handler's stderr in the log");
    }

    [Fact]
    public async Task HandlerDies_IsRestartedOnANewPort()
    {
        var options = new DevHostOptions
        {
            ScriptRoot = _folder.Root,
            HandlerPath = "node",
            HandlerArguments = [Path.Combine(AppContext.BaseDirectory, "Handlers", "fake-handler.js")],
            Port = 0,
            InheritEnvironment = false,
        };
        await using var host = await DevHostApp.StartAsync(options, _logging.CreateFactory(), CancellationToken.None);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var first = host.HandlerAddress;

        using var crash = await http.GetAsync(new Uri(host.BaseAddress, "api/crash"));

        Assert.False(crash.IsSuccessStatusCode); // 502 from DevHost: the handler died mid-request
        await Eventually.TrueAsync(() => host.HandlerAddress != first, "the handler to be restarted");
        var report = JsonNode.Parse(await http.GetStringAsync(new Uri(host.BaseAddress, "api/env")))!;
        Assert.Equal(host.HandlerAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), report["env"]!["FUNCTIONS_CUSTOMHANDLER_PORT"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_HandlerMissing_FailsWithTheReason()
    {
        var options = new DevHostOptions { ScriptRoot = _folder.Root, Port = 0, InheritEnvironment = false };

        // host.json points at handler/ParServerless.Functions, which this test folder does not have.
        var exception = await Assert.ThrowsAsync<FileNotFoundException>(() => DevHostApp.StartAsync(options, _logging.CreateFactory(), CancellationToken.None));

        Assert.Contains("handler", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_HandlerExitsAtOnce_FailsWithItsExitCode()
    {
        var options = new DevHostOptions
        {
            ScriptRoot = _folder.Root, HandlerPath = "node", HandlerArguments = ["-e", "process.exit(3)"], Port = 0, InheritEnvironment = false,
        };

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => DevHostApp.StartAsync(options, _logging.CreateFactory(), CancellationToken.None));

        Assert.Contains("exited with code 3", exception.Message, StringComparison.Ordinal);
    }
}
