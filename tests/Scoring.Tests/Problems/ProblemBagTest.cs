using ParServerless.Scoring.Problems;

namespace ParServerless.Scoring.Tests.Problems;

public class ProblemBagTest
{
    private static void AddMany(ProblemBag bag, int count, string code, bool error)
    {
        for (var i = 0; i < count; i++)
        {
            var where = new Location(Row: i + 1);
            if (error) bag.Error(code, where, "lỗi", "error");
            else bag.Warning(code, where, "cảnh báo", "warning");
        }
    }

    [Fact]
    public void ToReport_MillionProblems_ListsTheFirst200AndCountsTheRestByCode()
    {
        var bag = new ProblemBag();
        AddMany(bag, 150, "PAR-E061", error: false);
        AddMany(bag, 1_000_000, "PAR-E040", error: true);
        AddMany(bag, 10, "PAR-E061", error: false);

        var report = bag.ToReport();

        Assert.Equal(200, report.Problems.Count);
        Assert.Equal(50, report.Problems.Count(p => p.Code == "PAR-E040"));
        Assert.True(report.Truncated);
        Assert.Equal([new OmittedProblems("PAR-E040", Severity.Error, 999_950), new OmittedProblems("PAR-E061", Severity.Warning, 10)], report.Omitted);
        Assert.Equal(1_000_000, report.ErrorCount);
        Assert.Equal(160, report.WarningCount);
        Assert.Equal(new Dictionary<string, int> { ["PAR-E040"] = 1_000_000, ["PAR-E061"] = 160 }, report.CountsByCode);
        Assert.False(report.Accepted);
    }

    [Fact]
    public void ToReport_ErrorPastTheCap_StillRejects()
    {
        var bag = new ProblemBag(maxListed: 3);
        AddMany(bag, 3, "PAR-E061", error: false);
        bag.Error("PAR-E040", Location.Whole, "lỗi", "error");

        var report = bag.ToReport();

        Assert.True(bag.HasErrors);
        Assert.All(report.Problems, p => Assert.Equal(Severity.Warning, p.Severity));
        Assert.False(report.Accepted);
        Assert.Equal(["PAR-E040", "PAR-E061"], report.Codes);
        Assert.Equal("""
            REJECTED: 1 error(s), 3 warning(s)
            WARN  PAR-E061 [row=1] cảnh báo | warning
            WARN  PAR-E061 [row=2] cảnh báo | warning
            WARN  PAR-E061 [row=3] cảnh báo | warning
            … 1 more problem(s) not listed:
            ERROR PAR-E040 ×1
            """.ReplaceLineEndings("\n"), report.ToText());
    }

    [Fact]
    public void ToReport_UnderTheCap_IsNotTruncated()
    {
        var bag = new ProblemBag();
        AddMany(bag, 200, "PAR-E040", error: true);

        var report = bag.ToReport();

        Assert.False(report.Truncated);
        Assert.Empty(report.Omitted);
        Assert.DoesNotContain("not listed", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Add_HugeMessageAndLocation_AreCutTo1000Characters()
    {
        var bag = new ProblemBag();
        var huge = new string('x', 100_000);
        bag.Error("PAR-E030", new Location(Sheet: huge, Row: 3, Column: huge, Criterion: huge, Field: huge), "'" + huge + "'", huge);

        var p = Assert.Single(bag.ToReport().Problems);

        Assert.All(new[] { p.Vietnamese, p.English, p.Where.Sheet!, p.Where.Column!, p.Where.Criterion!, p.Where.Field! },
            s => { Assert.Equal(ProblemBag.MaxTextLength, s.Length); Assert.EndsWith("…", s, StringComparison.Ordinal); });
        Assert.Equal(3, p.Where.Row);
    }

    [Fact]
    public void Constructor_CapBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProblemBag(0));

    [Fact]
    public void Concat_TruncatedReports_AddsTheCounts()
    {
        var a = new ProblemBag(1);
        AddMany(a, 3, "PAR-E040", error: true);
        var b = new ProblemBag(1);
        AddMany(b, 2, "PAR-E040", error: true);
        AddMany(b, 1, "PAR-E061", error: false);

        var both = a.ToReport().Concat(b.ToReport());

        Assert.Equal(2, both.Problems.Count);
        Assert.Equal([new OmittedProblems("PAR-E040", Severity.Error, 3), new OmittedProblems("PAR-E061", Severity.Warning, 1)], both.Omitted);
        Assert.Equal(5, both.ErrorCount);
    }

    [Fact]
    public void PositionalConstructor_StillBuildsAnUntruncatedReport()
    {
        var report = new ValidationReport([new Problem("PAR-S010", Severity.Error, Location.Whole, "vi", "en")]);

        Assert.False(report.Truncated);
        Assert.Equal(1, report.ErrorCount);
        Assert.False(report.Accepted);
    }
}
