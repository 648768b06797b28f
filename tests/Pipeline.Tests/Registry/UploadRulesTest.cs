using ParServerless.Files;
using ParServerless.Files.Workflow;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Registry;
using ParServerless.Scoring.Decisions;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Pipeline.Tests.Ingestion;

public sealed class UploadRulesTest
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset Deadline = new(2025, 12, 15, 17, 0, 0, Vietnam);

    private static YearRecord Year(YearStatus status = YearStatus.Open) => new(
        2025, new SchemeRef("S", 1), new DecisionSettings { Province = "P", Place = "P" },
        new Dictionary<WorkflowStep, RoundWindow>
        {
            [WorkflowStep.SelfAssessment] = new(null, Deadline),
            [WorkflowStep.Appraisal2] = new(new DateTimeOffset(2026, 1, 5, 8, 0, 0, Vietnam), null),
        },
        null, status, null, null, null, null);

    [Theory]
    // One second before the deadline: taken.
    [InlineData(-1, true)]
    // At the deadline and after: refused (the deadline is the first moment not taken).
    [InlineData(0, false)]
    [InlineData(3600, false)]
    public void Check_Deadline_IsExclusive(int secondsFromDeadline, bool accepted)
    {
        var report = UploadRules.Check(Year(), FileKind.SelfAssessment, null, Deadline.AddSeconds(secondsFromDeadline));
        Assert.Equal(accepted, report is null);
        if (!accepted)
        {
            var p = Assert.Single(report!.Problems);
            Assert.Equal("PAR-I004", p.Code);
            // Times are shown in Vietnam time whatever the server's zone.
            Assert.Contains("17:00 15/12/2025", p.Vietnamese, StringComparison.Ordinal);
            Assert.Contains("(Vietnam time)", p.English, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Check_RoundNotYetOpen_IsRefusedWithTheOpeningTime()
    {
        var report = UploadRules.Check(Year(), FileKind.Appraisal, 2, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var p = Assert.Single(report!.Problems);
        Assert.Equal("PAR-I004", p.Code);
        Assert.Contains("08:00 05/01/2026", p.Vietnamese, StringComparison.Ordinal);
        // Round 1 of the appraisal has no window: open.
        Assert.Null(UploadRules.Check(Year(), FileKind.Appraisal, 1, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Check_PublishedYear_RefusesEverythingButHistory()
    {
        var at = Deadline.AddDays(-10);
        Assert.Equal("PAR-I003", Assert.Single(UploadRules.Check(Year(YearStatus.Published), FileKind.SelfAssessment, null, at)!.Problems).Code);
        Assert.Null(UploadRules.Check(Year(YearStatus.Published), FileKind.PublishedResults, null, at));
    }
}
