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
/// code by code first). Sums are taken leaf by leaf in scheme order, as before, so results are identical to the digit.
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
        decimal selfTotal = 0, appraised = 0, survey = 0;
        var anySurvey = false;
        var positions = group.Positions;
        var isSurvey = group.IsSurvey;
        for (var a = 0; a < areaCount; a++)
        {
            decimal areaSelfSum = 0, areaSum = 0;
            for (var j = group.AreaStart[a]; j < group.AreaStart[a + 1]; j++)
            {
                ref readonly var p = ref points[positions[j]];
                // Adding an absent mark's 0 would change neither the value nor the scale of a sum, so it is skipped.
                if (isSurvey[j])
                {
                    if (p.Survey is not { } s) continue;
                    anySurvey = true;
                    survey += s;
                    areaSum += s;
                }
                else
                {
                    if (p.Self is { } self)
                    {
                        selfTotal += self;
                        areaSelfSum += self;
                    }
                    if ((provisional ? p.Self : p.Appraisal2 ?? p.Appraisal1) is { } final)
                    {
                        appraised += final;
                        areaSum += final;
                    }
                }
            }
            areaSelf[a] = areaSelfSum;
            areaPoints[a] = areaSum;
        }

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

    private static decimal Bound(decimal value, decimal maximum, bool capAtMaximum) =>
        Math.Max(0m, capAtMaximum ? Math.Min(value, maximum) : value);
}
