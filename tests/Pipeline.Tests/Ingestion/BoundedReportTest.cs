using System.Text;
using ParServerless.Files;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Api.Contracts;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Tests.Support;
using ParServerless.Samples;
using ParServerless.Scoring.Marks;

namespace ParServerless.Pipeline.Tests.Ingestion;

/// <summary>
/// Issue 10 end to end: a flood of problems gives a bounded dry-run answer, stored report and status; text too long for storage
/// is refused with the same code by the dry run and by ingestion (before, 14,000 characters of evidence passed the dry run, then
/// failed the table write five times and ended in poison).
/// </summary>
public sealed class BoundedReportTest(PipelineServicesFixture f) : IClassFixture<PipelineServicesFixture>
{
    [Fact]
    public async Task ProblemFlood_DryRunAnswer_StoredReport_AndStatus_AreBounded()
    {
        await f.OpenYearWithUnitsAsync(2021);
        const int badLines = 100_000;
        var flood = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(UploadWorld.SelfAssessment(2021, 50m)) + string.Concat(Enumerable.Repeat("x;\n", badLines)));

        var dry = Assert.IsType<ValidationView>(Assert.IsType<JsonReply>(await f.ValidateAsync(2021, "lu.csv", flood)).Body);
        Assert.False(dry.Accepted);
        Assert.True(dry.Truncated);
        Assert.Equal(ParServerless.Scoring.Problems.ProblemBag.DefaultMaxListed, dry.Problems.Count);
        Assert.Equal(badLines, dry.CountsByCode[FileProblemCodes.MalformedCsvRow]);

        var blob = await f.PutBlobAsync("submissions", $"2021/{UploadWorld.Unit}/lu.csv", flood);
        var record = (await f.Get<IngestionService>().IngestAsync(blob, CancellationToken.None)).Record!;
        Assert.Equal(UploadOutcome.Rejected, record.Outcome);
        Assert.Equal(badLines, record.Errors);
        var status = Assert.IsType<JsonReply>(await f.Get<AgencyApi>().StatusAsync(2021, UploadWorld.Unit, record.Sha256, CancellationToken.None));
        var view = Assert.IsType<UploadStatusView>(status.Body);
        Assert.Equal(ParServerless.Scoring.Problems.ProblemBag.DefaultMaxListed, view.Report!.Problems.Count);
        Assert.Equal(badLines, view.Report.CountsByCode![FileProblemCodes.MalformedCsvRow]);
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(view, UploadReport.Json);
        Assert.True(json.Length < 200_000, $"the status of a {flood.Length:N0}-byte flood answers {json.Length:N0} bytes");
    }

    [Fact]
    public async Task EvidenceTooLongForStorage_IsRefusedWithTheSameCode_ByTheDryRunAndByIngestion()
    {
        await f.OpenYearWithUnitsAsync(2021);
        var unit = HueSample.Units.Single(u => u.Code == UploadWorld.Unit);
        var sheet = SampleMarks.Generate(HueSample.Scheme, unit, 2021, 50m).Single(s => s.Source == MarkSource.SelfAssessment);
        var leaves = sheet.Leaves.ToList();
        leaves[2] = leaves[2] with { Evidence = [new string('x', 14_000)] };
        var bytes = FilledFileWriter.Write(HueSample.Scheme, new TemplateRequest(2021, unit.GroupCode, FileKind.SelfAssessment, [unit], null),
            [sheet with { Leaves = leaves }], FileFormat.Csv);

        var dry = Assert.IsType<ValidationView>(Assert.IsType<JsonReply>(await f.ValidateAsync(2021, "dai.csv", bytes)).Body);
        Assert.False(dry.Accepted);
        Assert.Contains(dry.Problems, p => p.Code == FileProblemCodes.EvidenceTooLong);

        var blob = await f.PutBlobAsync("submissions", $"2021/{UploadWorld.Unit}/dai.csv", bytes);
        var record = (await f.Get<IngestionService>().IngestAsync(blob, CancellationToken.None)).Record!; // no exception: nothing to retry
        Assert.Equal(UploadOutcome.Rejected, record.Outcome);
        Assert.Contains(FileProblemCodes.EvidenceTooLong, record.Codes);
        Assert.DoesNotContain(MarkSource.SelfAssessment, (await f.Get<MarkStore>().HeadsAsync(2021, UploadWorld.Unit, CancellationToken.None)).Select(h => h.Source));
    }
}
