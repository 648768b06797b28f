using System.Diagnostics;
using System.Reflection;

namespace ParServerless.Deploy.Tests.Support;

internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Bicep
    {
        get
        {
            var path = typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;
            if (!File.Exists(path)) throw new FileNotFoundException($"The Bicep CLI is missing at {path}: restore tests/Deploy.Tests (PackageDownload).");
            // NuGet extracts the binary without its execute bit on some machines.
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
            return path;
        }
    }

    public static string MainBicep => Path.Combine(Root, "infra", "main.bicep");

    /// <summary>Runs a program to its end; returns its exit code and both streams.</summary>
    public static (int Code, string Out, string Err) Run(string file, IEnumerable<string> args, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? Root };
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout ?? TimeSpan.FromMinutes(10)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ParServerless.sln"))) return dir.FullName;
        throw new InvalidOperationException("ParServerless.sln not found above " + AppContext.BaseDirectory);
    }
}
