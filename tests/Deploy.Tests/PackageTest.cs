using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ParServerless.Deploy.Tests.Support;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Pages;
using ParServerless.Pipeline.Storage;

namespace ParServerless.Deploy.Tests;

/// <summary>The zip infra/package.sh builds: what Azure Functions (dotnet-isolated) runs, and nothing else.</summary>
[Collection(PackageGroup.Name)]
public sealed class PackageTest(PackageFixture package)
{
    private const string Storage = StorageNames.Settings.Storage;

    private List<string> Names()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);
        return [.. zip.Entries.Select(e => e.FullName)];
    }

    /// <summary>The package's functions.metadata: one object per function, with its bindings (the SDK writes it at build).</summary>
    private List<JsonObject> Functions() =>
        [.. JsonNode.Parse(File.ReadAllText(Path.Combine(package.Root, "functions.metadata")))!.AsArray().Select(f => f!.AsObject())];

    private JsonObject Function(string name) => Functions().Single(f => (string?)f["name"] == name);

    private static JsonObject Trigger(JsonObject function) =>
        function["bindings"]!.AsArray().Select(b => b!.AsObject())
            .Single(b => string.Equals((string?)b["direction"], "in", StringComparison.OrdinalIgnoreCase) && ((string?)b["type"])!.EndsWith("Trigger", StringComparison.Ordinal));

    [Fact]
    public void Zip_HasTheWorkerLayoutAtItsRoot()
    {
        var names = Names();
        foreach (var file in new[] { "host.json", "functions.metadata", "worker.config.json", "extensions.json", "ParServerless.Functions.dll", "ParServerless.Pipeline.dll", "ParServerless.Documents.dll" })
            Assert.Contains(file, names);
        Assert.Contains(names, n => n.StartsWith(".azurefunctions/", StringComparison.Ordinal));
        // Framework-dependent linux-x64: the native libraries the PDFs need, and no bundled .NET runtime.
        Assert.Contains(names, n => n.EndsWith("libSkiaSharp.so", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith("libHarfBuzzSharp.so", StringComparison.Ordinal));
        Assert.DoesNotContain("System.Private.CoreLib.dll", names);
        Assert.DoesNotContain(names, n => n.EndsWith(".exe", StringComparison.Ordinal));
        Assert.Equal(names.Order(StringComparer.Ordinal), names); // sorted, so two builds list alike
    }

    [Fact]
    public void HostJson_IsTheRepositorysOne_WithoutACustomHandler()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(package.Root, "host.json")))!;
        Assert.Equal(JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "host.json")))!.ToJsonString(), host.ToJsonString());
        Assert.Null(host["customHandler"]);
        Assert.Equal("2.0", (string?)host["version"]);
        // Empty: the pages sit at the root and the API's routes carry their own api/ (ApiRoutes).
        Assert.Equal("", (string?)host["extensions"]!["http"]!["routePrefix"]);
    }

    [Fact]
    public void WorkerConfig_StartsTheWorkerAssemblyWithDotnet()
    {
        var description = JsonNode.Parse(File.ReadAllText(Path.Combine(package.Root, "worker.config.json")))!["description"]!;
        Assert.Equal("dotnet-isolated", (string?)description["language"]);
        Assert.Equal("dotnet", (string?)description["defaultExecutablePath"]);
        Assert.Equal("ParServerless.Functions.dll", (string?)description["defaultWorkerPath"]);
        Assert.True(File.Exists(Path.Combine(package.Root, "ParServerless.Functions.dll")));
    }

    [Fact]
    public void RuntimeConfig_TurnsTieredPgoOff_AsThePublicationBenchmarkMeasured()
    {
        // A publication's renderers ran 20–25 % slower with tiered PGO's instrumented tier (src/Functions' project file says why).
        var options = JsonNode.Parse(File.ReadAllText(Path.Combine(package.Root, "ParServerless.Functions.runtimeconfig.json")))!["runtimeOptions"]!["configProperties"]!;
        Assert.False((bool?)options["System.Runtime.TieredPGO"]);
        // The benchmark's publishing process must run as the app does, or its figures say nothing about the app.
        var bench = File.ReadAllText(Path.Combine(Repo.Root, "bench", "Publication", "ParServerless.Bench.Publication.csproj"));
        Assert.Contains("<TieredPGO>false</TieredPGO>", bench, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ParServerless.Functions.dll")]
    [InlineData("ParServerless.Pipeline.dll")]
    [InlineData("ParServerless.Documents.dll")]
    [InlineData("Microsoft.Azure.Functions.Worker.Grpc.dll")]
    [InlineData("Azure.Data.Tables.dll")]
    public void Assemblies_ArePrecompiled(string assembly)
    {
        // ReadyToRun (cold start, issue #14): the assembly carries native code beside its IL, announced in its CLI header.
        using var pe = new PEReader(File.OpenRead(Path.Combine(package.Root, assembly)));
        Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{assembly} has no ReadyToRun code");
    }

    [Fact]
    public void RuntimeConfig_TurnsDynamicCodeOff_AsTheColdStartBenchmarkMeasured()
    {
        // A new worker no longer emits and fully compiles code it runs once (src/Functions' project file says why).
        var options = JsonNode.Parse(File.ReadAllText(Path.Combine(package.Root, "ParServerless.Functions.runtimeconfig.json")))!["runtimeOptions"]!["configProperties"]!;
        Assert.False((bool?)options["System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported"]);
        var bench = File.ReadAllText(Path.Combine(Repo.Root, "bench", "Publication", "ParServerless.Bench.Publication.csproj"));
        Assert.Contains("<DynamicCodeSupport>false</DynamicCodeSupport>", bench, StringComparison.Ordinal);
    }

    [Fact]
    public void Zip_HasNothingDevOnly()
    {
        var names = Names();
        Assert.DoesNotContain(names, n => n.Contains("DevHost", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(names, n => n.Contains(".Tests", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(names, n => n.Contains("Testing", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(names, n => n.Contains("Samples", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(names, n => n.Contains("parserverless.dll", StringComparison.Ordinal)); // the CLI
        Assert.DoesNotContain(names, n => n.Contains("xunit", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(names, n => n.EndsWith("local.settings.json", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(names, n => n.EndsWith("appsettings.Development.json", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(names, n => n.EndsWith(".pdb", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.EndsWith("function.json", StringComparison.Ordinal)); // the custom handler's layout
        using var zip = ZipFile.OpenRead(package.ZipPath);
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.Ordinal) || e.FullName == "functions.metadata"))
        {
            using var reader = new StreamReader(entry.Open());
            var text = reader.ReadToEnd();
            Assert.DoesNotContain("PAR_ADMIN_KEY\":", text, StringComparison.Ordinal);
            Assert.DoesNotContain("AccountKey=", text, StringComparison.Ordinal);
            Assert.DoesNotContain("UseDevelopmentStorage", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void BlobFunctions_WatchTheirContainer_FromEventGrid_WithTheStorageConnection_AsBicepSubscribes()
    {
        var settings = BicepTest.AppSettingNames();
        var blob = Functions().Where(f => (string?)Trigger(f)["type"] == "blobTrigger").ToList();
        var pairs = blob.Select(f => ((string)f["name"]!, ((string)Trigger(f)["path"]!).Split('/')[0])).ToList();
        Assert.Equal(BicepTest.BlobFunctions().Order(), pairs.Order());
        Assert.Equal(StorageNames.Uploads.All.Order(StringComparer.Ordinal), pairs.Select(p => p.Item2).Order(StringComparer.Ordinal));
        foreach (var f in blob)
        {
            var trigger = Trigger(f);
            var name = (string)f["name"]!;
            Assert.Matches(@"^[a-z0-9-]+(/\{[a-z]+\})+$", (string)trigger["path"]!);
            Assert.Equal("EventGrid", (string?)trigger["source"]); // Flex Consumption has no polling blob trigger
            var connection = (string)trigger["connection"]!;
            Assert.Equal(Storage, connection);
            Assert.True(settings.Contains(connection) || settings.Contains(connection + "__accountName"), $"{name}: connection {connection} is not set by infra");
        }
    }

    [Fact]
    public void GenerateDecision_IsATimerOnTheScheduleSetting_WithTheMonitor()
    {
        var trigger = Trigger(Function("GenerateDecision"));
        Assert.Equal("timerTrigger", (string?)trigger["type"]);
        Assert.Equal($"%{StorageNames.Settings.DecisionSchedule}%", (string?)trigger["schedule"]);
        Assert.True((bool?)trigger["useMonitor"]);
        Assert.Contains(StorageNames.Settings.DecisionSchedule, BicepTest.AppSettingNames());
        Assert.Single(Functions(), f => (string?)Trigger(f)["type"] == "timerTrigger");
    }

    [Fact]
    public void RunPublication_IsTheOneQueueTrigger_OnThePublicationsQueue_WithTheStorageConnection()
    {
        var trigger = Trigger(Function("RunPublication"));
        Assert.Equal("queueTrigger", (string?)trigger["type"]);
        Assert.Equal(StorageNames.Queues.Publications, (string?)trigger["queueName"]);
        // No connection named: the host uses AzureWebJobsStorage (or its __accountName identity settings), which infra sets.
        Assert.Null((string?)trigger["connection"]);
        Assert.Single(Functions(), f => (string?)Trigger(f)["type"] == "queueTrigger");
    }

    [Fact]
    public void HttpFunctions_ServeTheCataloguesRoutes_Anonymously()
    {
        var http = Functions().Where(f => (string?)Trigger(f)["type"] == "httpTrigger").ToDictionary(f => (string)f["name"]!, Trigger);
        var catalogue = ApiOperations.All.GroupBy(o => o.Function).ToDictionary(g => g.Key, g => g.ToList());
        var pages = PageRoutes.All.ToDictionary(p => p.Function);
        Assert.Equal(catalogue.Keys.Concat(pages.Keys).Append(ApiOperations.Functions.Fallback).Order(StringComparer.Ordinal), http.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, trigger) in http)
        {
            // Our code checks keys (PAR_ADMIN_KEY, the units' keys); the host must not ask for a function key first.
            Assert.Equal("anonymous", ((string?)trigger["authLevel"])?.ToLowerInvariant());
            var methods = trigger["methods"]!.AsArray().Select(m => ((string)m!).ToUpperInvariant()).ToHashSet();
            if (name == ApiOperations.Functions.Fallback)
            {
                Assert.Equal(ApiRoutes.Fallback, (string?)trigger["route"]);
                continue;
            }
            if (pages.TryGetValue(name, out var page))
            {
                Assert.Equal(page.Route, (string?)trigger["route"]);
                Assert.Equal(page.Methods.Order(), methods.Order());
                continue;
            }
            foreach (var op in catalogue[name])
            {
                Assert.Equal(op.Route, (string?)trigger["route"]);
                Assert.Contains(op.Method, methods);
                if (op.Method == "GET") Assert.Contains("HEAD", methods);
            }
        }
    }

    [Fact]
    public void EveryPercentSetting_InAnyBinding_IsSetByInfra()
    {
        var settings = BicepTest.AppSettingNames();
        foreach (var f in Functions())
            foreach (var b in f["bindings"]!.AsArray())
                foreach (var value in b!.AsObject().Select(p => p.Value?.ToString() ?? ""))
                    foreach (Match m in Regex.Matches(value, "%([^%]+)%"))
                        Assert.Contains(m.Groups[1].Value, settings);
    }
}
