using ParServerless.Scoring.Decisions;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Results;

namespace ParServerless.Samples.Tests;

/// <summary>The Huế 2021 year settings: complete, so the sample's Decision can be published and has no gap.</summary>
public class HueDecisionSettingsTest
{
    [Fact]
    public void Decision_SampleSettings_PassReadinessAndLeaveNoGapOrPlaceholder()
    {
        Assert.True(DecisionReadiness.Check(HueSample.Decision, HueSample.Year).Accepted);
        var scheme = HueSample.Scheme;
        var standings = Ranking.Rank(scheme, HueSample.Units.Select(u =>
            ScoreCalculator.Score(scheme, u, HueSample.Year, UnitMarks.Gather(u.Code, HueSample.Marks(scheme, u.Code)))));
        var model = DecisionBuilder.Build(scheme, HueSample.Year, HueSample.PublishedOn, standings, HueSample.Decision);
        Assert.Empty(DraftGap.In(model));
        var json = DecisionJson.Serialize(model);
        Assert.DoesNotContain("…", json, StringComparison.Ordinal);
        Assert.DoesNotContain(DraftGap.Open.ToString(), json, StringComparison.Ordinal);
        Assert.Equal("Số: 12/QĐ-UBND", model.NumberLine);
        Assert.Equal("Huế, ngày 06 tháng 01 năm 2022", model.PlaceAndDate);
    }

    [Fact]
    public void Decision_SampleMissingTheTờTrình_IsRefusedWithItsCode()
    {
        var report = DecisionReadiness.Check(HueSample.Decision with { Submission = null }, HueSample.Year);
        Assert.False(report.Accepted);
        Assert.Equal([DecisionProblems.MissingSubmission], report.Codes);
        Assert.Equal(["decision.submission.number", "decision.submission.date"], report.Problems.Select(p => p.Where.Field));
    }
}
