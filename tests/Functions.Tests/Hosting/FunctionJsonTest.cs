using System.Text.Json.Nodes;
using ParServerless.Functions.Hosting;
using ParServerless.Functions.Storage;

namespace ParServerless.Functions.Tests.Hosting;

/// <summary>The function.json files (what the host reads) agree with the code (what the handler serves).</summary>
public sealed class FunctionJsonTest
{
    private static readonly string FunctionsRoot = Path.Combine(Support.Pipeline.RepoRoot, "src", "Functions");

    private static JsonNode Read(string function) => JsonNode.Parse(File.ReadAllText(Path.Combine(FunctionsRoot, function, "function.json")))!;

    [Fact]
    public void EveryBlobFunction_HasOneBlobTrigger_WithTheCodesPath_BinaryData_StorageConnection_EventGrid()
    {
        foreach (var function in FunctionApp.BlobFunctions)
        {
            var binding = Assert.Single(Read(function.Name)["bindings"]!.AsArray())!;
            Assert.Equal("blobTrigger", (string?)binding["type"]);
            Assert.Equal("in", (string?)binding["direction"]);
            Assert.Equal(function.BindingName, (string?)binding["name"]);
            Assert.Equal(function.Path, (string?)binding["path"]);
            Assert.Equal("binary", (string?)binding["dataType"]);
            Assert.Equal(StorageNames.Settings.Storage, (string?)binding["connection"]);
            Assert.Equal("EventGrid", (string?)binding["source"]);
            Assert.Contains(function.Path.Split('/')[0], StorageNames.Uploads.All);
        }
    }

    [Fact]
    public void FunctionFolders_AreExactlyTheFunctionsTheHandlerServes()
    {
        var folders = Directory.GetDirectories(FunctionsRoot).Where(d => File.Exists(Path.Combine(d, "function.json"))).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        var served = FunctionApp.BlobFunctions.Select(f => f.Name).Append("GenerateDecision").Append("Api").Order(StringComparer.Ordinal);
        Assert.Equal(served, folders);
    }

    [Fact]
    public void GenerateDecision_IsATimerOnTheScheduleSetting_WithMonitor_NeverOnStartup()
    {
        var binding = Assert.Single(Read("GenerateDecision")["bindings"]!.AsArray())!;
        Assert.Equal("timerTrigger", (string?)binding["type"]);
        Assert.Equal($"%{StorageNames.Settings.DecisionSchedule}%", (string?)binding["schedule"]);
        Assert.True((bool)binding["useMonitor"]!);
        Assert.False((bool)binding["runOnStartup"]!);
    }

    [Fact]
    public void Api_IsOnlyOneAnonymousCatchAllHttpTrigger_AndHttpOut_SoTheHostForwardsIt()
    {
        var bindings = Read("Api")["bindings"]!.AsArray();
        Assert.Equal(2, bindings.Count);
        var trigger = bindings.Single(b => (string?)b!["type"] == "httpTrigger")!;
        Assert.Equal("anonymous", (string?)trigger["authLevel"]);
        Assert.Equal("{*path}", (string?)trigger["route"]);
        Assert.Null(trigger["methods"]);
        Assert.Equal("out", (string?)bindings.Single(b => (string?)b!["type"] == "http")!["direction"]);
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(Support.Pipeline.RepoRoot, "host.json")))!;
        Assert.True((bool)host["customHandler"]!["enableForwardingHttpRequest"]!);
        Assert.Equal("api", (string?)host["extensions"]!["http"]!["routePrefix"]);
    }
}
