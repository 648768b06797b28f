using System.Runtime.CompilerServices;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Scoring.Results;

/// <summary>
/// A scheme prepared once for scoring (bộ chỉ số đã chuẩn bị): its leaves indexed by position, and per group the applicable
/// leaves with their maxima and the area and total maxima, so that scoring a unit walks arrays instead of the tree.
/// </summary>
/// <remarks>
/// Maxima are summed here in the same order as scoring used to sum them leaf by leaf, so every figure is identical to the digit.
/// One plan per <see cref="Scheme"/> instance, kept as long as the scheme lives.
/// </remarks>
internal sealed class ScoringPlan
{
    private static readonly ConditionalWeakTable<Scheme, ScoringPlan> Plans = new();

    private readonly Dictionary<CriterionCode, int> _positions;
    private readonly Dictionary<string, GroupPlan> _groups;

    private ScoringPlan(Scheme scheme)
    {
        Scheme = scheme;
        var leaves = new List<CriterionNode>();
        var areaOf = new List<int>();
        for (var a = 0; a < scheme.Areas.Count; a++)
            foreach (var node in scheme.Areas[a].SelfAndDescendants())
                if (node.IsLeaf) { leaves.Add(node); areaOf.Add(a); }
        Leaves = [.. leaves];
        AreaOf = [.. areaOf];
        _positions = new Dictionary<CriterionCode, int>(Leaves.Length);
        for (var i = 0; i < Leaves.Length; i++) _positions[Leaves[i].Code] = i;
        _groups = new Dictionary<string, GroupPlan>(StringComparer.Ordinal);
        foreach (var group in scheme.Groups)
            if (!_groups.ContainsKey(group.Code)) _groups[group.Code] = new GroupPlan(this, group.Code);
    }

    public Scheme Scheme { get; }

    /// <summary>Every leaf in scheme order (depth first, area by area): the positions marks are stored at.</summary>
    public CriterionNode[] Leaves { get; }

    /// <summary>Index in <see cref="Scheme.Areas"/> of each leaf's area.</summary>
    public int[] AreaOf { get; }

    public static ScoringPlan For(Scheme scheme) => Plans.GetValue(scheme, static s => new ScoringPlan(s));

    /// <summary>Position of a leaf, or −1 for a code that is not a leaf of the scheme.</summary>
    public int PositionOf(CriterionCode code) => _positions.TryGetValue(code, out var i) ? i : -1;

    public GroupPlan? Group(string groupCode) => _groups.TryGetValue(groupCode, out var group) ? group : null;
}

/// <summary>The leaves that apply to one group, with their maxima, area by area.</summary>
internal sealed class GroupPlan
{
    public GroupPlan(ScoringPlan plan, string groupCode)
    {
        GroupCode = groupCode;
        var areas = plan.Scheme.Areas;
        var positions = new List<int>();
        var maxima = new List<decimal>();
        AreaStart = new int[areas.Count + 1];
        AreaMaximum = new decimal[areas.Count];
        decimal maximum = 0, surveyMaximum = 0;
        var leaf = 0;
        for (var a = 0; a < areas.Count; a++)
        {
            AreaStart[a] = positions.Count;
            decimal areaMax = 0;
            for (; leaf < plan.Leaves.Length && plan.AreaOf[leaf] == a; leaf++)
            {
                var rule = plan.Leaves[leaf].Leaf!;
                if (rule.MaximumFor(groupCode) is not { } max) continue;
                positions.Add(leaf);
                maxima.Add(max);
                if (rule.Method == ScoringMethod.Survey) surveyMaximum += max;
                areaMax += max;
            }
            AreaMaximum[a] = areaMax;
            maximum += areaMax;
        }
        AreaStart[areas.Count] = positions.Count;
        Positions = [.. positions];
        Maxima = [.. maxima];
        IsSurvey = Positions.Select(p => plan.Leaves[p].Leaf!.Method == ScoringMethod.Survey).ToArray();
        Maximum = maximum;
        SurveyMaximum = surveyMaximum;
        Plan = plan;
    }

    public ScoringPlan Plan { get; }

    public string GroupCode { get; }

    /// <summary>Scheme positions of the applicable leaves, in scheme order.</summary>
    public int[] Positions { get; }

    /// <summary>Maximum of each applicable leaf for this group, parallel to <see cref="Positions"/>.</summary>
    public decimal[] Maxima { get; }

    /// <summary>Whether each applicable leaf is scored from the survey, parallel to <see cref="Positions"/>.</summary>
    public bool[] IsSurvey { get; }

    /// <summary>Area a's applicable leaves are <c>Positions[AreaStart[a]..AreaStart[a + 1]]</c>.</summary>
    public int[] AreaStart { get; }

    /// <summary>Maximum of each area for this group; 0 for an area none of whose leaves applies.</summary>
    public decimal[] AreaMaximum { get; }

    public decimal Maximum { get; }

    public decimal SurveyMaximum { get; }
}
