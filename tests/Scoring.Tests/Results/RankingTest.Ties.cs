using ParServerless.Scoring.Results;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;

namespace ParServerless.Scoring.Tests.Results;

public partial class RankingTest
{
    [Fact]
    public void Rank_EqualUnroundedTotals_ShareRankAndSkipNext()
    {
        var standing = RankA(("U1", 90m), ("U2", 85m), ("U3", 85m), ("U4", 80m));
        Assert.Equal([1, 2, 2, 4], standing.Rows.Select(r => r.Rank!.Value));
        Assert.Equal(["U1", "U2", "U3", "U4"], standing.Rows.Select(r => r.Result.Unit.Code));
    }

    [Fact]
    public void Rank_SameDisplayedButDifferentUnrounded_RanksFirstAndSecond()
    {
        // Hải Dương 2021: two district committees published "both at 85,86", ranked 1st and 2nd.
        var standing = RankA(("HD-A", 85.8571m), ("HD-B", 85.8612m));
        Assert.Equal([("HD-B", 1), ("HD-A", 2)], standing.Rows.Select(r => (r.Result.Unit.Code, r.Rank!.Value)));
    }

    [Fact]
    public void Rank_DisplayedIndexRule_SharesRankWhenRoundedEqual()
    {
        var scheme = TestSchemes.Load(TestSchemes.TinyJson.Replace("\"ExactIndex\"", "\"DisplayedIndex\"", StringComparison.Ordinal));
        var standing = Ranking.RankGroup(scheme, scheme.Groups[0],
            [Result("HD-A", 85.8571m), Result("HD-B", 85.8612m), Result("HD-C", 85.8449m)]);
        Assert.Equal([1, 1, 3], standing.Rows.Select(r => r.Rank!.Value));
    }

    [Fact]
    public void Rank_UnrankedUnit_IsListedLastWithoutRankButWithBand()
    {
        var standing = Ranking.RankGroup(TestSchemes.Tiny, TestSchemes.Tiny.Groups[0],
            [Result("U1", 80m), Result("TT-CP", 95m, ranked: false), Result("U2", 70m)]);
        (string, int?, string?)[] expected = [("U1", 1, "Tốt"), ("U2", 2, "Khá"), ("TT-CP", null, "Xuất sắc")];
        Assert.Equal(expected,
            standing.Rows.Select(r => (r.Result.Unit.Code, r.Rank, r.Band?.Name)));
    }

    [Fact]
    public void Rank_GroupsRankedSeparately_InSchemeOrder()
    {
        var results = new[] { Result("A1", 70m), Result("B1", 99m, group: "B"), Result("A2", 75m) };
        var standings = Ranking.Rank(TestSchemes.Tiny, results);
        Assert.Equal(["A", "B"], standings.Select(s => s.Group.Code));
        Assert.Equal([("A2", 1), ("A1", 2)], standings[0].Rows.Select(r => (r.Result.Unit.Code, r.Rank!.Value)));
        Assert.Equal(1, standings[1].Rows.Single().Rank);
    }
}

public partial class RankingTest
{
    internal static UnitResult Result(string code, decimal index, bool ranked = true, string group = "A") =>
        new(new Unit(code, "Đơn vị " + code, group, ranked), TestSchemes.Tiny.Ref, 2025, ResultStatus.AppraisedTwice,
            index, index, 0m, 0m, 0m, index, 100m, 30m, index, false, [], []);

    private static GroupStanding RankA(params (string Code, decimal Index)[] units) =>
        Ranking.RankGroup(TestSchemes.Tiny, TestSchemes.Tiny.Groups[0], units.Select(u => Result(u.Code, u.Index)).ToArray());
}
