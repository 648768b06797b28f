using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ParServerless.Deploy.Tests.Support;
using ParServerless.Functions.Hosting;
using ParServerless.Functions.Storage;

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
        Assert.Equal([StorageNames.Host.PoisonQueue], StringArray("queues"));
        Assert.Contains($"blobContainerName: '{StorageNames.Host.EventGridDeadLetter}'", Text, StringComparison.Ordinal);
    }

    [Fact]
    public void EventGridSubscriptions_CoverEveryBlobFunctionAndItsContainer()
    {
        var m = Regex.Match(Text, @"^var blobFunctions = \[(.*?)\n\]", RegexOptions.Multiline | RegexOptions.Singleline);
        var pairs = Regex.Matches(m.Groups[1].Value, @"name: '([^']+)'\s*\n\s*container: '([^']+)'")
            .Select(x => (x.Groups[1].Value, x.Groups[2].Value)).ToList();
        var code = FunctionApp.BlobFunctions.Select(f => (f.Name, f.Path.Split('/')[0])).ToList();
        Assert.Equal(code, pairs);
        Assert.Contains("functionName=Host.Functions.${f.name}", Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_IncludeEverySettingTheHandlerReads_AndNoAccountKey()
    {
        var names = Regex.Matches(Text, @"name: '([A-Za-z_][A-Za-z0-9_]*)'\s*\n\s*value:").Select(x => x.Groups[1].Value).ToHashSet();
        foreach (var setting in StorageNames.Settings.Required) Assert.Contains(setting, names);
        Assert.Contains($"{StorageNames.Settings.Storage}__accountName", names);
        Assert.Contains("allowSharedKeyAccess: false", Text, StringComparison.Ordinal);
        Assert.DoesNotContain("listKeys", Text, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", Text, StringComparison.Ordinal);
    }

    /// <summary>Every app setting name main.bicep sets, for the function.json checks.</summary>
    internal static IReadOnlySet<string> AppSettingNames() =>
        Regex.Matches(Text, @"name: '([A-Za-z_][A-Za-z0-9_]*)'\s*\n\s*value:").Select(x => x.Groups[1].Value).ToHashSet();
}
