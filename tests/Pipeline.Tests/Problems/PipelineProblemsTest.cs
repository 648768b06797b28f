using System.Reflection;
using System.Text.RegularExpressions;
using ParServerless.Pipeline.Problems;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Pipeline.Tests.Problems;

/// <summary>The one catalogue of PAR-I and PAR-A problems.</summary>
public sealed partial class PipelineProblemsTest
{
    /// <summary>Every refusal the catalogue can make, built with sample arguments.</summary>
    private static IEnumerable<Refusal> All() =>
        typeof(PipelineProblems).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(Refusal))
            .Select(m => (Refusal)m.Invoke(null, m.GetParameters().Select(Sample).ToArray())!);

    private static object? Sample(ParameterInfo p) => p.ParameterType switch
    {
        _ when p.Name == "code" => "PAR-A020", // the scheme refusal carries the scheme's first problem code, else PAR-A020
        var t when t == typeof(int) => 2021,
        var t when t == typeof(long) => 10L * 1024 * 1024,
        var t when t == typeof(string) => "x",
        var t when t == typeof(SchemeRef) => new SchemeRef("hue", 1),
        var t when t == typeof(Scheme) => ParServerless.Samples.HueSample.Scheme,
        var t when t == typeof(IEnumerable<string>) => new[] { "a", "b" },
        var t when t == typeof(IReadOnlyList<string>) => new[] { "SO-TP" },
        var t when t == typeof(IReadOnlyList<ParServerless.Scoring.Problems.Problem>) => Array.Empty<ParServerless.Scoring.Problems.Problem>(),
        _ => null,
    };

    [Fact]
    public void EveryRefusal_HasAWellFormedCodeAndBothTexts()
    {
        var all = All().ToList();
        Assert.True(all.Count > 40, $"only {all.Count} refusals found");
        Assert.All(all, r =>
        {
            Assert.Matches(Code(), r.Code);
            Assert.False(string.IsNullOrWhiteSpace(r.Vietnamese));
            Assert.False(string.IsNullOrWhiteSpace(r.English));
            Assert.NotEqual(r.Vietnamese, r.English);
            Assert.InRange(r.Status, 400, 599);
        });
    }

    [Fact]
    public void ForFault_StorageRetriesExhausted_IsA503()
    {
        // What Azure.Core throws when every retry met a closed port: an AggregateException of transport faults.
        var exhausted = new AggregateException("Retry failed after 4 tries.",
            new Azure.RequestFailedException("Connection refused"), new Azure.RequestFailedException("Connection refused"));
        Assert.Equal("PAR-A503", PipelineProblems.ForFault(exhausted).Code);
        Assert.Equal("PAR-A503", PipelineProblems.ForFault(new Azure.RequestFailedException(500, "boom")).Code);
        Assert.Equal("PAR-A500", PipelineProblems.ForFault(new InvalidOperationException("a bug")).Code);
        Assert.Equal("PAR-A500", PipelineProblems.ForFault(new AggregateException(new Azure.RequestFailedException("x"), new ArgumentException("a bug"))).Code);
    }

    [Fact]
    public void OneCode_AlwaysAnswersWithOneStatus()
    {
        var conflicting = All().GroupBy(r => r.Code).Where(g => g.Select(r => r.Status).Distinct().Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(conflicting);
    }

    [Fact]
    public void NoEndpointOrServiceWritesALiteralCode()
    {
        var root = FindRoot();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src", "Pipeline"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "src", "Functions"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !f.EndsWith("PipelineProblems.cs", StringComparison.Ordinal))
            .Where(f => Literal().IsMatch(File.ReadAllText(f)))
            .Select(Path.GetFileName).ToList();
        Assert.Empty(offenders);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ParServerless.sln"))) return dir.FullName;
        throw new InvalidOperationException("ParServerless.sln not found");
    }

    [GeneratedRegex(@"^PAR-[AI]\d{3}$")]
    private static partial Regex Code();

    // A code in quotes outside the catalogue; the scheme-invalid fallback "PAR-A020" is the one documented exception.
    [GeneratedRegex(@"""PAR-[AI](?!020"")\d{3}""")]
    private static partial Regex Literal();
}
