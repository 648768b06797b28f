using ParServerless.Samples;
using ParServerless.Scoring.Formatting;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Results;

namespace ParServerless.Scoring.Tests.Samples;

/// <summary>Scoring the Thừa Thiên Huế 2021 sample reproduces the published Decision exactly.</summary>
public class HueSampleTest
{
    private static IReadOnlyList<GroupStanding> ScoreAll()
    {
        var scheme = HueSample.Scheme;
        var results = HueSample.Units.Select(u =>
            ScoreCalculator.Score(scheme, u, HueSample.Year, UnitMarks.Gather(u.Code, HueSample.Marks(scheme, u.Code))));
        return Ranking.Rank(scheme, results);
    }

    [Fact]
    public void Score_HueSample_ReproducesPublishedScoresRanksAndBands()
    {
        var format = ScoreFormat.For(HueSample.Scheme);
        var standings = ScoreAll();
        var rows = standings.SelectMany(s => s.Rows).ToDictionary(r => r.Result.Unit.Code);

        Assert.Equal(30, rows.Count);
        foreach (var published in HueSample.Published)
        {
            var row = rows[published.UnitCode!];
            Assert.Equal(published.Score, row.Result.Total);
            Assert.Equal(format.Format(published.Score), format.Format(row.Result.Index));
            Assert.Equal(published.Rank, row.Rank);
            Assert.Equal(published.Band, row.Band?.Name);
            Assert.Equal(ResultStatus.AppraisedTwice, row.Result.Status);
        }
    }

    [Fact]
    public void Score_HueSample_TopUnitFormatsWithDecimalComma()
    {
        var top = ScoreAll().Single(s => s.Group.Code == "SO").Rows[0];
        Assert.Equal("Văn phòng UBND tỉnh", top.Result.Unit.Name);
        Assert.Equal("97,685", ScoreFormat.For(HueSample.Scheme).Format(top.Result.Index));
    }

    [Fact]
    public void Marks_HueSample_AreWithinMaximaAndSelfNotBelowFinal()
    {
        var scheme = HueSample.Scheme;
        foreach (var unit in HueSample.Units)
        {
            var result = ScoreCalculator.Score(scheme, unit, HueSample.Year, UnitMarks.Gather(unit.Code, HueSample.Marks(scheme, unit.Code)));
            Assert.All(result.Leaves, l =>
            {
                Assert.InRange(l.Final, 0m, l.Maximum);
                if (l.Self is { } self) Assert.True(self >= l.Final, $"{unit.Code} {l.Code}: self {self} below final {l.Final}");
                if (l.Appraisal1 is { } r1) Assert.True(r1 <= l.Final, $"{unit.Code} {l.Code}: round 1 above round 2");
            });
        }
    }

    [Fact]
    public void Marks_SameUnitTwice_AreIdentical()
    {
        var first = HueSample.Marks(HueSample.Scheme, "SO-TP");
        var second = HueSample.Marks(HueSample.Scheme, "SO-TP");
        Assert.Equal(
            first.SelectMany(s => s.Leaves).Select(l => (l.Criterion, l.Points)),
            second.SelectMany(s => s.Leaves).Select(l => (l.Criterion, l.Points)));
    }
}
