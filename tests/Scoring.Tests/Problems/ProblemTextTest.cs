using ParServerless.Scoring.Problems;

namespace ParServerless.Scoring.Tests.Problems;

/// <summary>Interpolated problem texts are formatted only while the bag lists problems (issue 10: a flood allocated 1.4 GB).</summary>
public class ProblemTextTest
{
    private int _evaluated;

    private int Evaluated() => ++_evaluated;

    [Fact]
    public void Error_PastTheCap_DoesNotEvaluateTheTextsHoles_ButCountsTheProblem()
    {
        var bag = new ProblemBag(3);
        for (var i = 0; i < 10; i++)
            bag.Error("PAR-E017", new Location(Row: i + 1), $"dòng {i}: {Evaluated()}", $"line {i}: {Evaluated()}");

        Assert.Equal(6, _evaluated); // two texts of each of the 3 listed problems, none of the 7 counted ones
        var report = bag.ToReport();
        Assert.Equal(["dòng 0: 1", "dòng 1: 3", "dòng 2: 5"], report.Problems.Select(p => p.Vietnamese));
        Assert.Equal(["line 0: 2", "line 1: 4", "line 2: 6"], report.Problems.Select(p => p.English));
        Assert.Equal([new OmittedProblems("PAR-E017", Severity.Error, 7)], report.Omitted);
        Assert.True(bag.HasErrors);
    }

    [Fact]
    public void Warning_MixedPlainAndInterpolatedTexts_ListedAlike_CountedPastTheCap()
    {
        var bag = new ProblemBag(2);
        bag.Warning("PAR-E061", Location.Whole, "cảnh báo", $"warning {Evaluated()}");
        bag.Warning("PAR-E061", Location.Whole, $"cảnh báo {Evaluated()}", "warning");
        bag.Warning("PAR-E061", Location.Whole, $"cảnh báo {Evaluated()}", "warning");
        bag.Error("PAR-E040", Location.Whole, "lỗi", $"error {Evaluated()}");

        Assert.Equal(2, _evaluated);
        var report = bag.ToReport();
        Assert.Equal([("cảnh báo", "warning 1"), ("cảnh báo 2", "warning")], report.Problems.Select(p => (p.Vietnamese, p.English)));
        Assert.Equal([new OmittedProblems("PAR-E040", Severity.Error, 1), new OmittedProblems("PAR-E061", Severity.Warning, 1)], report.Omitted);
        Assert.True(bag.HasErrors); // an error only counted still makes the report a rejection
        Assert.False(report.Accepted);
    }

    [Fact]
    public void Error_AMillionPastTheCap_AllocatesNoMessages()
    {
        var bag = new ProblemBag();
        var where = new Location(Row: 7);
        for (var i = 0; i < ProblemBag.DefaultMaxListed; i++) bag.Error("PAR-E017", where, $"dòng {i}", $"line {i}");
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000_000; i++) bag.Error("PAR-E017", where, $"Dòng có {i} trường", $"The line has {i} fields");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 1_000_000, $"{allocated} bytes allocated for a million counted problems"); // formatted, it would be ~100 MB
        Assert.Equal(1_000_000 + ProblemBag.DefaultMaxListed, bag.Count);
    }
}
