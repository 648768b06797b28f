using ParServerless.Scoring.Formatting;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Results;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;

namespace ParServerless.Scoring.Tests.Results.Reference;

/// <summary>A result as the first implementation computed it: every figure, every area and every leaf, eagerly.</summary>
internal sealed record ReferenceResult(
    Unit Unit, ResultStatus Status, decimal SelfTotal, decimal AppraisedPoints, decimal SurveyPoints, decimal Bonus,
    decimal Penalty, decimal Total, decimal Maximum, decimal SurveyMaximum, decimal Index, bool Rescaled,
    IReadOnlyList<AreaResult> Areas, IReadOnlyList<LeafResult> Leaves);

/// <summary>A reference result with its rank and band.</summary>
internal sealed record ReferenceRow(ReferenceResult Result, int? Rank, Band? Band);

/// <summary>
/// The scoring and ranking path as it was before issue #14 (commit 79c3c8d), kept verbatim apart from its result types, so that
/// the property test can compare the prepared path with it to the last digit. Do not optimise this class.
/// </summary>
internal static class ReferenceScoring
{
    public static ReferenceResult Score(Scheme scheme, Unit unit, UnitMarks marks)
    {
        if (scheme.FindGroup(unit.GroupCode) is null)
            throw new ArgumentException($"Unit {unit.Code} is in group {unit.GroupCode}, which scheme {scheme.Ref} does not declare", nameof(unit));

        var status = marks.HasAppraisal2 ? ResultStatus.AppraisedTwice
            : marks.HasAppraisal1 ? ResultStatus.AppraisedOnce
            : ResultStatus.Provisional;

        var leaves = new List<LeafResult>(scheme.Leaves.Count);
        var areas = new List<AreaResult>(scheme.Areas.Count);
        decimal selfTotal = 0, appraised = 0, survey = 0, maximum = 0, surveyMaximum = 0;
        var anySurvey = false;
        foreach (var area in scheme.Areas)
        {
            decimal areaMax = 0, areaSelf = 0, areaPoints = 0;
            foreach (var node in area.SelfAndDescendants())
            {
                if (!node.IsLeaf || node.Leaf!.MaximumFor(unit.GroupCode) is not { } max) continue;
                var m = marks.For(node.Code);
                decimal final;
                if (node.Leaf.Method == ScoringMethod.Survey)
                {
                    anySurvey |= m.Survey is not null;
                    final = m.Survey ?? 0m;
                    survey += final;
                    surveyMaximum += max;
                }
                else
                {
                    final = status == ResultStatus.Provisional ? m.Self ?? 0m : m.Appraisal2 ?? m.Appraisal1 ?? 0m;
                    selfTotal += m.Self ?? 0m;
                    areaSelf += m.Self ?? 0m;
                    appraised += final;
                }
                areaMax += max;
                areaPoints += final;
                leaves.Add(new LeafResult(node.Code, node.Name, node.Leaf.Method, max, m.Self, m.Appraisal1, m.Appraisal2, m.Survey, final, max - final));
            }
            maximum += areaMax;
            if (areaMax > 0)
                areas.Add(new AreaResult(area.Code, area.Name, areaMax, areaSelf, areaPoints, areaPoints * 100m / areaMax));
        }

        var settings = scheme.Settings;
        var bonus = Math.Min(marks.Adjustments.Where(a => a.Points > 0).Sum(a => a.Points), settings.BonusCap);
        var penalty = Math.Min(-marks.Adjustments.Where(a => a.Points < 0).Sum(a => a.Points), settings.PenaltyCap);
        var total = Bound(appraised + survey + bonus - penalty, maximum, settings.CapTotalAtMaximum);

        var rescaled = !anySurvey && surveyMaximum > 0 && settings.RescaleWhenNoSurvey && maximum > surveyMaximum;
        var index = rescaled
            ? Bound(appraised + bonus - penalty, maximum - surveyMaximum, settings.CapTotalAtMaximum) * 100m / (maximum - surveyMaximum)
            : total * 100m / maximum;

        return new ReferenceResult(unit, status, selfTotal, appraised, survey, bonus, penalty, total,
            maximum, surveyMaximum, index, rescaled, areas, leaves);
    }

    /// <summary>The old <c>Ranking.Rank</c>: per group in scheme order, each group's rows.</summary>
    public static IReadOnlyList<(UnitGroup Group, IReadOnlyList<ReferenceRow> Rows)> Rank(Scheme scheme, IEnumerable<ReferenceResult> results)
    {
        var byGroup = results.GroupBy(r => r.Unit.GroupCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var standings = new List<(UnitGroup, IReadOnlyList<ReferenceRow>)>();
        foreach (var group in scheme.Groups)
        {
            if (!byGroup.TryGetValue(group.Code, out var members)) continue;
            standings.Add((group, RankGroup(scheme, group, members)));
        }
        return standings;
    }

    private static List<ReferenceRow> RankGroup(Scheme scheme, UnitGroup group, IReadOnlyList<ReferenceResult> members)
    {
        var format = ScoreFormat.For(scheme);
        var bands = scheme.BandsFor(group.Code);
        Func<decimal, decimal> tieKey = scheme.Settings.Ties == TieRule.DisplayedIndex ? format.Round : static i => i;

        var ranked = members.Where(r => r.Unit.Ranked)
            .OrderByDescending(r => r.Index).ThenBy(r => r.Unit.Code, StringComparer.Ordinal).ToArray();
        var rows = new List<ReferenceRow>(members.Count);
        for (var i = 0; i < ranked.Length; i++)
        {
            var shares = i > 0 && tieKey(ranked[i].Index) == tieKey(ranked[i - 1].Index);
            var rank = shares ? rows[i - 1].Rank : i + 1;
            rows.Add(new ReferenceRow(ranked[i], rank, bands.BandOf(ranked[i].Index)));
        }
        rows.AddRange(members.Where(r => !r.Unit.Ranked)
            .OrderByDescending(r => r.Index).ThenBy(r => r.Unit.Code, StringComparer.Ordinal)
            .Select(r => new ReferenceRow(r, null, bands.BandOf(r.Index))));
        return rows;
    }

    private static decimal Bound(decimal value, decimal maximum, bool capAtMaximum) =>
        Math.Max(0m, capAtMaximum ? Math.Min(value, maximum) : value);
}
