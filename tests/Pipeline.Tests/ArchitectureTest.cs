using System.Text.RegularExpressions;

namespace ParServerless.Pipeline.Tests;

public sealed partial class ArchitectureTest
{
    [Fact]
    public void PipelineAssembly_ReferencesNoFunctionsPackageAndNoAspNetCore()
    {
        var references = typeof(PipelineServices).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.DoesNotContain(references, n =>
            n.StartsWith("Microsoft.Azure.Functions", StringComparison.Ordinal) || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.Contains("Azure.Data.Tables", references); // the check reads real references
    }

    /// <summary>The function app is glue: Program.cs and one method per function, under 800 lines in all.</summary>
    [Fact]
    public void FunctionsProject_IsGlue_UnderEightHundredLines()
    {
        var folder = Path.Combine(Root(), "src", "Functions");
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Generated().IsMatch(f)).ToList();
        Assert.NotEmpty(files);
        var lines = files.Sum(f => File.ReadLines(f).Count());
        Assert.True(lines < 800, $"src/Functions has {lines} lines");
        Assert.Empty(Directory.EnumerateFiles(folder, "function.json", SearchOption.AllDirectories));
    }

    [Fact]
    public void HostJson_HasNoCustomHandler()
    {
        var hostJson = File.ReadAllText(Path.Combine(Root(), "host.json"));
        Assert.DoesNotContain("customHandler", hostJson, StringComparison.Ordinal);
        Assert.Contains("\"routePrefix\": \"\"", hostJson, StringComparison.Ordinal); // pages at the root; ApiRoutes carry api/
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ParServerless.sln"))) return dir.FullName;
        throw new InvalidOperationException("ParServerless.sln not found");
    }

    [GeneratedRegex(@"[/\\](obj|bin)[/\\]")]
    private static partial Regex Generated();
}
