namespace ParServerless.Scoring.Tests;

public class ArchitectureTest
{
    [Fact]
    public void ScoringAssembly_ReferencesNoAzureWebOrRenderingLibrary()
    {
        var references = typeof(ParServerless.Scoring.Schemes.Scheme).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.DoesNotContain(references, n =>
            n.StartsWith("Azure", StringComparison.Ordinal) || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || n.StartsWith("SkiaSharp", StringComparison.Ordinal) || n.StartsWith("MiniExcel", StringComparison.Ordinal)
            || n.StartsWith("DocumentFormat", StringComparison.Ordinal));
        Assert.Contains("System.Runtime", references); // the check reads real references
    }
}
