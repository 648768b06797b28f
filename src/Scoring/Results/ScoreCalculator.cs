using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;

namespace ParServerless.Scoring.Results;

/// <summary>Turns a scheme and a unit's raw marks into its result. Pure: the same inputs give the same result.</summary>
/// <remarks>
/// Rules (DOMAIN.md, "Computing a unit's result"):
/// the final mark of an appraised leaf is the latest appraisal round that gave it, else the self score while the unit is provisional;
/// a leaf the council left blank after appraising the unit scores 0; survey leaves take their survey points, else 0;
/// bonus and penalty are capped; the total never falls below 0 and, unless the scheme allows it, never exceeds the maximum.
/// </remarks>
public static class ScoreCalculator
{
    public static UnitResult Score(Scheme scheme, Unit unit, int year, UnitMarks marks)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(marks);
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

        return new UnitResult(unit, scheme.Ref, year, status, selfTotal, appraised, survey, bonus, penalty, total,
            maximum, surveyMaximum, index, rescaled, areas, leaves);
    }

    private static decimal Bound(decimal value, decimal maximum, bool capAtMaximum) =>
        Math.Max(0m, capAtMaximum ? Math.Min(value, maximum) : value);
}
