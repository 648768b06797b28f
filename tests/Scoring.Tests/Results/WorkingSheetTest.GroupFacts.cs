using ParServerless.Samples;
using ParServerless.Scoring.Results;

namespace ParServerless.Scoring.Tests.Results;

/// <summary>Group facts computed once per standing give every sheet what a search of the whole group gives.</summary>
public partial class WorkingSheetTest
{
    [Fact]
    public void Build_EveryUnitOfAGroupWithTies_MatchesASearchOfTheWholeGroup()
    {
        var standing = HueDepartments();
        // Two pairs of ties (equal indices share a rank and skip the next), so "the rank just above" skips ranks too.
        var tied = standing.Rows.Select((r, i) => i is 3 or 7 ? r with { Rank = standing.Rows[i - 1].Rank } : r).ToArray();
        standing = standing with { Rows = tied };
        foreach (var row in standing.Rows)
        {
            var sheet = WorkingSheet.Build(HueSample.Scheme, standing, row.Result.Unit.Code);
            Assert.Equal(standing.Rows.Count(r => r.Rank is not null), sheet.RankedInGroup);
            foreach (var area in sheet.Areas)
            {
                var values = standing.Rows.Select(r => r.Result.Areas.FirstOrDefault(x => x.Code == area.Code)?.Index).OfType<decimal>().ToArray();
                Assert.Equal(values.Sum() / values.Length, area.GroupAverageIndex);
            }
            if (row.Rank is not > 1)
            {
                Assert.Null(sheet.NextRank);
                continue;
            }
            var above = standing.Rows.Where(r => r.Rank < row.Rank).Max(r => r.Rank!.Value);
            Assert.Equal(above, sheet.NextRank!.Rank);
            Assert.Equal(standing.Rows.Where(r => r.Rank == above).Select(r => r.Result.Unit.Name), sheet.NextRank.UnitsAhead);
        }
    }
}
