using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ParServerless.Deploy.Tests.Support;
using ParServerless.Pipeline.Storage;

namespace ParServerless.Deploy.Tests;

/// <summary>infra/main.bicep builds and lints clean offline, and names exactly what the code uses.</summary>
public sealed partial class BicepTest
{
    private static readonly string Text = File.ReadAllText(Repo.MainBicep);

    [Fact]
    public void Build_SucceedsWithoutAnyDiagnostic()
    {
        var (code, stdout, stderr) = Repo.Run(Repo.Bicep, ["build", Repo.MainBicep, "--stdout"]);
        Assert.True(code == 0, stderr);
        Assert.Equal("", stderr.Trim());
        var arm = JsonNode.Parse(stdout)!;
        Assert.NotNull(arm["resources"]);
    }

    [Fact]
    public void Lint_ReportsNoWarning()
    {
        var (code, stdout, stderr) = Repo.Run(Repo.Bicep, ["lint", Repo.MainBicep]);
        Assert.True(code == 0, stdout + stderr);
        Assert.Equal("", (stdout + stderr).Trim());
    }

    /// <summary>The Event Grid subscriptions' (function name, container) pairs, in main.bicep's order.</summary>
    internal static List<(string Name, string Container)> BlobFunctions()
    {
        var m = Regex.Match(Text, @"^var blobFunctions = \[(.*?)\n\]", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(m.Success, "var blobFunctions not found in main.bicep");
        return [.. Regex.Matches(m.Groups[1].Value, @"name: '([^']+)'\s*\n\s*container: '([^']+)'").Select(x => (x.Groups[1].Value, x.Groups[2].Value))];
    }

    [Fact]
    public void EventGridWebhook_NamesTheFunction_WithTheBlobsExtensionKey_OnlyInPhaseTwo()
    {
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.${f.name}&code=${blobsExtensionKey}", Text, StringComparison.Ordinal);
        Assert.Contains("[for f in blobFunctions: if (!empty(blobsExtensionKey))", Text, StringComparison.Ordinal);
        Assert.Equal(StorageNames.Uploads.All, BlobFunctions().Select(f => f.Container));
    }

    [Fact]
    public void FunctionApp_IsFlexConsumption_OnDotnetIsolated10_WithoutTheCustomHandler()
    {
        Assert.Matches(@"runtime: \{\s*name: 'dotnet-isolated'\s*version: '10\.0'\s*\}", Text);
        Assert.Contains("tier: 'FlexConsumption'", Text, StringComparison.Ordinal);
        Assert.DoesNotContain("'custom'", Text, StringComparison.Ordinal);
        Assert.DoesNotContain("WEBSITE_RUN_FROM_PACKAGE", Text, StringComparison.Ordinal);
        // Flex Consumption refuses these settings: the runtime comes from functionAppConfig.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", Text, StringComparison.Ordinal);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", Text, StringComparison.Ordinal);
    }

    private static List<string> StringArray(string variable)
    {
        var m = Regex.Match(Text, $@"^var {variable} = \[\s*\n(.*?)\n\]", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(m.Success, $"var {variable} not found in main.bicep");
        return [.. Quoted().Matches(m.Groups[1].Value).Select(x => x.Groups[1].Value)];
    }

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();

    [Fact]
    public void Containers_TablesAndQueues_AreTheCodesNames()
    {
        Assert.Equal(StorageNames.Uploads.All, StringArray("uploadContainers"));
        Assert.Equal(StorageNames.AppContainers.All, StringArray("appContainers"));
        Assert.Equal([StorageNames.Host.HostContainer, StorageNames.Host.EventGridDeadLetter, "deployments"], StringArray("hostContainers"));
        Assert.Equal(StorageNames.Tables.All, StringArray("tables"));
        Assert.Equal([StorageNames.Host.PoisonQueue, StorageNames.Queues.Publications, StorageNames.Queues.PublicationsPoison], StringArray("queues"));
        Assert.Contains($"blobContainerName: '{StorageNames.Host.EventGridDeadLetter}'", Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_IncludeEverySettingTheWorkerReads_AndNoAccountKey()
    {
        var names = Regex.Matches(Text, @"name: '([A-Za-z_][A-Za-z0-9_]*)'\s*\n\s*value:").Select(x => x.Groups[1].Value).ToHashSet();
        foreach (var setting in StorageNames.Settings.Required) Assert.Contains(setting, names);
        Assert.Contains($"{StorageNames.Settings.Storage}__accountName", names);
        Assert.Contains("allowSharedKeyAccess: false", Text, StringComparison.Ordinal);
        Assert.DoesNotContain("listKeys", Text, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", Text, StringComparison.Ordinal);
    }

    [Fact]
    public void StorageProvisioned_IsTrue_AndTheAppWaitsForEveryContainerTableAndQueue()
    {
        // The worker then makes no create calls (StorageSetup): everything must exist before it runs.
        Assert.Matches($@"name: '{StorageNames.Settings.StorageProvisioned}'\s*\n\s*value: 'true'", Text);
        var app = Regex.Match(Text, @"^resource flexApp .*?^}", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(app.Success, "resource flexApp not found in main.bicep");
        var dependsOn = Regex.Match(app.Value, @"dependsOn: \[(.*?)\]", RegexOptions.Singleline);
        Assert.True(dependsOn.Success, "flexApp has no dependsOn");
        Assert.Equal(["containers", "storageTables", "storageQueues"],
            dependsOn.Groups[1].Value.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>Every app setting name main.bicep sets, for the functions.metadata checks.</summary>
    internal static IReadOnlySet<string> AppSettingNames() =>
        Regex.Matches(Text, @"name: '([A-Za-z_][A-Za-z0-9_]*)'\s*\n\s*value:").Select(x => x.Groups[1].Value).ToHashSet();
}
