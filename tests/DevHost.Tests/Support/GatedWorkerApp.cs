using System.Text.Json.Nodes;

namespace ParServerless.DevHost.Tests.Support;

/// <summary>
/// The test worker behind a gate the test holds: an app directory whose <c>worker.config.json</c> starts the worker through a script
/// that waits (at most a minute) until <see cref="OpenAsync"/> is called, so "the worker is not ready yet" lasts as long as the test wants.
/// </summary>
internal sealed class GatedWorkerApp : IDisposable
{
    private readonly string _gate;

    public GatedWorkerApp()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the gate is a POSIX shell script");
        }

        Directory = Path.Combine(Path.GetTempPath(), DevHostHarness.Unique("gated-worker-"));
        System.IO.Directory.CreateDirectory(Directory);
        _gate = Path.Combine(Directory, "open");
        // The worker loads its functions from the app directory: everything but worker.config.json is linked from the real output.
        foreach (var entry in new DirectoryInfo(TestWorkerApp.Directory).EnumerateFileSystemInfos().Where(e => e.Name != "worker.config.json"))
        {
            if (entry is DirectoryInfo)
            {
                System.IO.Directory.CreateSymbolicLink(Path.Combine(Directory, entry.Name), entry.FullName);
            }
            else
            {
                File.CreateSymbolicLink(Path.Combine(Directory, entry.Name), entry.FullName);
            }
        }

        var script = Path.Combine(Directory, "gated-dotnet.sh");
        File.WriteAllText(script, $"#!/bin/sh\ni=0\nwhile [ ! -e '{_gate}' ] && [ $i -lt 1200 ]; do sleep 0.05; i=$((i+1)); done\nexec dotnet \"$@\"\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(TestWorkerApp.Directory, "worker.config.json")))!;
        var description = config["description"]!;
        description["defaultExecutablePath"] = script;
        File.WriteAllText(Path.Combine(Directory, "worker.config.json"), config.ToJsonString());
    }

    /// <summary>The app directory to point DevHost at.</summary>
    public string Directory { get; }

    /// <summary>Lets the worker start.</summary>
    public Task OpenAsync() => File.WriteAllTextAsync(_gate, "");

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
