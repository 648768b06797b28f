using ParServerless.Scoring.Marks;

namespace ParServerless.Scoring.Results;

/// <summary>Where a <see cref="UnitResult"/> takes its areas and leaves from.</summary>
internal abstract class ResultDetail
{
    public abstract IReadOnlyList<AreaResult> Areas();

    public abstract IReadOnlyList<LeafResult> Leaves();
}

/// <summary>Areas and leaves given as they are.</summary>
internal sealed class FixedDetail(IReadOnlyList<AreaResult> areas, IReadOnlyList<LeafResult> leaves) : ResultDetail
{
    public override IReadOnlyList<AreaResult> Areas() => areas;

    public override IReadOnlyList<LeafResult> Leaves() => leaves;
}

/// <summary>Areas and leaves computed on demand from the group's plan and the unit's marks.</summary>
internal sealed class ComputedDetail(GroupPlan group, LeafPointTable points, ResultStatus status, decimal[] areaSelf, decimal[] areaPoints)
    : ResultDetail
{
    public override IReadOnlyList<AreaResult> Areas()
    {
        var areas = group.Plan.Scheme.Areas;
        var list = new List<AreaResult>(areas.Count);
        for (var a = 0; a < areas.Count; a++)
        {
            var max = group.AreaMaximum[a];
            if (max > 0)
                list.Add(new AreaResult(areas[a].Code, areas[a].Name, max, areaSelf[a], areaPoints[a], areaPoints[a] * 100m / max));
        }
        return list;
    }

    public override IReadOnlyList<LeafResult> Leaves()
    {
        var leaves = new LeafResult[group.Positions.Length];
        for (var j = 0; j < leaves.Length; j++)
        {
            var node = group.Plan.Leaves[group.Positions[j]];
            var max = group.Maxima[j];
            var i = group.Positions[j];
            var (self, a1, a2, survey) = (points.SelfAt(i), points.Appraisal1At(i), points.Appraisal2At(i), points.SurveyAt(i));
            var final = group.IsSurvey[j] ? survey ?? 0m
                : status == ResultStatus.Provisional ? self ?? 0m
                : a2 ?? a1 ?? 0m;
            leaves[j] = new LeafResult(node.Code, node.Name, node.Leaf!.Method, max, self, a1, a2, survey, final, max - final);
        }
        return leaves;
    }
}
