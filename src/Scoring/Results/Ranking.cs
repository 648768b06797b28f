using ParServerless.Scoring.Formatting;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Scoring.Results;

/// <summary>A unit's result with its place in its group.</summary>
/// <param name="Rank">Vị thứ within the group, or null for a unit scored but not ranked.</param>
/// <param name="Band">Xếp loại, or null when the index is below every band.</param>
public sealed record RankedResult(UnitResult Result, int? Rank, Band? Band);

/// <summary>One group's table (bảng xếp hạng khối), best first; unranked units come last.</summary>
public sealed record GroupStanding(UnitGroup Group, IReadOnlyList<RankedResult> Rows)
{
    /// <summary>Mean index of the group's units (ranked or not), unrounded; 0 for an empty group.</summary>
    public decimal AverageIndex => Rows.Count == 0 ? 0m : Rows.Sum(r => r.Result.Index) / Rows.Count;

    /// <summary>Number of units per band name, in band order as given by <paramref name="bands"/>.</summary>
    public IReadOnlyList<(string Band, int Count)> CountsPerBand(BandTable bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        return bands.Bands.Select(b => (b.Name, Rows.Count(r => r.Band?.Name == b.Name))).ToArray();
    }

    public RankedResult? Find(string unitCode) => Rows.FirstOrDefault(r => r.Result.Unit.Code == unitCode);
}

/// <summary>Ranks results within each group by the scheme's tie rule and gives each its band.</summary>
/// <remarks>
/// Order is by the unrounded index, high to low. <see cref="TieRule.ExactIndex"/> (the default) lets only exactly equal
/// indices share a rank; <see cref="TieRule.DisplayedIndex"/> lets indices equal once rounded share it. Both are competition
/// style (1, 2, 2, 4). Units sharing a rank are listed by unit code so that the table does not depend on input order.
/// </remarks>
public static class Ranking
{
    public static IReadOnlyList<GroupStanding> Rank(Scheme scheme, IEnumerable<UnitResult> results)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(results);
        var byGroup = results.GroupBy(r => r.Unit.GroupCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var code in byGroup.Keys)
            if (scheme.FindGroup(code) is null)
                throw new ArgumentException($"Results for group {code}, which scheme {scheme.Ref} does not declare", nameof(results));

        var standings = new List<GroupStanding>(scheme.Groups.Count);
        foreach (var group in scheme.Groups)
        {
            if (!byGroup.TryGetValue(group.Code, out var members)) continue;
            standings.Add(RankGroup(scheme, group, members));
        }
        return standings;
    }

    public static GroupStanding RankGroup(Scheme scheme, UnitGroup group, IReadOnlyList<UnitResult> members)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(members);
        var format = ScoreFormat.For(scheme);
        var bands = scheme.BandsFor(group.Code);
        Func<decimal, decimal> tieKey = scheme.Settings.Ties == TieRule.DisplayedIndex ? format.Round : static i => i;

        var ranked = members.Where(r => r.Unit.Ranked)
            .OrderByDescending(r => r.Index).ThenBy(r => r.Unit.Code, StringComparer.Ordinal).ToArray();
        var rows = new List<RankedResult>(members.Count);
        for (var i = 0; i < ranked.Length; i++)
        {
            var shares = i > 0 && tieKey(ranked[i].Index) == tieKey(ranked[i - 1].Index);
            var rank = shares ? rows[i - 1].Rank : i + 1;
            rows.Add(new RankedResult(ranked[i], rank, bands.BandOf(ranked[i].Index)));
        }
        rows.AddRange(members.Where(r => !r.Unit.Ranked)
            .OrderByDescending(r => r.Index).ThenBy(r => r.Unit.Code, StringComparer.Ordinal)
            .Select(r => new RankedResult(r, null, bands.BandOf(r.Index))));
        return new GroupStanding(group, rows);
    }
}
