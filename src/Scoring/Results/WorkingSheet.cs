using ParServerless.Scoring.History;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Scoring.Results;

/// <summary>Points still needed to reach the next band (khoảng cách tới mức xếp loại cao hơn). Reaching the bound exactly suffices.</summary>
/// <param name="IndexPoints">Gap in index percentage points.</param>
/// <param name="Points">The same gap in scheme points (what the unit must gain on its leaves).</param>
public sealed record BandGap(Band Band, decimal IndexPoints, decimal Points);

/// <summary>Points needed to move one rank up (khoảng cách tới vị thứ liền trên).</summary>
/// <param name="Rank">The rank to reach: the rank of the unit(s) just above.</param>
/// <param name="IndexPoints">The gap in index points; the unit must gain MORE than this, since an equal index only shares the rank.</param>
/// <param name="Points">The same gap in scheme points.</param>
public sealed record RankGap(int Rank, IReadOnlyList<string> UnitsAhead, decimal IndexPoints, decimal Points);

/// <summary>One area of the unit against its group's average (so sánh với bình quân khối).</summary>
public sealed record AreaComparison(CriterionCode Code, string Name, decimal Maximum, decimal Points, decimal Index, decimal GroupAverageIndex);

/// <summary>
/// One unit's working sheet (phiếu kết quả): every leaf with its marks and points lost, the areas against the group,
/// rank, band, change versus last year, and what it takes to reach the next band and the next rank.
/// </summary>
/// <param name="BiggestLosses">Leaves where the unit lost most points, most first (ties by code), at most five.</param>
/// <param name="Leaves">Every applicable leaf with its marks, final points and points lost, in scheme order: computed for this unit only, when its sheet is built.</param>
public sealed partial record WorkingSheet(
    UnitResult Result,
    UnitGroup Group,
    int? Rank,
    int RankedInGroup,
    Band? Band,
    BandGap? NextBand,
    RankGap? NextRank,
    IReadOnlyList<AreaComparison> Areas,
    IReadOnlyList<LeafResult> BiggestLosses,
    YearOverYearChange? Change,
    IReadOnlyList<LeafResult> Leaves)
{
    /// <summary>How many leaves <see cref="BiggestLosses"/> lists.</summary>
    public const int LossesListed = 5;

    /// <remarks>
    /// What the whole group contributes (area averages, the row of each unit, who is just above each rank) is computed once
    /// per <paramref name="standing"/> and kept with it (<see cref="GroupFacts"/>): building every sheet of a group of n units
    /// costs O(n), not O(n²).
    /// </remarks>
    public static WorkingSheet Build(Scheme scheme, GroupStanding standing, string unitCode, YearOverYearChange? change = null)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(standing);
        var facts = GroupFacts.Of(standing);
        var row = facts.Find(unitCode) ?? throw new ArgumentException($"Unit {unitCode} is not in group {standing.Group.Code}", nameof(unitCode));
        var result = row.Result;
        // Index points convert to scheme points on the scale the index was computed on.
        var scale = (result.Rescaled ? result.Maximum - result.SurveyMaximum : result.Maximum) / 100m;

        BandGap? bandGap = scheme.BandsFor(standing.Group.Code).NextAbove(result.Index) is { } next
            ? new BandGap(next, next.LowerBound - result.Index, (next.LowerBound - result.Index) * scale)
            : null;

        RankGap? rankGap = null;
        if (row.Rank is { } rank && rank > 1)
        {
            var (aheadRank, ahead) = facts.JustAbove(rank);
            var gap = ahead[0].Result.Index - result.Index;
            rankGap = new RankGap(aheadRank, ahead.Select(a => a.Result.Unit.Name).ToArray(), gap, gap * scale);
        }

        var areas = result.Areas.Select(a => new AreaComparison(a.Code, a.Name, a.Maximum, a.Points, a.Index, facts.AreaAverage(a.Code))).ToArray();
        var leaves = result.Leaves;
        var losses = leaves.Where(l => l.Lost > 0)
            .OrderByDescending(l => l.Lost).ThenBy(l => l.Code).Take(LossesListed).ToArray();

        return new WorkingSheet(result, standing.Group, row.Rank, facts.Ranked, row.Band,
            bandGap, rankGap, areas, losses, change, leaves);
    }
}
