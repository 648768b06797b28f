using ParServerless.Files;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Tests.Ingestion;
using ParServerless.Pipeline.Tests.Support;
using ParServerless.Samples;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Pipeline.Tests.Api;

/// <summary>The council's group templates: prefilled appraisal files that read back to exactly what they show.</summary>
public sealed class CouncilTemplatesTest : IClassFixture<PipelineServicesFixture>
{
    private readonly PipelineServicesFixture _f;

    public CouncilTemplatesTest(PipelineServicesFixture fixture) => _f = fixture;

    private CouncilTemplates Templates => _f.Get<CouncilTemplates>();

    private static IReadOnlyList<ParServerless.Scoring.Units.Unit> GroupSo => HueSample.Units.Where(u => u.GroupCode == "SO").ToList();

    private static SubmissionOutcome Read(int year, int round, ContentReply file, FileFormat format) =>
        SubmissionReader.Read(new SubmissionRequest(year, FileKind.Appraisal, "tham-dinh." + format.ToString().ToLowerInvariant(), null, round),
            file.Content, CouncilWorld.Scheme, HueSample.Units);

    private static IEnumerable<LeafMark> Appraised(MarkSheet sheet) =>
        sheet.Leaves.Where(l => CouncilWorld.Scheme.Nodes[l.Criterion].Leaf!.Method == ScoringMethod.Appraised).OrderBy(l => l.Criterion.Value, StringComparer.Ordinal);

    private static IEnumerable<LeafMark> Ordered(MarkSheet sheet) => sheet.Leaves.OrderBy(l => l.Criterion.Value, StringComparer.Ordinal);

    private async Task<MarkSheet> SelfAssessmentAsync(int year)
    {
        await _f.OpenYearAsync(year);
        var record = await _f.IngestAsync(await _f.AgencyUploadAsync(year, UploadWorld.Unit, "self-assessment", "tu-danh-gia.csv", CouncilWorld.SelfAssessment(year, UploadWorld.Unit, 80m)));
        Assert.Equal(UploadOutcome.Accepted, record.Outcome);
        var current = await _f.Get<MarkStore>().CurrentAsync(year, CancellationToken.None);
        return current[UploadWorld.Unit].Single(s => s.Source == MarkSource.SelfAssessment);
    }

    [Theory]
    [InlineData("xlsx", FileFormat.Xlsx)]   // for people
    [InlineData("csv", FileFormat.Csv)]     // for spreadsheets saved as CSV
    [InlineData("json", FileFormat.Json)]   // for machine clients
    public async Task Appraisal1_PrefilledWithTheSelfAssessedScores_NotTheUnitsNotes_ForEveryUnitOfTheGroup(string format, FileFormat fileFormat)
    {
        var year = 2060 + (int)fileFormat;
        var self = await SelfAssessmentAsync(year);

        var file = Assert.IsType<ContentReply>(await Templates.TemplateAsync(year, "appraisal", "SO", 1, format, CancellationToken.None));
        Assert.Equal($"tham-dinh-lan-1_{year}_SO.{format}", file.DownloadName);
        var outcome = Read(year, 1, file, fileFormat);

        Assert.True(outcome.Report.Accepted, string.Join("\n", outcome.Report.Problems.Select(p => p.Code + " " + p.English)));
        Assert.Equal(GroupSo.Select(u => u.Code).Order(StringComparer.Ordinal), outcome.Sheets.Select(s => s.UnitCode).Order(StringComparer.Ordinal));
        var mine = outcome.Sheets.Single(s => s.UnitCode == UploadWorld.Unit);
        Assert.Equal(MarkSource.Appraisal1, mine.Source);
        // The unit's scores, for the council to change; not the unit's own explanations, which would otherwise read back as
        // the council's opinion ("Ý kiến thẩm định") wherever the council left them standing.
        Assert.Contains(Appraised(self), l => l.Note is not null);
        Assert.Equal(Appraised(self).Select(l => (l.Criterion, l.Points, (string?)null)), Ordered(mine).Select(l => (l.Criterion, l.Points, l.Note)));
        // The other units sent nothing: their rows are there, blank, for the council to type.
        Assert.All(outcome.Sheets.Where(s => s.UnitCode != UploadWorld.Unit), s => Assert.All(s.Leaves, l => Assert.Null(l.Points)));
    }

