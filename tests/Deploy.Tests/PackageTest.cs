using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ParServerless.Deploy.Tests.Support;
using ParServerless.Functions.Storage;

namespace ParServerless.Deploy.Tests;

/// <summary>The zip infra/package.sh builds: what Azure Functions runs, and nothing else.</summary>
[Collection(PackageGroup.Name)]
public sealed class PackageTest(PackageFixture package)
{
    private List<ZipArchiveEntry> Entries()
    {
        var zip = ZipFile.OpenRead(package.ZipPath);
        return [.. zip.Entries];
    }

    [Fact]
    public void Zip_HasHostJsonAtRoot_OneFolderPerFunction_AndTheHandler()
    {
        var names = Entries().Select(e => e.FullName).ToList();
        Assert.Contains("host.json", names);
        var expected = Directory.GetDirectories(Path.Combine(Repo.Root, "src", "Functions"))
            .Where(d => File.Exists(Path.Combine(d, "function.json"))).Select(d => Path.GetFileName(d) + "/function.json").Order(StringComparer.Ordinal);
        var functionFiles = names.Where(n => !n.StartsWith("handler/", StringComparison.Ordinal) && n != "host.json").Order(StringComparer.Ordinal);
        Assert.Equal(expected, functionFiles); // each function folder holds its function.json and nothing else
        Assert.Contains("handler/ParServerless.Functions", names);
        Assert.Contains("handler/ParServerless.Documents.dll", names);
        Assert.Contains("handler/libSkiaSharp.so", names);
        Assert.Contains("handler/libHarfBuzzSharp.so", names);
    }

    [Fact]
    public void Zip_HasNothingDevOnly()
    {
        var names = Entries().Select(e => e.FullName).ToList();
        Assert.DoesNotContain(names, n => n.Contains("DevHost", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(names, n => n.Contains(".Tests", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(names, n => n.Contains("Samples", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(names, n => n.Contains("xunit", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(names, n => n.EndsWith("settings.json", StringComparison.OrdinalIgnoreCase) && !n.EndsWith("appsettings.json", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.EndsWith(".pdb", StringComparison.Ordinal));
        foreach (var entry in Entries().Where(e => e.FullName.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            var text = reader.ReadToEnd();
            Assert.DoesNotContain("PAR_ADMIN_KEY\":", text, StringComparison.Ordinal);
            Assert.DoesNotContain("AccountKey=", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void HostJson_DefaultExecutablePath_ExistsAndIsExecutable()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(package.Root, "host.json")))!;
        var description = host["customHandler"]!["description"]!;
        var exe = (string)description["defaultExecutablePath"]!;
        var entry = Entries().Single(e => e.FullName == exe);
        var mode = (UnixFileMode)((entry.ExternalAttributes >> 16) & 0x1FF);
        Assert.True(mode.HasFlag(UnixFileMode.UserExecute) && mode.HasFlag(UnixFileMode.OtherExecute), $"{exe} has mode {mode}");
        Assert.True(Directory.Exists(Path.Combine(package.Root, (string)description["workingDirectory"]!)));
        Assert.True((bool)host["customHandler"]!["enableForwardingHttpRequest"]!);
    }

    [Fact]
    public void EveryFunctionJson_IsValid_WithKnownBindings_Paths_Connections_AndSettingsInfraSets()
    {
        var settings = BicepTest.AppSettingNames();
        foreach (var file in Directory.GetFiles(package.Root, "function.json", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(Path.GetDirectoryName(file))!;
            var bindings = JsonNode.Parse(File.ReadAllText(file))!["bindings"]!.AsArray();
            Assert.NotEmpty(bindings);
            Assert.Single(bindings, b => (string?)b!["direction"] == "in" && ((string?)b["type"])!.EndsWith("Trigger", StringComparison.Ordinal));
            foreach (var b in bindings)
            {
                var type = (string?)b!["type"];
                var direction = (string?)b["direction"];
                Assert.False(string.IsNullOrEmpty((string?)b["name"]), $"{name}: a binding has no name");
                switch (type)
                {
                    case "blobTrigger":
                        Assert.Equal("in", direction);
                        var path = (string)b["path"]!;
                        Assert.Contains(path.Split('/')[0], StorageNames.Uploads.All);
                        Assert.Matches(@"^[a-z0-9-]+(/\{[a-z]+\})+$", path);
                        Assert.Equal("binary", (string?)b["dataType"]);
                        var connection = (string)b["connection"]!;
                        Assert.True(settings.Contains(connection) || settings.Contains(connection + "__accountName"), $"{name}: connection {connection} is not set by infra");
                        break;
                    case "timerTrigger":
                        Assert.Equal("in", direction);
                        foreach (Match m in Regex.Matches((string)b["schedule"]!, "%([^%]+)%"))
                            Assert.Contains(m.Groups[1].Value, settings);
                        break;
                    case "httpTrigger":
                        Assert.Equal("in", direction);
                        Assert.Equal("anonymous", (string?)b["authLevel"]);
                        break;
                    case "http":
                        Assert.Equal("out", direction);
                        break;
                    default:
                        Assert.Fail($"{name}: binding type {type} is not one we declare (only triggers, plus the forwarded http out)");
                        break;
                }
                foreach (var value in b.AsObject().Select(p => p.Value?.ToString() ?? ""))
                    foreach (Match m in Regex.Matches(value, "%([^%]+)%"))
                        Assert.Contains(m.Groups[1].Value, settings);
            }
        }
    }
}
