using ParServerless.DevHost.Tests.Support;
using ParServerless.DevHost.Worker;

namespace ParServerless.DevHost.Tests.Worker;

public class WorkerLaunchTest
{
    [Fact]
    public void StartInfo_TestWorker_IsTheHostsCommandLineAndEnvironment()
    {
        var launch = WorkerLaunch.Read(TestWorkerApp.Directory, new Dictionary<string, string> { ["ADMIN_KEY"] = "dev-admin" });

        var info = launch.StartInfo(new Uri("http://127.0.0.1:5005/"), "worker-1", "request-1");

        Assert.Equal("dotnet", info.FileName);
        Assert.Equal(TestWorkerApp.Directory, info.WorkingDirectory);
        Assert.Equal(
            [Path.Combine(TestWorkerApp.Directory, "ParServerless.DevHost.TestWorker.dll"), "--functions-uri", "http://127.0.0.1:5005/", "--functions-worker-id", "worker-1",
                "--functions-request-id", "request-1", "--functions-grpc-max-message-length", "2147483647"],
            info.ArgumentList);
        Assert.Equal("dotnet-isolated", info.Environment["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal(TestWorkerApp.Directory, info.Environment["FUNCTIONS_APPLICATION_DIRECTORY"]);
        Assert.Equal(TestWorkerApp.Directory, info.Environment["FUNCTIONS_WORKER_DIRECTORY"]);
        Assert.Equal("Development", info.Environment["AZURE_FUNCTIONS_ENVIRONMENT"]);
        Assert.Equal("dev-admin", info.Environment["ADMIN_KEY"]);
    }

    [Fact]
    public void Read_SelfContainedPublish_RunsItsOwnApphostFromTheWorkerRoot()
    {
        var app = Path.Combine(Path.GetTempPath(), DevHostHarness.Unique("selfcontained-"));
        Directory.CreateDirectory(app);
        try
        {
            File.WriteAllText(Path.Combine(app, "App.dll"), "");
            File.WriteAllText(Path.Combine(app, "worker.config.json"),
                """{"description":{"language":"dotnet-isolated","defaultExecutablePath":"{WorkerRoot}App","defaultWorkerPath":"App.dll"}}""");

            var launch = WorkerLaunch.Read(app + Path.DirectorySeparatorChar, new Dictionary<string, string>());

            Assert.Equal(Path.Combine(app, "App"), launch.Executable);
            Assert.Equal(Path.Combine(app, "App.dll"), launch.WorkerPath);
        }
        finally
        {
            Directory.Delete(app, recursive: true);
        }
    }

    [Fact]
    public void Read_FolderWithoutWorkerConfig_SaysWhatToDo()
    {
        var exception = Assert.Throws<FileNotFoundException>(() => WorkerLaunch.Read(Path.GetTempPath(), new Dictionary<string, string>()));

        Assert.Contains("worker.config.json not found", exception.Message, StringComparison.Ordinal);
    }
}
