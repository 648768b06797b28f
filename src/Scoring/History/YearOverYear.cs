using ParServerless.Scoring.Results;

namespace ParServerless.Scoring.History;

/// <summary>How a unit was matched to the earlier year.</summary>
public enum ComparisonBasis
{
    Invalid = 0,
    /// <summary>Nothing to compare with: a new unit, or no earlier table.</summary>
    None = 1,
    /// <summary>The same unit, matched by code or by its published name.</summary>
    SameUnit = 2,
    /// <summary>One predecessor under another name (đổi tên).</summary>
    Renamed = 3,
    /// <summary>Several predecessors (sáp nhập): points compare against their mean; ranks are not compared.</summary>
    Merged = 4,
}

/// <summary>A unit's change against an earlier year (so sánh với năm trước).</summary>
/// <param name="PointsChange">Current index − previous score, in percentage points; null without a basis.</param>
/// <param name="RankChange">Previous rank − current rank: positive means it moved up ("tăng 4 bậc").</param>
public sealed record YearOverYearChange(
    int PreviousYear,
    ComparisonBasis Basis,
    decimal? PreviousScore,
    decimal? PointsChange,
    int? PreviousRank,
    int? RankChange,
    IReadOnlyList<string> Predecessors);

/// <summary>One group's movement: how many units went up, down or stayed, and the averages.</summary>
public sealed record GroupChangeSummary(string GroupCode, int Up, int Down, int Same, int NotCompared, decimal? PreviousAverage, decimal CurrentAverage);

/// <summary>Compares this year's standings with an earlier year's published table.</summary>
/// <remarks>
/// Matching: a unit with predecessors in the <see cref="PredecessorMap"/> is compared with them (one predecessor: renamed;
/// several: merged, against the unweighted mean of their scores, with no rank comparison because the groups differ in size
/// and membership). Any other unit is matched by code, else by its NFC, case-insensitive name. Ranks are compared only for
/// the same unit or a renamed one, and only when the earlier row is in the same group (given by code or by name) or its
/// group is unknown.
/// </remarks>
public static class YearOverYear
{
    public static IReadOnlyDictionary<string, YearOverYearChange> Compare(
        IReadOnlyList<GroupStanding> current, IReadOnlyList<PublishedResult> previous, PredecessorMap map)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(map);
        var year = previous.Count == 0 ? 0 : previous.Max(p => p.Year);
        var rows = previous.Where(p => p.Year == year).ToArray();
        var byCode = rows.Where(r => r.UnitCode is not null).GroupBy(r => r.UnitCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byName = rows.GroupBy(r => Key(r.UnitName), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        PublishedResult? Find(string codeOrName) =>
            byCode.TryGetValue(codeOrName, out var r) ? r : byName.GetValueOrDefault(Key(codeOrName));

        var changes = new Dictionary<string, YearOverYearChange>(StringComparer.Ordinal);
        foreach (var standing in current)
        {
            foreach (var row in standing.Rows)
            {
                var unit = row.Result.Unit;
                var predecessors = map.For(unit.Code);
                var found = predecessors.Count > 0
                    ? predecessors.Select(Find).OfType<PublishedResult>().ToArray()
                    : Find(unit.Code) is { } same ? [same] : Find(unit.Name) is { } byUnitName ? [byUnitName] : [];
                if (found.Length == 0)
                {
                    changes[unit.Code] = new YearOverYearChange(year, ComparisonBasis.None, null, null, null, null, predecessors);
                    continue;
                }
                var basis = predecessors.Count > 1 ? ComparisonBasis.Merged
                    : predecessors.Count == 1 ? ComparisonBasis.Renamed
                    : ComparisonBasis.SameUnit;
                var previousScore = found.Sum(f => f.Score) / found.Length;
                int? previousRank = basis != ComparisonBasis.Merged && SameGroup(found[0].GroupCode, standing.Group)
                    ? found[0].Rank : null;
                int? rankChange = previousRank is { } p && row.Rank is { } r ? p - r : null;
                changes[unit.Code] = new YearOverYearChange(year, basis, previousScore, row.Result.Index - previousScore,
                    previousRank, rankChange, found.Select(f => f.UnitName).ToArray());
            }
        }
        return changes;
    }

    /// <summary>Counts per group of units up, down and unchanged in points, with group averages.</summary>
    public static IReadOnlyList<GroupChangeSummary> Summarise(
        IReadOnlyList<GroupStanding> current, IReadOnlyDictionary<string, YearOverYearChange> changes)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(changes);
        return current.Select(s =>
        {
            var compared = s.Rows.Select(r => changes.GetValueOrDefault(r.Result.Unit.Code))
                .Where(c => c?.PointsChange is not null).Select(c => c!).ToArray();
            return new GroupChangeSummary(s.Group.Code,
                compared.Count(c => c.PointsChange > 0), compared.Count(c => c.PointsChange < 0), compared.Count(c => c.PointsChange == 0),
                s.Rows.Count - compared.Length,
                compared.Length == 0 ? null : compared.Average(c => c.PreviousScore!.Value),
                s.AverageIndex);
        }).ToArray();
    }

    private static string Key(string name) => Text.Nfc(name.Trim()).ToUpperInvariant();

    /// <summary>
    /// Whether an earlier row's group is this group: unknown (ranks are then compared), its code, or its name as published
    /// ("Các sở, ban, ngành"), which an imported table often gives instead of our code.
    /// </summary>
    internal static bool SameGroup(string? earlier, Schemes.UnitGroup group) =>
        earlier is null || string.Equals(earlier.Trim(), group.Code, StringComparison.Ordinal) || Key(earlier) == Key(group.Name);
}
