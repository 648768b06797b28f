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
/// <para>
/// Scoring walks the scheme prepared once (<see cref="ScoringPlan"/>) over marks stored by leaf position (gather them with
/// <see cref="UnitMarks.Gather(Scheme, string, IEnumerable{MarkSheet})"/>; marks gathered without the scheme are looked up
/// code by code first). Results are identical to the digit with those of the first implementation: sums that could round are
/// taken leaf by leaf in the same order, and the others cannot depend on the order.
/// The per-leaf detail is not kept: <see cref="UnitResult.Leaves"/> computes it when asked.
/// </para>
/// </remarks>
public static class ScoreCalculator
{
    public static UnitResult Score(Scheme scheme, Unit unit, int year, UnitMarks marks)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(marks);
        var group = ScoringPlan.For(scheme).Group(unit.GroupCode)
            ?? throw new ArgumentException($"Unit {unit.Code} is in group {unit.GroupCode}, which scheme {scheme.Ref} does not declare", nameof(unit));
        var points = marks.PointsFor(group.Plan);

        var status = marks.HasAppraisal2 ? ResultStatus.AppraisedTwice
            : marks.HasAppraisal1 ? ResultStatus.AppraisedOnce
            : ResultStatus.Provisional;
        var provisional = status == ResultStatus.Provisional;

        var areaCount = group.AreaMaximum.Length;
        var areaSelf = new decimal[areaCount];
        var areaPoints = new decimal[areaCount];
        var sums = points.Exact
            ? SumExact(group, points, provisional, areaSelf, areaPoints)
            : SumInOrder(group, points, provisional, areaSelf, areaPoints);
        var (selfTotal, appraised, survey, anySurvey) = sums;

        var settings = scheme.Settings;
        decimal bonusSum = 0, penaltySum = 0;
        foreach (var adjustment in marks.Adjustments)
        {
            if (adjustment.Points > 0) bonusSum += adjustment.Points;
            else if (adjustment.Points < 0) penaltySum += adjustment.Points;
        }
        var bonus = Math.Min(bonusSum, settings.BonusCap);
        var penalty = Math.Min(-penaltySum, settings.PenaltyCap);
        var maximum = group.Maximum;
        var surveyMaximum = group.SurveyMaximum;
        var total = Bound(appraised + survey + bonus - penalty, maximum, settings.CapTotalAtMaximum);

        var rescaled = !anySurvey && surveyMaximum > 0 && settings.RescaleWhenNoSurvey && maximum > surveyMaximum;
        var index = rescaled
            ? Bound(appraised + bonus - penalty, maximum - surveyMaximum, settings.CapTotalAtMaximum) * 100m / (maximum - surveyMaximum)
            : total * 100m / maximum;

        return new UnitResult(unit, scheme.Ref, year, status, selfTotal, appraised, survey, bonus, penalty, total,
            maximum, surveyMaximum, index, rescaled, new ComputedDetail(group, points, status, areaSelf, areaPoints));
    }

    private readonly record struct Sums(decimal Self, decimal Appraised, decimal Survey, bool AnySurvey);

    /// <summary>
    /// Sums leaf by leaf in scheme order, every running total as the first implementation kept it: values with many decimals
    /// round when added, so the order of additions shows in the last digit.
    /// </summary>
    private static Sums SumInOrder(GroupPlan group, LeafPointTable points, bool provisional, decimal[] areaSelf, decimal[] areaPoints)
    {
        decimal selfTotal = 0, appraised = 0, survey = 0;
        var anySurvey = false;
        var (present, positions, isSurvey) = (points.Present, group.Positions, group.IsSurvey);
        for (var a = 0; a < areaSelf.Length; a++)
        {
            decimal areaSelfSum = 0, areaSum = 0;
            for (var j = group.AreaStart[a]; j < group.AreaStart[a + 1]; j++)
            {
                var i = positions[j];
                var has = present[i];
                // Adding an absent mark's 0 would change neither the value nor the scale of a sum, so it is skipped.
                if (isSurvey[j])
                {
                    if ((has & LeafPointTable.HasSurvey) == 0) continue;
                    var s = points.Survey![i];
                    anySurvey = true;
                    survey += s;
                    areaSum += s;
                    continue;
                }
                if ((has & LeafPointTable.HasSelf) != 0)
                {
                    var self = points.Self![i];
                    selfTotal += self;
                    areaSelfSum += self;
                }
                if (Final(points, i, has, provisional) is { } final)
                {
                    appraised += final;
                    areaSum += final;
                }
            }
            areaSelf[a] = areaSelfSum;
            areaPoints[a] = areaSum;
        }
        return new Sums(selfTotal, appraised, survey, anySurvey);
    }

    /// <summary>
    /// The same sums when every value is small and short (<see cref="LeafPointTable.Exact"/>): no addition rounds, so each
    /// leaf is added once, to its area's appraised or survey subtotal, and the totals are sums of the areas' subtotals.
    /// </summary>
    private static Sums SumExact(GroupPlan group, LeafPointTable points, bool provisional, decimal[] areaSelf, decimal[] areaPoints)
    {
        decimal selfTotal = 0, appraised = 0, survey = 0;
        var anySurvey = false;
        var (present, positions, isSurvey, areaStart) = (points.Present, group.Positions, group.IsSurvey, group.AreaStart);
        var (selfColumn, surveyColumn) = (points.Self, points.Survey);
        // The column that gives the final mark when round 2 has not: the self score while provisional, else round 1.
        var (secondBit, secondColumn) = provisional
            ? (LeafPointTable.HasSelf, selfColumn)
            : (LeafPointTable.HasAppraisal1, points.Appraisal1);
        var (firstBit, firstColumn) = provisional ? ((byte)0, null) : (LeafPointTable.HasAppraisal2, points.Appraisal2);
        for (var a = 0; a < areaSelf.Length; a++)
        {
            decimal areaSelfSum = 0, areaAppraised = 0, areaSurvey = 0;
            for (int j = areaStart[a], end = areaStart[a + 1]; j < end; j++)
            {
                var i = positions[j];
                var has = present[i];
                if (has == 0) continue;
                if (isSurvey[j])
                {
                    if ((has & LeafPointTable.HasSurvey) == 0) continue;
                    anySurvey = true;
                    areaSurvey += surveyColumn![i];
                    continue;
                }
                if ((has & LeafPointTable.HasSelf) != 0) areaSelfSum += selfColumn![i];
                if ((has & firstBit) != 0) areaAppraised += firstColumn![i];
                else if ((has & secondBit) != 0) areaAppraised += secondColumn![i];
            }
            areaSelf[a] = areaSelfSum;
            areaPoints[a] = areaAppraised + areaSurvey;
            selfTotal += areaSelfSum;
            appraised += areaAppraised;
            survey += areaSurvey;
        }
        return new Sums(selfTotal, appraised, survey, anySurvey);
    }

    /// <summary>The final mark of an appraised leaf: the self score while provisional, else round 2, else round 1; null when none.</summary>
    private static decimal? Final(LeafPointTable points, int i, byte has, bool provisional) =>
        provisional ? ((has & LeafPointTable.HasSelf) != 0 ? points.Self![i] : null)
        : (has & LeafPointTable.HasAppraisal2) != 0 ? points.Appraisal2![i]
        : (has & LeafPointTable.HasAppraisal1) != 0 ? points.Appraisal1![i]
        : null;

    private static decimal Bound(decimal value, decimal maximum, bool capAtMaximum) =>
        Math.Max(0m, capAtMaximum ? Math.Min(value, maximum) : value);
}
