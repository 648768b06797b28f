using CsCheck;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Results;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Tests.Results.Reference;
using ParServerless.Scoring.Units;

namespace ParServerless.Scoring.Tests.Results;

/// <summary>
/// The prepared scoring path (issue #14) against the path it replaced (<see cref="ReferenceScoring"/>), over random schemes and
/// marks: every figure equal to the last digit and the same scale, every area and leaf, then ranks and bands.
/// </summary>
public class PreparedScoringProperties
{
    [Fact]
    public void Score_EqualsReference_ToTheLastDigit() =>
        Gen.Int.Sample(seed =>
        {
            var year = RandomYear.Create(seed);
            foreach (var (unit, sheets) in year.Units)
            {
                var expected = ReferenceScoring.Score(year.Scheme, unit, UnitMarks.Gather(unit.Code, sheets));
                AssertSame(expected, ScoreCalculator.Score(year.Scheme, unit, 2025, UnitMarks.Gather(year.Scheme, unit.Code, sheets)));
                // Marks gathered without the scheme take the look-up path to the same figures.
                AssertSame(expected, ScoreCalculator.Score(year.Scheme, unit, 2025, UnitMarks.Gather(unit.Code, sheets)));
            }
        }, iter: 300);

    [Fact]
    public void Rank_EqualsReference_TiesAndBandsIncluded() =>
        Gen.Int.Sample(seed =>
        {
            var year = RandomYear.Create(seed);
            var expected = ReferenceScoring.Rank(year.Scheme,
                year.Units.Select(u => ReferenceScoring.Score(year.Scheme, u.Unit, UnitMarks.Gather(u.Unit.Code, u.Sheets))));
            var actual = Ranking.Rank(year.Scheme,
                year.Units.Select(u => ScoreCalculator.Score(year.Scheme, u.Unit, 2025, UnitMarks.Gather(year.Scheme, u.Unit.Code, u.Sheets))));
            Assert.Equal(expected.Count, actual.Count);
            for (var g = 0; g < expected.Count; g++)
            {
                Assert.Equal(expected[g].Group, actual[g].Group);
                Assert.Equal(
                    expected[g].Rows.Select(r => (r.Result.Unit.Code, r.Rank, r.Band?.Name)),
                    actual[g].Rows.Select(r => (r.Result.Unit.Code, r.Rank, r.Band?.Name)));
            }
        }, iter: 300);

    [Fact]
    public void For_GatheredWithScheme_GivesTheSamePointsAndNotes() =>
        Gen.Int.Sample(seed =>
        {
            var year = RandomYear.Create(seed);
            foreach (var (unit, sheets) in year.Units)
            {
                var plain = UnitMarks.Gather(unit.Code, sheets);
                var aligned = UnitMarks.Gather(year.Scheme, unit.Code, sheets);
                foreach (var code in year.Scheme.Leaves.Select(l => l.Code).Append(RandomYear.Outside))
                {
                    var (p, a) = (plain.For(code), aligned.For(code));
                    Assert.Equal((p.Self, p.Appraisal1, p.Appraisal2, p.Survey, p.SelfNote, p.AppraiserNote, p.Explanation),
                        (a.Self, a.Appraisal1, a.Appraisal2, a.Survey, a.SelfNote, a.AppraiserNote, a.Explanation));
                    Assert.Equal(p.Evidence, a.Evidence);
                }
            }
        }, iter: 100);

    [Fact]
    public void RandomYears_ExerciseBothWaysOfSumming()
    {
        var exact = Enumerable.Range(0, 40).Select(RandomYear.Create)
            .SelectMany(y => y.Units.Select(u => UnitMarks.Gather(y.Scheme, u.Unit.Code, u.Sheets).PointsFor(ScoringPlan.For(y.Scheme)).Exact))
            .ToArray();
        Assert.Contains(true, exact);
        Assert.Contains(false, exact);
    }

    [Fact]
    public void Leaves_AreComputedAfreshButEqual()
    {
        var year = RandomYear.Create(14);
        var (unit, sheets) = year.Units[0];
        var result = ScoreCalculator.Score(year.Scheme, unit, 2025, UnitMarks.Gather(year.Scheme, unit.Code, sheets));
        Assert.NotSame(result.Leaves, result.Leaves);
        Assert.Equal(result.Leaves, result.Leaves);
        Assert.Same(result.Areas, result.Areas);
    }

    private static void AssertSame(ReferenceResult e, UnitResult a)
    {
        Assert.Equal(e.Unit, a.Unit);
        Assert.Equal(e.Status, a.Status);
        Assert.Equal(e.Rescaled, a.Rescaled);
        Digits(e.SelfTotal, a.SelfTotal);
        Digits(e.AppraisedPoints, a.AppraisedPoints);
        Digits(e.SurveyPoints, a.SurveyPoints);
        Digits(e.Bonus, a.Bonus);
        Digits(e.Penalty, a.Penalty);
        Digits(e.Total, a.Total);
        Digits(e.Maximum, a.Maximum);
        Digits(e.SurveyMaximum, a.SurveyMaximum);
        Digits(e.Index, a.Index);
        Assert.Equal(e.Areas.Count, a.Areas.Count);
        for (var i = 0; i < e.Areas.Count; i++)
        {
            var (x, y) = (e.Areas[i], a.Areas[i]);
            Assert.Equal((x.Code, x.Name), (y.Code, y.Name));
            Digits(x.Maximum, y.Maximum);
            Digits(x.SelfPoints, y.SelfPoints);
            Digits(x.Points, y.Points);
            Digits(x.Index, y.Index);
        }
        var leaves = a.Leaves;
        Assert.Equal(e.Leaves.Count, leaves.Count);
        for (var i = 0; i < leaves.Count; i++)
        {
            var (x, y) = (e.Leaves[i], leaves[i]);
            Assert.Equal((x.Code, x.Name, x.Method), (y.Code, y.Name, y.Method));
            Digits(x.Maximum, y.Maximum);
            Digits(x.Final, y.Final);
            Digits(x.Lost, y.Lost);
            foreach (var (u, v) in new[] { (x.Self, y.Self), (x.Appraisal1, y.Appraisal1), (x.Appraisal2, y.Appraisal2), (x.Survey, y.Survey) })
            {
                Assert.Equal(u.HasValue, v.HasValue);
                if (u is { } uu) Digits(uu, v!.Value);
            }
        }
    }

    /// <summary>Same value and same scale: "89,450" and "89,45" are equal decimals but not the same digits.</summary>
    private static void Digits(decimal expected, decimal actual) =>
        Assert.Equal(decimal.GetBits(expected), decimal.GetBits(actual));
}
