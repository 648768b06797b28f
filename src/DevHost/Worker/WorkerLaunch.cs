using System.Diagnostics;
using ParServerless.DevHost.Configuration;

namespace ParServerless.DevHost.Worker;

/// <summary>
/// How the host starts the .NET isolated worker: <c>dotnet &lt;defaultWorkerPath&gt;</c> from the app directory's
/// <c>worker.config.json</c>, with the four <c>--functions-*</c> switches, the app settings and the host's own variables.
/// </summary>
/// <param name="AppDirectory">The worker's build output (host.json, worker.config.json, functions.metadata, the dll): the deployment package root.</param>
/// <param name="Executable"><c>defaultExecutablePath</c>, normally <c>dotnet</c>.</param>
/// <param name="WorkerPath">The app dll, absolute.</param>
/// <param name="Settings">App settings given to the stand-in; the worker also inherits the stand-in's environment, as on Azure.</param>
internal sealed record WorkerLaunch(string AppDirectory, string Executable, string WorkerPath, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>The host's limit on gRPC messages; the worker takes 0 (and dies on its first message) when the switch is missing.</summary>
    public const int MaxMessageLength = int.MaxValue;

    /// <summary>The placeholder for the worker's directory in <c>worker.config.json</c>.</summary>
    public const string WorkerRoot = "{WorkerRoot}";

    public static WorkerLaunch Read(string appDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var path = Path.Combine(appDirectory, "worker.config.json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"worker.config.json not found in {appDirectory}: build the isolated-worker app and point --app at its output", path);
        }

        using var document = JsonConfig.ParseFile(path);
        var description = document.RootElement.Get("description")
            ?? throw new InvalidDataException($"{path}: no \"description\"");
        var worker = description.GetString("defaultWorkerPath")
            ?? throw new InvalidDataException($"{path}: no \"description.defaultWorkerPath\"");
        // A self-contained publish names its own apphost, "{WorkerRoot}App": the host puts the worker's directory (with its separator) there.
        var executable = (description.GetString("defaultExecutablePath") ?? "dotnet")
            .Replace(WorkerRoot, Path.TrimEndingDirectorySeparator(Path.GetFullPath(appDirectory)) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        var workerPath = Path.GetFullPath(Path.Combine(appDirectory, worker));
        if (!File.Exists(workerPath))
        {
            throw new FileNotFoundException($"the worker {workerPath} named by {path} does not exist", workerPath);
        }

        return new WorkerLaunch(appDirectory, executable, workerPath, settings);
    }

    /// <summary>The process start info for one worker, connecting to <paramref name="rpcAddress"/> under <paramref name="workerId"/>.</summary>
    public ProcessStartInfo StartInfo(Uri rpcAddress, string workerId, string requestId)
    {
        var info = new ProcessStartInfo
        {
            FileName = Executable,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppDirectory,
        };
        info.ArgumentList.Add(WorkerPath);
        info.ArgumentList.Add("--functions-uri");
        info.ArgumentList.Add(rpcAddress.AbsoluteUri);
        info.ArgumentList.Add("--functions-worker-id");
        info.ArgumentList.Add(workerId);
        info.ArgumentList.Add("--functions-request-id");
        info.ArgumentList.Add(requestId);
        info.ArgumentList.Add("--functions-grpc-max-message-length");
        info.ArgumentList.Add(MaxMessageLength.ToString(System.Globalization.CultureInfo.InvariantCulture));

        foreach (var (name, value) in Settings)
        {
            info.Environment[name] = value;
        }

        info.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        info.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = AppDirectory;
        info.Environment["FUNCTIONS_WORKER_DIRECTORY"] = AppDirectory;
        info.Environment["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development";
        // The worker's own Kestrel (ASP.NET Core integration) picks its port from the host's capability, not from these.
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        return info;
    }
}
