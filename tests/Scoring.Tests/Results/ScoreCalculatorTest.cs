using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Results;
using ParServerless.Scoring.Units;
using static ParServerless.Scoring.Tests.Marks;

namespace ParServerless.Scoring.Tests.Results;

public class ScoreCalculatorTest
{
    private static readonly Unit UnitA = new("U1", "Sở Thử nghiệm", "A");
    private static readonly Unit UnitB = new("U1", "UBND xã Thử nghiệm", "B");

    private static UnitResult Score(Unit unit, params MarkSheet[] sheets) =>
        ScoreCalculator.Score(TestSchemes.Tiny, unit, 2025, sheets.Length == 0 ? UnitMarks.Empty("U1") : Gather(sheets));

    [Fact]
    public void Score_SelfOnly_IsProvisionalAndUsesSelfScores()
    {
        var r = Score(UnitA, Sheet(MarkSource.SelfAssessment, ("1.1", 18m), ("1.2", 14.5m), ("2.1", 30m), ("2.2", 0.5m)),
            Sheet(MarkSource.Survey, ("2.3", 25m), ("2.4", 0.25m)));
        Assert.Equal(ResultStatus.Provisional, r.Status);
        Assert.Equal(63m, r.SelfTotal);
        Assert.Equal(63m, r.AppraisedPoints);
        Assert.Equal(25.25m, r.SurveyPoints);
        Assert.Equal(88.25m, r.Total);
        Assert.Equal(88.25m, r.Index);
    }

    [Fact]
    public void Score_LatestAppraisalRoundCounts_Round2ElseRound1()
    {
        var r = Score(UnitA,
            Sheet(MarkSource.SelfAssessment, ("1.1", 20m), ("1.2", 14.5m), ("2.1", 35m), ("2.2", 0.5m)),
            Sheet(MarkSource.Appraisal1, ("1.1", 15m), ("1.2", 10m), ("2.1", 30m), ("2.2", 0m)),
            Sheet(MarkSource.Appraisal2, ("1.1", 17.5m)),
            Sheet(MarkSource.Survey, ("2.3", 20m), ("2.4", 0.5m)));
        Assert.Equal(ResultStatus.AppraisedTwice, r.Status);
        Assert.Equal(70m, r.SelfTotal);
        Assert.Equal(57.5m, r.AppraisedPoints); // 17,5 (round 2) + 10 + 30 + 0 (round 1)
        Assert.Equal(78m, r.Total);
        var leaf = r.Leaves.Single(l => l.Code.Value == "1.1");
        Assert.Equal((20m, 15m, 17.5m, 17.5m, 2.5m), (leaf.Self!.Value, leaf.Appraisal1!.Value, leaf.Appraisal2!.Value, leaf.Final, leaf.Lost));
    }

    [Fact]
    public void Score_AppraisedUnitWithBlankLeaf_ScoresZeroNotSelf()
    {
        var r = Score(UnitA, Sheet(MarkSource.SelfAssessment, ("1.1", 20m)), Sheet(MarkSource.Appraisal1, ("1.2", 10m)));
        Assert.Equal(0m, r.Leaves.Single(l => l.Code.Value == "1.1").Final);
        Assert.Equal(ResultStatus.AppraisedOnce, r.Status);
    }

    [Fact]
    public void Score_GroupSpecificMaxima_SkipsLeavesThatDoNotApply()
    {
        var r = Score(UnitB, Sheet(MarkSource.Appraisal1, ("1.1", 20m), ("1.2", 14.5m), ("2.1", 35.5m), ("2.2", 0.5m)),
            Sheet(MarkSource.Survey, ("2.3", 29.5m), ("2.4", 0.5m)));
        Assert.Equal(100m, r.Maximum);
        Assert.Equal(100m, r.Total); // the 0,5 given on 2.2 does not count for group B
        Assert.DoesNotContain(r.Leaves, l => l.Code.Value == "2.2");
        Assert.Equal(35.5m, r.Leaves.Single(l => l.Code.Value == "2.1").Maximum);
    }

    [Fact]
    public void Score_BonusAndPenalty_AreCappedBySchemeAndTotalStaysWithinScale()
    {
        var full = Sheet(MarkSource.Appraisal1, ("1.1", 20m), ("1.2", 14.5m), ("2.1", 30m), ("2.2", 0.5m));
        var survey = Sheet(MarkSource.Survey, ("2.3", 20m), ("2.4", 0.5m));
        var withBonus = Score(UnitA, full, survey, Adjustments("U1", 1.5m, 1.5m, -1m));
        Assert.Equal(2m, withBonus.Bonus); // 3 capped at 2
        Assert.Equal(1m, withBonus.Penalty);
        Assert.Equal(86.5m, withBonus.Total);

        var penalised = Score(UnitA, full, survey, Adjustments("U1", -4m));
        Assert.Equal(3m, penalised.Penalty); // 4 capped at 3

        var perfect = Score(UnitA, Sheet(MarkSource.Appraisal1, ("1.1", 20m), ("1.2", 14.5m), ("2.1", 35m), ("2.2", 0.5m)),
            Sheet(MarkSource.Survey, ("2.3", 29.5m), ("2.4", 0.5m)), Adjustments("U1", 2m));
        Assert.Equal(100m, perfect.Total); // capped at the maximum
    }

    [Fact]
    public void Score_NoSurveyPoints_RescalesAppraisedResultToHundred()
    {
        // Nam Định 2020: 62,62 of 70 appraised points published as 89,45 %; exact arithmetic gives 89,457…
        var scheme = TestSchemes.Load(TestSchemes.TinyJson);
        var marks = Gather(Sheet(MarkSource.Appraisal1, ("1.1", 20m), ("1.2", 14.5m), ("2.1", 27.62m), ("2.2", 0.5m)));
        var r = ScoreCalculator.Score(scheme, UnitA, 2025, marks);
        Assert.True(r.Rescaled);
        Assert.Equal(62.62m, r.Total);
        Assert.Equal(62.62m * 100m / 70m, r.Index);
        Assert.Equal("89,46", ParServerless.Scoring.Formatting.ScoreFormat.For(scheme).Format(r.Index));
        Assert.Equal("89,45", new ParServerless.Scoring.Formatting.ScoreFormat(2, ParServerless.Scoring.Schemes.RoundingMode.Truncate).Format(r.Index));
    }

    [Fact]
    public void Score_AreaIndices_ArePointsOverAreaMaximum()
    {
        var r = Score(UnitA, Sheet(MarkSource.Appraisal1, ("1.1", 17m), ("1.2", 10m), ("2.1", 35m), ("2.2", 0.5m)),
            Sheet(MarkSource.Survey, ("2.3", 29.5m), ("2.4", 0.5m)));
        var area1 = r.Areas.Single(a => a.Code.Value == "1");
        Assert.Equal(34.5m, area1.Maximum);
        Assert.Equal(27m, area1.Points);
        Assert.Equal(27m * 100m / 34.5m, area1.Index);
        Assert.Equal(100m, r.Areas.Single(a => a.Code.Value == "2").Index);
    }

    [Fact]
    public void Score_UnitInUndeclaredGroup_Throws() =>
        Assert.Throws<ArgumentException>(() => Score(new Unit("U1", "x", "Z")));
}
