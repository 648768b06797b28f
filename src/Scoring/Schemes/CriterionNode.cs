namespace ParServerless.Scoring.Schemes;

/// <summary>A node of the criteria tree: an area (lĩnh vực), criterion (tiêu chí) or sub-criterion (tiêu chí thành phần).</summary>
/// <remarks>Only leaves are scored; any node without children is a leaf and carries a <see cref="LeafRule"/>.</remarks>
public sealed record CriterionNode(CriterionCode Code, string Name, IReadOnlyList<CriterionNode> Children, LeafRule? Leaf)
{
    public bool IsLeaf => Children.Count == 0;

    /// <summary>This node and every node below it, depth first, in scheme order.</summary>
    public IEnumerable<CriterionNode> SelfAndDescendants()
    {
        yield return this;
        foreach (var child in Children)
            foreach (var node in child.SelfAndDescendants())
                yield return node;
    }

    /// <summary>Maximum points of this node for a group: the sum of its applicable leaves (điểm tối đa).</summary>
    public decimal MaximumFor(string groupCode) =>
        IsLeaf ? Leaf!.MaximumFor(groupCode) ?? 0m : Children.Sum(c => c.MaximumFor(groupCode));
}

/// <summary>How a leaf is scored and how much it is worth.</summary>
/// <param name="Method">Appraised or survey.</param>
/// <param name="Maximum">Maximum points (điểm tối đa) for groups without an override.</param>
/// <param name="MaximumByGroup">Overrides per group code; a null value means the leaf does not apply to that group.</param>
/// <param name="Guidance">How to score it (hướng dẫn chấm), shown in templates; may be empty.</param>
public sealed record LeafRule(
    ScoringMethod Method,
    decimal Maximum,
    IReadOnlyDictionary<string, decimal?> MaximumByGroup,
    string Guidance = "")
{
    /// <summary>The maximum for a group, or null when the leaf does not apply to it.</summary>
    public decimal? MaximumFor(string groupCode) =>
        MaximumByGroup.TryGetValue(groupCode, out var overridden) ? overridden : Maximum;

    public bool AppliesTo(string groupCode) => MaximumFor(groupCode) is not null;
}
