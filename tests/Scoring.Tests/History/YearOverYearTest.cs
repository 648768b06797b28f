using ParServerless.Scoring.History;
using ParServerless.Scoring.Results;
using ParServerless.Scoring.Tests.Results;

namespace ParServerless.Scoring.Tests.History;

public class YearOverYearTest
{
    private static readonly GroupStanding Current = Ranking.RankGroup(TestSchemes.Tiny, TestSchemes.Tiny.Groups[0],
    [
        RankingTest.Result("SO-TP", 90m), RankingTest.Result("XA-MOI", 85m), RankingTest.Result("SO-NV", 80m), RankingTest.Result("SO-MOI", 70m),
    ]);

    private static readonly PublishedResult[] Previous =
    [
        new(2024, "Sở Tư pháp", "SO-TP", "A", 88.5m, 3, "Tốt"),
        new(2024, "Đơn vị SO-NV", null, null, 82m, 1, "Tốt"), // matched by name: older tables have no codes
        new(2024, "UBND huyện Cũ", null, "HUYEN", 80m, 2, "Tốt"),
        new(2024, "UBND xã Cũ A", null, "XA", 84m, 5, "Tốt"),
        new(2024, "UBND xã Cũ B", null, "XA", 78m, 9, "Khá"),
        new(2023, "Sở Tư pháp", "SO-TP", "A", 50m, 9, "Trung bình"), // older years are ignored
    ];

    private static readonly PredecessorMap Map = new(new Dictionary<string, IReadOnlyList<string>>
    {
        ["XA-MOI"] = ["UBND xã Cũ A", "UBND xã Cũ B"],
    });

    [Fact]
    public void Compare_SameUnitByCode_GivesPointsAndRankChange()
    {
        var change = YearOverYear.Compare([Current], Previous, Map)["SO-TP"];
        Assert.Equal((ComparisonBasis.SameUnit, 1.5m, 3, 2), (change.Basis, change.PointsChange!.Value, change.PreviousRank!.Value, change.RankChange!.Value));
        Assert.Equal(2024, change.PreviousYear);
    }

    [Fact]
    public void Compare_SameUnitByName_WhenTableHasNoCodes()
    {
        var change = YearOverYear.Compare([Current], Previous, Map)["SO-NV"];
        Assert.Equal((ComparisonBasis.SameUnit, -2m, -2), (change.Basis, change.PointsChange!.Value, change.RankChange!.Value));
    }

    [Fact]
    public void Compare_MergedUnit_UsesMeanOfPredecessorsAndNoRank()
    {
        var change = YearOverYear.Compare([Current], Previous, Map)["XA-MOI"];
        Assert.Equal(ComparisonBasis.Merged, change.Basis);
        Assert.Equal(81m, change.PreviousScore);
        Assert.Equal(4m, change.PointsChange);
        Assert.Null(change.RankChange);
        Assert.Equal(["UBND xã Cũ A", "UBND xã Cũ B"], change.Predecessors);
    }

    [Fact]
    public void Compare_NewUnit_HasNoBasis()
    {
        var change = YearOverYear.Compare([Current], Previous, Map)["SO-MOI"];
        Assert.Equal(ComparisonBasis.None, change.Basis);
        Assert.Null(change.PointsChange);
    }

    [Fact]
    public void Compare_RenamedUnit_ComparesRankOnlyWithinSameGroup()
    {
        var map = new PredecessorMap(new Dictionary<string, IReadOnlyList<string>> { ["SO-MOI"] = ["UBND huyện Cũ"] });
        var change = YearOverYear.Compare([Current], Previous, map)["SO-MOI"];
        Assert.Equal(ComparisonBasis.Renamed, change.Basis);
        Assert.Equal(-10m, change.PointsChange);
        Assert.Null(change.RankChange); // HUYEN then, A now
    }

    [Fact]
    public void Summarise_CountsUpDownAndAverages()
    {
        var changes = YearOverYear.Compare([Current], Previous, Map);
        var summary = YearOverYear.Summarise([Current], changes).Single();
        Assert.Equal((2, 1, 0, 1), (summary.Up, summary.Down, summary.Same, summary.NotCompared));
        Assert.Equal(81.25m, summary.CurrentAverage);
        Assert.Equal((88.5m + 82m + 81m) / 3m, summary.PreviousAverage);
    }
}

/// <summary>Imported tables name their groups as published ("Khối A"), not by our codes.</summary>
public class YearOverYearGroupNameTest
{
    [Fact]
    public void Compare_EarlierGroupGivenByName_StillComparesRank()
    {
        var current = Ranking.RankGroup(TestSchemes.Tiny, TestSchemes.Tiny.Groups[0],
            [RankingTest.Result("U1", 90m), RankingTest.Result("U2", 85m), RankingTest.Result("U3", 80m)]);
        PublishedResult[] previous =
        [
            new(2020, "Đơn vị U3", null, "  khối a ", 95m, 1, "Xuất sắc"), // fell from 1st to 3rd
            new(2020, "Đơn vị U1", null, "Khối B", 70m, 4, "Khá"),          // another group: no rank change
        ];
        var changes = YearOverYear.Compare([current], previous, PredecessorMap.None);
        Assert.Equal((1, -2), (changes["U3"].PreviousRank!.Value, changes["U3"].RankChange!.Value));
        Assert.Null(changes["U1"].RankChange);
    }
}
