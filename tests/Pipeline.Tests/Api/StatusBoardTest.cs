using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Api.Contracts;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Registry;
using ParServerless.Pipeline.Tests.Ingestion;
using ParServerless.Pipeline.Tests.Support;
using ParServerless.Samples;

namespace ParServerless.Pipeline.Tests.Api;

/// <summary>Sở Nội vụ's status board: submitted, rejected with why, missing, time left, and the publication checklist.</summary>
public sealed class StatusBoardTest : IClassFixture<PipelineServicesFixture>
{
    private readonly PipelineServicesFixture _f;

    public StatusBoardTest(PipelineServicesFixture fixture) => _f = fixture;

    private async Task<BoardView> BoardAsync(int year) =>
        Assert.IsType<BoardView>(Assert.IsType<JsonReply>(await _f.Get<StatusBoard>().BoardAsync(year, CancellationToken.None)).Body);

    [Fact]
    public async Task Board_AfterUploads_ListsSubmittedRejectedWithTheirFirstProblemsAndMissing_WithTheTimeLeft()
    {
        const int year = 2080;
        await _f.OpenYearAsync(year);
        var now = _f.Time.GetUtcNow();
        var admin = _f.Get<AdminApi>();
        Assert.IsType<JsonReply>(await admin.PutRoundAsync(year, "self-assessment", new RoundRequest(now.AddDays(-10), now.AddDays(3).AddHours(2)), CancellationToken.None));

        // SO-TP sends its own file; SO-NV sends SO-TP's file (its template names another unit); SO-NV then misses the explanation round.
        var good = CouncilWorld.SelfAssessment(year, "SO-TP", 80m);
        Assert.Equal(UploadOutcome.Accepted, (await _f.IngestAsync(await _f.AgencyUploadAsync(year, "SO-TP", "self-assessment", "tu-danh-gia.csv", good))).Outcome);
        Assert.Equal(UploadOutcome.Rejected, (await _f.IngestAsync(await _f.AgencyUploadAsync(year, "SO-NV", "self-assessment", "nham.csv", good))).Outcome);
        Assert.IsType<JsonReply>(await admin.CloseRoundAsync(year, "explanation", CancellationToken.None));
        Assert.Equal("PAR-I004", Assert.IsType<RefusalReply>(await _f.AgencyUploadAsync(year, "SO-NV", "explanation", "giai-trinh.csv", good)).Refusal.Code);

        var board = await BoardAsync(year);

        Assert.Equal(HueSample.Units.Count, board.Units);
        var self = board.Rounds.Single(r => r.Round == "self-assessment");
        Assert.Equal(("open", (long?)(3 * 86400 + 2 * 3600), true), (self.State, self.SecondsLeft, self.Required));
        Assert.Contains("còn 3 ngày 2 giờ", self.TimeLeft, StringComparison.Ordinal);
        Assert.Equal(["SO-TP"], self.Submitted.Select(u => u.Code));
        var rejected = Assert.Single(self.Rejected);
        Assert.Equal(("SO-NV", "Rejected"), (rejected.Unit!.Code, rejected.Outcome));
        Assert.Contains("PAR-E020", rejected.Codes);
        Assert.InRange(rejected.Problems.Count, 1, BoardLimits.ProblemsPerRejection);
        Assert.Equal("error", rejected.Problems[0].Severity);
        Assert.False(string.IsNullOrWhiteSpace(rejected.Problems[0].Vi));
        Assert.Equal(HueSample.Units.Count - 2, self.Missing.Count);
        Assert.DoesNotContain(self.Missing, u => u.Code is "SO-TP" or "SO-NV");

        var explanation = board.Rounds.Single(r => r.Round == "explanation");
        Assert.Equal(("closed", false), (explanation.State, explanation.Required));
        var refused = Assert.Single(explanation.Rejected);
        Assert.Equal(("SO-NV", "Refused", "PAR-I004"), (refused.Unit!.Code, refused.Outcome, Assert.Single(refused.Codes)));

        var appraisal = board.Rounds.Single(r => r.Round == "appraisal-1");
        Assert.Equal(("not-scheduled", "chưa đặt lịch"), (appraisal.State, appraisal.TimeLeft));
        Assert.Equal(HueSample.Units.Count, appraisal.Missing.Count);
    }

    [Fact]
    public async Task Checklist_SaysWhatThePublishRouteRefusesWith_InTheSameWords()
    {
        const int year = 2081;
        await _f.OpenYearAsync(year);

        var board = await BoardAsync(year);
        var refusal = Assert.IsType<RefusalReply>(await _f.Get<AdminApi>().GenerateAsync(year, publish: true, CancellationToken.None)).Refusal;

        Assert.False(board.Checklist.Ready);
        var first = board.Checklist.Refusals[0];
        Assert.Equal((refusal.Code, refusal.Vietnamese, refusal.English), (first.Code, first.Vi, first.En));
        // The units not appraised are listed too (the publication job would refuse them next), and the settings each with its PAR-D code.
        Assert.Single(board.Checklist.Refusals, r => r.Code == "PAR-A050");
        var settings = Assert.Single(board.Checklist.Refusals, r => r.Code == "PAR-A052");
        Assert.NotEmpty(settings.Problems);
        Assert.All(settings.Problems, p => Assert.StartsWith("PAR-D", p.Code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Board_PublishedYear_ChecklistSaysPublished()
    {
        const int year = 2082;
        await _f.OpenYearAsync(year);
        await _f.Get<YearStore>().ApplyAsync(year, y => y.Publish("hash", _f.Time.GetUtcNow()), CancellationToken.None);
        var board = await BoardAsync(year);
        Assert.Equal((true, false, "Published"), (board.Checklist.Published, board.Checklist.Ready, board.Status));
        Assert.Empty(board.Checklist.Refusals);
    }

    [Fact]
    public async Task Board_MissingYear_IsPARA060()
    {
        var refused = Assert.IsType<RefusalReply>(await _f.Get<StatusBoard>().BoardAsync(2199, CancellationToken.None));
        Assert.Equal(("PAR-A060", 404), (refused.Refusal.Code, refused.Refusal.Status));
    }

    [Theory]
    [InlineData(0, 30, "0 giờ 30 phút")]     // the last half hour
    [InlineData(1, 0, "1 ngày 0 giờ")]       // exactly a day
    [InlineData(6, 23, "6 ngày 23 giờ")]     // the last week
    public void Left_DaysAndHours_OrHoursAndMinutesInTheLastDay(int days, int minutesOrHours, string expected)
    {
        var left = days == 0 ? TimeSpan.FromMinutes(minutesOrHours) : TimeSpan.FromDays(days) + TimeSpan.FromHours(minutesOrHours);
        Assert.Equal(expected, StatusBoard.Left(left));
    }
}
