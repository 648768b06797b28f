using ParServerless.Files;
using ParServerless.Scoring.Formatting;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Results;

namespace ParServerless.Samples.Tests;

/// <summary>The Huế 2021 uploads: accepted as uploaded, and scoring what they contain reproduces the published Decision.</summary>
public class SampleUploadsTest
{
    private static readonly Lazy<IReadOnlyList<SampleUpload>> Uploads = new(SampleUploads.Hue2021);

    private static SubmissionOutcome Read(SampleUpload upload) =>
        SubmissionReader.Read(SampleUploads.RequestFor(upload), upload.Content, HueSample.Scheme, SampleUploads.Hue2021Units);

    [Fact]
    public void Hue2021_EveryUpload_IsAcceptedWithoutAnyProblem()
    {
        foreach (var upload in Uploads.Value)
        {
            var outcome = Read(upload);
            Assert.True(outcome.Accepted, $"{upload.FullPath}\n{outcome.Report.ToText()}");
            Assert.True(outcome.Report.Problems.Count == 0, $"{upload.FullPath}\n{outcome.Report.ToText()}");
            Assert.NotEmpty(outcome.Sheets);
        }
    }

    [Fact]
    public void Hue2021_ReadBackScoredAndRanked_ReproducesPublishedTotalsRanksAndBands()
    {
        var scheme = HueSample.Scheme;
        var sheets = Uploads.Value.SelectMany(u => Read(u).Sheets).ToLookup(s => s.UnitCode, StringComparer.Ordinal);
        var results = SampleUploads.Hue2021Units.Select(u =>
            ScoreCalculator.Score(scheme, u, HueSample.Year, UnitMarks.Gather(u.Code, sheets[u.Code])));
        var rows = Ranking.Rank(scheme, results).SelectMany(s => s.Rows).ToDictionary(r => r.Result.Unit.Code, StringComparer.Ordinal);
        var format = ScoreFormat.For(scheme);

        Assert.Equal(HueSample.Published.Count, rows.Count);
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
    public void Hue2021_ReadBack_GivesTheGeneratedMarksOfEveryUnit()
    {
        var read = Uploads.Value.SelectMany(u => Read(u).Sheets).ToLookup(s => s.UnitCode, StringComparer.Ordinal);
        foreach (var unit in SampleUploads.Hue2021Units)
        {
            var generated = HueSample.Marks(HueSample.Scheme, unit.Code).Where(s => s.Source != MarkSource.Explanation || s.Leaves.Count > 0);
            Assert.Equal(Describe(generated), Describe(read[unit.Code]));
        }
    }

    [Fact]
    public void Hue2021_TwoCalls_GiveByteIdenticalFilesAtTheSamePaths()
    {
        var first = Uploads.Value;
        var second = SampleUploads.Hue2021();
        Assert.Equal(first.Select(u => (u.FullPath, u.UploadedBy)), second.Select(u => (u.FullPath, u.UploadedBy)));
        for (var i = 0; i < first.Count; i++)
            Assert.True(first[i].Content.AsSpan().SequenceEqual(second[i].Content), $"{first[i].FullPath} differs between two calls");
    }

    [Fact]
    public void Hue2021_Uploads_CoverTheYearInRealFormatsAndPaths()
    {
        var uploads = Uploads.Value;
        var units = SampleUploads.Hue2021Units;
        Assert.Equal(units.Select(u => $"submissions/2021/{u.Code}/tu-danh-gia-2021-{u.Code}"),
            uploads.Where(u => u.Container == "submissions").Select(u => System.IO.Path.ChangeExtension(u.FullPath, null)));
        Assert.All(uploads.Where(u => u.Container is "submissions" or "explanations"), u => Assert.Equal(u.BlobPath.Split('/')[1], u.UploadedBy));
        Assert.Equal(
            ["appraisals/2021/1/tham-dinh-lan-1-2021-SO.xlsx", "appraisals/2021/1/tham-dinh-lan-1-2021-HUYEN.xlsx",
             "appraisals/2021/2/tham-dinh-lan-2-2021-SO.xlsx", "appraisals/2021/2/tham-dinh-lan-2-2021-HUYEN.csv"],
            uploads.Where(u => u.Container == "appraisals").Select(u => u.FullPath));
        Assert.Equal(["surveys/2021/dieu-tra-2021-SO.xlsx", "surveys/2021/dieu-tra-2021-HUYEN.json"],
            uploads.Where(u => u.Container == "surveys").Select(u => u.FullPath));
        Assert.DoesNotContain(uploads, u => u.Container == "adjustments"); // the scheme caps bonus and penalty at 0
        Assert.All(uploads, u => Assert.EndsWith("/" + u.FileName, "/" + u.BlobPath, StringComparison.Ordinal));
        var formats = uploads.Select(u => System.IO.Path.GetExtension(u.FileName)).CountBy(e => e).ToDictionary();
        Assert.True(formats[".xlsx"] > formats[".csv"] + formats[".json"], "mostly xlsx");
        Assert.InRange(uploads.Count(u => u.Container == "explanations"), 1, units.Count);
    }

    [Theory]
    // A unit's own file: the unit comes from the path.
    [InlineData("submissions", "2021/SO-TP/a.xlsx", FileKind.SelfAssessment, "SO-TP", null)]
    [InlineData("explanations", "2021/SO-TP/a.csv", FileKind.Explanation, "SO-TP", null)]
    // A council file: the round comes from the path, units from the rows.
    [InlineData("appraisals", "2021/2/a.xlsx", FileKind.Appraisal, null, 2)]
    [InlineData("surveys", "2021/a.json", FileKind.Survey, null, null)]
    [InlineData("adjustments", "2021/a.xlsx", FileKind.BonusPenalty, null, null)]
    public void RequestFor_ConventionalPath_GivesKindUnitAndRound(string container, string path, FileKind kind, string? unit, int? round)
    {
        var request = SampleUploads.RequestFor(new SampleUpload(container, path, path.Split('/')[^1], [], "x"));
        Assert.Equal(new SubmissionRequest(2021, kind, path.Split('/')[^1], unit, round), request);
    }

    [Theory]
    [InlineData("submissions", "2021/a.xlsx")] // no unit
    [InlineData("history", "2021/a.xlsx")]     // not an upload of marks
    public void RequestFor_PathOutsideConventions_Throws(string container, string path) =>
        Assert.Throws<ArgumentException>(() => SampleUploads.RequestFor(new SampleUpload(container, path, "a.xlsx", [], "x")));

    private static string Describe(IEnumerable<MarkSheet> sheets) => string.Join("\n", sheets
        .OrderBy(s => s.Source)
        .SelectMany(s => s.Leaves.OrderBy(l => l.Criterion.Value, StringComparer.Ordinal)
            .Select(l => $"{s.Source} {l.Criterion} {l.Points?.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} [{l.Note}] [{string.Join("|", l.Evidence)}]")));
}
