namespace ParServerless.DevHost.Tests.Support;

/// <summary>A temporary script root: host.json and one folder per function with its function.json, written by a test.</summary>
public sealed class FunctionAppFolder : IDisposable
{
    public const string DefaultHostJson = """
        {
          "version": "2.0",
          "customHandler": {
            "description": { "defaultExecutablePath": "handler/ParServerless.Functions", "workingDirectory": "handler", "arguments": [] },
            "enableForwardingHttpRequest": true
          },
          "extensionBundle": { "id": "Microsoft.Azure.Functions.ExtensionBundle", "version": "[4.*, 5.0.0)" },
          "extensions": { "http": { "routePrefix": "api" }, "blobs": { "maxDegreeOfParallelism": 4, "poisonBlobThreshold": 5 } },
          "functionTimeout": "00:10:00"
        }
        """;

    public FunctionAppFolder(string hostJson = DefaultHostJson)
    {
        Root = Path.Combine(Path.GetTempPath(), "devhost-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        File.WriteAllText(Path.Combine(Root, "host.json"), hostJson);
    }

    public string Root { get; }

    public FunctionAppFolder With(string functionName, string functionJson)
    {
        var folder = Path.Combine(Root, functionName);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "function.json"), functionJson);
        return this;
    }

    public FunctionAppFolder WithBlobFunction(string name, string path, string binding = "scoreFile") => With(name, $$"""
        { "bindings": [ { "name": "{{binding}}", "type": "blobTrigger", "direction": "in", "path": "{{path}}", "connection": "AzureWebJobsStorage", "dataType": "binary", "source": "EventGrid" } ] }
        """);

    public FunctionAppFolder WithTimerFunction(string name, string schedule, string binding = "timer") => With(name, $$"""
        { "bindings": [ { "name": "{{binding}}", "type": "timerTrigger", "direction": "in", "schedule": "{{schedule}}", "useMonitor": true, "runOnStartup": false } ] }
        """);

    public FunctionAppFolder WithHttpFunction(string name, string route = "{*path}") => With(name, $$"""
        { "bindings": [
            { "name": "req", "type": "httpTrigger", "direction": "in", "authLevel": "anonymous", "route": "{{route}}", "methods": ["get", "post", "put", "delete", "patch"] },
            { "name": "res", "type": "http", "direction": "out" } ] }
        """);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind harms nothing.
        }
    }
}
