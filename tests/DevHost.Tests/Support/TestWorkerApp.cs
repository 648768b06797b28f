namespace ParServerless.DevHost.Tests.Support;

/// <summary>Where the test worker's build output (the app directory DevHost is pointed at) lies.</summary>
public static class TestWorkerApp
{
    public static string Directory { get; } = Locate();

    private static string Locate()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ParServerless.sln")))
        {
            folder = folder.Parent;
        }

        var root = folder?.FullName ?? throw new InvalidOperationException("ParServerless.sln not found above " + AppContext.BaseDirectory);
        var output = Path.Combine(root, "tests", "DevHost.TestWorker", "bin", "Release", "net10.0");
        return File.Exists(Path.Combine(output, "worker.config.json"))
            ? output
            : throw new InvalidOperationException($"the test worker is not built: run dotnet build tests/DevHost.Tests -c Release (expected {output})");
    }
}