    [Fact]
    public async Task Appraisal2_PrefilledWithTheRoundOneScoreAndNote_WhatTheCouncilChangedInRoundOne()
    {
        const int year = 2070;
        var self = await SelfAssessmentAsync(year);
        var round1 = Read(year, 1, Assert.IsType<ContentReply>(await Templates.TemplateAsync(year, "appraisal", "SO", 1, "xlsx", CancellationToken.None)), FileFormat.Xlsx);
        var mine = round1.Sheets.Single(s => s.UnitCode == UploadWorld.Unit);
        var first = Ordered(mine).First();
        var changed = mine with { Leaves = [first with { Points = 0m, Note = "Hội đồng: chưa có văn bản" }, .. Ordered(mine).Skip(1)] };
        var request = new TemplateRequest(year, "SO", FileKind.Appraisal, GroupSo, 1);
        var typed = FilledFileWriter.Write(CouncilWorld.Scheme, request, [changed], FileFormat.Xlsx);
        Assert.Equal(UploadOutcome.Accepted, (await _f.IngestAsync(await _f.CouncilUploadAsync(year, "appraisal", "tham-dinh-1.xlsx", 1, typed))).Outcome);

        var file = Assert.IsType<ContentReply>(await Templates.TemplateAsync(year, "appraisal", "SO", 2, "csv", CancellationToken.None));
        var round2 = Read(year, 2, file, FileFormat.Csv).Sheets.Single(s => s.UnitCode == UploadWorld.Unit);

        Assert.Equal(MarkSource.Appraisal2, round2.Source);
        var leaves = Ordered(round2).ToList();
        Assert.Equal((first.Criterion, (decimal?)0m, "Hội đồng: chưa có văn bản"), (leaves[0].Criterion, leaves[0].Points, leaves[0].Note));
        Assert.Equal(Appraised(self).Skip(1).Select(l => (l.Criterion, l.Points, (string?)null)), leaves.Skip(1).Select(l => (l.Criterion, l.Points, l.Note)));
    }

    [Fact]
    public async Task Appraisal2_WithoutARoundOne_PrefilledWithTheSelfAssessedScoresOnly()
    {
        const int year = 2074;
        var self = await SelfAssessmentAsync(year);

        var file = Assert.IsType<ContentReply>(await Templates.TemplateAsync(year, "appraisal", "SO", 2, "json", CancellationToken.None));
        var round2 = Read(year, 2, file, FileFormat.Json).Sheets.Single(s => s.UnitCode == UploadWorld.Unit);

        Assert.Equal(Appraised(self).Select(l => (l.Criterion, l.Points, (string?)null)), Ordered(round2).Select(l => (l.Criterion, l.Points, l.Note)));
    }

    [Fact]
    public async Task Template_SameMarks_SameBytes()
    {
        const int year = 2071;
        await SelfAssessmentAsync(year);
        var a = Assert.IsType<ContentReply>(await Templates.TemplateAsync(year, "appraisal", "SO", 1, "xlsx", CancellationToken.None));
        var b = Assert.IsType<ContentReply>(await Templates.TemplateAsync(year, "appraisal", "SO", 1, "xlsx", CancellationToken.None));
        Assert.Equal(a.Content.ToArray(), b.Content.ToArray());
    }

    [Fact]
    public async Task SurveyTemplate_IsTheGroupsEmptyForm()
    {
        const int year = 2072;
        await _f.OpenYearAsync(year);
        var file = Assert.IsType<ContentReply>(await Templates.TemplateAsync(year, "survey", "SO", null, "xlsx", CancellationToken.None));
        var request = new TemplateRequest(year, "SO", FileKind.Survey, GroupSo.OrderBy(u => u.Code, StringComparer.Ordinal).ToList());
        Assert.Equal(TemplateWriter.Write(CouncilWorld.Scheme, request), file.Content.ToArray());
    }

    [Theory]
    [InlineData("appraisal", "SO", null, "xlsx", "PAR-A015", 400)]          // no round
    [InlineData("appraisal", null, 1, "xlsx", "PAR-A100", 400)]             // no group
    [InlineData("appraisal", "KHONG-CO", 1, "xlsx", "PAR-A101", 404)]       // a group with no unit
    [InlineData("self-assessment", "SO", null, "xlsx", "PAR-A010", 400)]    // the agencies' own kind
    [InlineData("appraisal", "SO", 1, "pdf", "PAR-A011", 400)]              // not a template format
    public async Task Template_BadRequest_IsACodedRefusal(string kind, string? group, int? round, string format, string code, int status)
    {
        await _f.OpenYearAsync(2073);
        var refused = Assert.IsType<RefusalReply>(await Templates.TemplateAsync(2073, kind, group, round, format, CancellationToken.None));
        Assert.Equal((code, status), (refused.Refusal.Code, refused.Refusal.Status));
    }

    [Fact]
    public async Task Template_MissingYear_IsPARA060()
    {
        var refused = Assert.IsType<RefusalReply>(await Templates.TemplateAsync(2199, "appraisal", "SO", 1, "xlsx", CancellationToken.None));
        Assert.Equal("PAR-A060", refused.Refusal.Code);
    }
}
