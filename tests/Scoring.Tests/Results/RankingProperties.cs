using CsCheck;
using ParServerless.Scoring.Formatting;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Results;
using ParServerless.Scoring.Units;

namespace ParServerless.Scoring.Tests.Results;

/// <summary>Invariants of scoring and ranking over random marks.</summary>
public class RankingProperties
{
    private static readonly string[] AppraisedLeaves = ["1.1", "1.2", "2.1", "2.2"];
    private static readonly decimal[] Maxima = [20m, 14.5m, 35m, 0.5m];

    /// <summary>Marks in steps of 0,001 within each leaf maximum, survey included.</summary>
    private static readonly Gen<decimal[]> GenMarks =
        Gen.Select(Gen.Int[0, 20000], Gen.Int[0, 14500], Gen.Int[0, 35000], Gen.Int[0, 500], Gen.Int[0, 29500],
            (a, b, c, d, s) => new[] { a / 1000m, b / 1000m, c / 1000m, d / 1000m, s / 1000m });

    private static UnitResult Score(string code, decimal[] m) =>
        ScoreCalculator.Score(TestSchemes.Tiny, new Unit(code, code, "A"), 2025, UnitMarks.Gather(code,
        [
            Marks.Sheet(code, MarkSource.Appraisal1, AppraisedLeaves.Select((l, i) => (l, (decimal?)m[i])).ToArray()),
            Marks.Sheet(code, MarkSource.Survey, ("2.3", m[4])),
        ]));

    private static readonly Gen<UnitResult[]> GenResults =
        GenMarks.Array[1, 25].Select(all => all.Select((m, i) => Score("U" + i, m)).ToArray());

    [Fact]
    public void Total_EqualsSumOfLeafFinals() =>
        GenMarks.Sample(m =>
        {
            var r = Score("U", m);
            return r.Total == r.Leaves.Sum(l => l.Final) && r.Total == r.Areas.Sum(a => a.Points);
        });

    [Fact]
    public void Rank_DoesNotDependOnInputOrder() =>
        Gen.Select(GenResults, Gen.Int).Sample((results, seed) =>
        {
            var shuffled = results.OrderBy(_ => new Random(seed).Next()).ToArray();
            var a = Ranking.RankGroup(TestSchemes.Tiny, TestSchemes.Tiny.Groups[0], results);
            var b = Ranking.RankGroup(TestSchemes.Tiny, TestSchemes.Tiny.Groups[0], shuffled);
            return a.Rows.Select(r => (r.Result.Unit.Code, r.Rank)).SequenceEqual(b.Rows.Select(r => (r.Result.Unit.Code, r.Rank)));
        });

    [Fact]
    public void Rank_RaisingOneUnitsMark_NeverLowersItsRank() =>
        Gen.Select(GenMarks.Array[2, 15], Gen.Int[0, 3], Gen.Int[1, 5000]).Sample((all, leaf, raiseBy) =>
        {
            var before = Ranking.RankGroup(TestSchemes.Tiny, TestSchemes.Tiny.Groups[0], all.Select((m, i) => Score("U" + i, m)).ToArray());
            var raised = all.Select(m => (decimal[])m.Clone()).ToArray();
            raised[0][leaf] = Math.Min(Maxima[leaf], raised[0][leaf] + raiseBy / 1000m);
            var after = Ranking.RankGroup(TestSchemes.Tiny, TestSchemes.Tiny.Groups[0], raised.Select((m, i) => Score("U" + i, m)).ToArray());
            return after.Find("U0")!.Rank <= before.Find("U0")!.Rank;
        });

    [Fact]
    public void Band_IsMonotoneInTheIndex() =>
        Gen.Select(Gen.Int[0, 100000], Gen.Int[0, 100000]).Sample((x, y) =>
        {
            var (low, high) = (Math.Min(x, y) / 1000m, Math.Max(x, y) / 1000m);
            var bands = TestSchemes.Tiny.Bands.Bands;
            var lowBand = TestSchemes.Tiny.Bands.BandOf(low)!;
            var highBand = TestSchemes.Tiny.Bands.BandOf(high)!;
            return bands.ToList().IndexOf(highBand) <= bands.ToList().IndexOf(lowBand);
        });

    [Fact]
    public void Rounding_NeverInvertsTheUnroundedRanking() =>
        Gen.Select(GenResults, Gen.Int[0, 4], Gen.Bool).Sample((results, decimals, truncate) =>
        {
            var format = new ScoreFormat(decimals, truncate ? Scoring.Schemes.RoundingMode.Truncate : Scoring.Schemes.RoundingMode.HalfUp);
            var rows = Ranking.RankGroup(TestSchemes.Tiny, TestSchemes.Tiny.Groups[0], results).Rows;
            for (var i = 1; i < rows.Count; i++)
                if (format.Round(rows[i].Result.Index) > format.Round(rows[i - 1].Result.Index)) return false;
            return true;
        });
}
