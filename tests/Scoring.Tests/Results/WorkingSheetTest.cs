using ParServerless.Samples;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Results;

namespace ParServerless.Scoring.Tests.Results;

public partial class WorkingSheetTest
{
    private static GroupStanding HueDepartments()
    {
        var scheme = HueSample.Scheme;
        var results = HueSample.Units.Where(u => u.GroupCode == "SO").Select(u =>
            ScoreCalculator.Score(scheme, u, HueSample.Year, UnitMarks.Gather(u.Code, HueSample.Marks(scheme, u.Code)))).ToArray();
        return Ranking.RankGroup(scheme, scheme.Groups[0], results);
    }

    [Fact]
    public void Build_SecondPlace_GapToFirstAndToExcellentBand()
    {
        var sheet = WorkingSheet.Build(HueSample.Scheme, HueDepartments(), "SO-TP"); // Sở Tư pháp, 87,187, 2nd
        Assert.Equal(2, sheet.Rank);
        Assert.Equal(21, sheet.RankedInGroup);
        Assert.Equal("Tốt", sheet.Band!.Name);
        Assert.Equal(("Xuất sắc", 2.813m, 2.813m), (sheet.NextBand!.Band.Name, sheet.NextBand.IndexPoints, sheet.NextBand.Points));
        Assert.Equal(1, sheet.NextRank!.Rank);
        Assert.Equal(["Văn phòng UBND tỉnh"], sheet.NextRank.UnitsAhead);
        Assert.Equal(97.685m - 87.187m, sheet.NextRank.IndexPoints);
    }

    [Fact]
    public void Build_TopUnit_HasNoRankGapButBandGapIsNullAtTop()
    {
        var sheet = WorkingSheet.Build(HueSample.Scheme, HueDepartments(), "VP-UBND");
        Assert.Null(sheet.NextRank);
        Assert.Null(sheet.NextBand); // already Xuất sắc
    }

    [Fact]
    public void Build_BiggestLosses_AreSortedAndTotalLostMatches()
    {
        var sheet = WorkingSheet.Build(HueSample.Scheme, HueDepartments(), "BQL-KKT"); // last, 73,475
        Assert.Equal(WorkingSheet.LossesListed, sheet.BiggestLosses.Count);
        Assert.True(sheet.BiggestLosses.Zip(sheet.BiggestLosses.Skip(1)).All(p => p.First.Lost >= p.Second.Lost));
        Assert.Equal(100m - 73.475m, sheet.Result.Leaves.Sum(l => l.Lost));
        Assert.Equal(8, sheet.Areas.Count);
        Assert.All(sheet.Areas, a => Assert.InRange(a.GroupAverageIndex, 0m, 100m));
        Assert.Equal("Khá", sheet.Band!.Name);
        Assert.Equal(80m - 73.475m, sheet.NextBand!.IndexPoints);
    }
}
