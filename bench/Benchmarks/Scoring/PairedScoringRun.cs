using System.Diagnostics;
using System.Globalization;

namespace ParServerless.Benchmarks.Scoring;

/// <summary>
/// <see cref="NationalYearBenchmark"/> measured in alternating rounds (floor, current path, path before #14, each after a full
/// collection), so that on a shared machine whose load drifts the three meet the same load; the ratio is taken per round and
/// its median reported. Run with <c>dotnet run -c Release --project bench/Benchmarks -- --paired [rounds]</c>.
/// </summary>
internal static class PairedScoringRun
{
    public static void Run(int rounds)
    {
        var bench = new NationalYearBenchmark();
        bench.Setup();
        for (var i = 0; i < 3; i++) { bench.SumOnly(); bench.ScoreAndRank(); bench.ScoreAndRankReference(); } // warm-up, tiering
        Thread.Sleep(200);
        for (var i = 0; i < 3; i++) { bench.SumOnly(); bench.ScoreAndRank(); bench.ScoreAndRankReference(); }
        var floor = new List<double>();
        var current = new List<double>();
        var before = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            floor.Add(Time(() => bench.SumOnly()));
            current.Add(Time(() => bench.ScoreAndRank()));
            before.Add(Time(() => bench.ScoreAndRankReference()));
        }
        static double Median(IEnumerable<double> xs)
        {
            var s = xs.Order().ToArray();
            return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
        }
        var ratioCurrent = Median(current.Zip(floor, (c, f) => c / f));
        var ratioBefore = Median(before.Zip(floor, (b, f) => b / f));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"""
            paired rounds: {rounds}, load average {File.ReadAllText("/proc/loadavg").Trim()}
            | Measure | Median | Median of per-round ratios to the floor |
            |---|---:|---:|
            | floor: sum the same decimals | {Median(floor):F2} ms | 1.00 |
            | score and rank 34 provinces | {Median(current):F2} ms | **{ratioCurrent:F2}** |
            | before #14: score and rank 34 provinces | {Median(before):F2} ms | {ratioBefore:F2} |
            """));
    }

    private static double Time(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }
}
