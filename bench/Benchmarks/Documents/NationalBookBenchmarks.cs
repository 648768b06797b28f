using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ParServerless.Documents.Decision;
using ParServerless.Scoring.Decisions;
using ParServerless.Scoring.Results;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Benchmarks.Documents;

/// <summary>
/// A national book: one Decision-shaped PDF of 4,500 units in 30 groups of 150 (30 appendices, each with its tables and
/// charts). Targets: under 15 s and under 500 MB peak memory. The peak working set of the benchmark process (which also
/// holds the scored results) is printed at the end as "// Peak working set".
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class NationalBookBenchmarks
{
    private Scheme _scheme = null!;
    private IReadOnlyList<GroupStanding> _standings = null!;

    [GlobalSetup]
    public void Setup() => (_scheme, _standings) = SyntheticProvince.Build(SyntheticProvince.Nation);

    [Benchmark(Description = "National book: 4,500 units, 30 groups")]
    public int NationalBook()
    {
        var model = SyntheticProvince.Decision(_scheme, _standings);
        return DecisionDocument.Render(model).Length + DecisionJson.Serialize(model).Length;
    }

    [GlobalCleanup]
    public void Report()
    {
        var pdf = DecisionDocument.Render(SyntheticProvince.Decision(_scheme, _standings));
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"// National book: {_standings.Sum(s => s.Rows.Count)} units, {pdf.Length / (1024 * 1024)} MiB PDF");
        Console.WriteLine($"// Peak working set: {process.PeakWorkingSet64 / (1024 * 1024)} MiB");
    }
}
