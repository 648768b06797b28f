using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Results;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Tests.Results.Reference;
using ParServerless.Scoring.Units;

namespace ParServerless.Benchmarks.Scoring;

/// <summary>
/// Score and rank a national-scale year: 34 provinces × 130 units × 120 leaves (530,400 marks), against the floor of a
/// plain loop that only sums the same decimals. Marks are gathered beforehand against the scheme, as the pipeline loads them
/// from storage (<see cref="UnitMarks.Gather(Scheme, string, IEnumerable{MarkSheet})"/>, as YearComputation does).
/// </summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 15)]
[MemoryDiagnoser]
[MedianColumn]
public class NationalYearBenchmark
{
    private const int Provinces = 34;
    private const int UnitsPerProvince = 130;
    private Scheme _scheme = null!;
    private (Unit Unit, UnitMarks Marks)[][] _provinces = null!;
    private decimal[][] _flat = null!;
    private UnitMarks[][] _plainMarks = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scheme = BuildScheme();
        var random = new Random(2025);
        var leaves = _scheme.Leaves;
        _provinces = new (Unit, UnitMarks)[Provinces][];
        _plainMarks = new UnitMarks[Provinces][];
        _flat = new decimal[Provinces * UnitsPerProvince][];
        for (var p = 0; p < Provinces; p++)
        {
            _provinces[p] = new (Unit, UnitMarks)[UnitsPerProvince];
            _plainMarks[p] = new UnitMarks[UnitsPerProvince];
            for (var u = 0; u < UnitsPerProvince; u++)
            {
                var code = string.Create(CultureInfo.InvariantCulture, $"P{p}-U{u}");
                var unit = new Unit(code, code, u % 3 == 0 ? "XA" : "SO");
                var points = leaves.Select(l => decimal.Round(l.Leaf!.Maximum * (decimal)random.NextDouble(), 2)).ToArray();
                _flat[p * UnitsPerProvince + u] = points;
                var appraised = leaves.Select((l, i) => (l, i)).Where(x => x.l.Leaf!.Method == ScoringMethod.Appraised)
                    .Select(x => new LeafMark(x.l.Code, points[x.i], null, [])).ToArray();
                var survey = leaves.Select((l, i) => (l, i)).Where(x => x.l.Leaf!.Method == ScoringMethod.Survey)
                    .Select(x => new LeafMark(x.l.Code, points[x.i], null, [])).ToArray();
                MarkSheet[] sheets =
                [
                    new MarkSheet(_scheme.Ref, 2025, code, MarkSource.Appraisal1, appraised, []),
                    new MarkSheet(_scheme.Ref, 2025, code, MarkSource.Survey, survey, []),
                ];
                _provinces[p][u] = (unit, UnitMarks.Gather(_scheme, code, sheets));
                _plainMarks[p][u] = UnitMarks.Gather(code, sheets);
            }
        }
    }

    [Benchmark(Baseline = true, Description = "floor: sum the same decimals")]
    public decimal SumOnly()
    {
        var total = 0m;
        foreach (var unit in _flat)
            foreach (var mark in unit)
                total += mark;
        return total;
    }

    [Benchmark(Description = "score and rank 34 provinces")]
    public int ScoreAndRank()
    {
        var ranked = 0;
        foreach (var province in _provinces)
        {
            var results = new UnitResult[province.Length];
            for (var i = 0; i < province.Length; i++)
                results[i] = ScoreCalculator.Score(_scheme, province[i].Unit, 2025, province[i].Marks);
            foreach (var standing in Ranking.Rank(_scheme, results))
                ranked += standing.Rows.Count;
        }
        return ranked;
    }

    /// <summary>The path before issue #14 (the test project's reference implementation), on marks gathered without the scheme.</summary>
    [Benchmark(Description = "before #14: score and rank 34 provinces")]
    public int ScoreAndRankReference()
    {
        var ranked = 0;
        for (var p = 0; p < _provinces.Length; p++)
        {
            var results = new ReferenceResult[UnitsPerProvince];
            for (var i = 0; i < UnitsPerProvince; i++)
                results[i] = ReferenceScoring.Score(_scheme, _provinces[p][i].Unit, _plainMarks[p][i]);
            foreach (var (_, rows) in ReferenceScoring.Rank(_scheme, results))
                ranked += rows.Count;
        }
        return ranked;
    }

    /// <summary>8 areas × 5 criteria × 3 sub-criteria = 120 leaves; the last criterion of each area is a survey criterion.</summary>
    internal static Scheme BuildScheme()
    {
        var json = new StringBuilder("""{"id":"BENCH-120","version":1,"name":"Bench","fromYear":2025,"maximumTotal":100,""");
        json.Append("""
            "groups":[{"code":"SO","name":"Sở"},{"code":"XA","name":"Xã"}],"bands":[{"name":"Xuất sắc","lowerBound":90},{"name":"Tốt","lowerBound":80},{"name":"Khá","lowerBound":70},{"name":"Trung bình","lowerBound":50},{"name":"Yếu","lowerBound":0}],"criteria":[
            """);
        // 120 leaves share 100 points: 100 leaves of 0.8 and 20 of 1.0.
        var leaf = 0;
        for (var a = 1; a <= 8; a++)
        {
            json.Append(CultureInfo.InvariantCulture, $$"""{"code":"{{a}}","name":"Lĩnh vực {{a}}","children":[""");
            for (var c = 1; c <= 5; c++)
            {
                json.Append(CultureInfo.InvariantCulture, $$"""{"code":"{{a}}.{{c}}","name":"Tiêu chí {{a}}.{{c}}","children":[""");
                for (var s = 1; s <= 3; s++, leaf++)
                {
                    var max = leaf < 100 ? "0.8" : "1.0";
                    var method = c == 5 ? "Survey" : "Appraised";
                    json.Append(CultureInfo.InvariantCulture, $$"""{"code":"{{a}}.{{c}}.{{s}}","name":"TCTP {{a}}.{{c}}.{{s}}","max":{{max}},"method":"{{method}}"}""");
                    if (s < 3) json.Append(',');
                }
                json.Append("]}").Append(c < 5 ? "," : "");
            }
            json.Append("]}").Append(a < 8 ? "," : "");
        }
        json.Append("]}");
        var result = SchemeJson.Load(json.ToString());
        return result.Value ?? throw new InvalidOperationException(result.Report.ToText());
    }
}
