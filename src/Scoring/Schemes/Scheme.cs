namespace ParServerless.Scoring.Schemes;

/// <summary>Identity of one version of a scheme. Stored with every mark, result and document so that a year can be recomputed exactly.</summary>
/// <param name="Id">Stable id, e.g. "TTH-PAR-2021".</param>
/// <param name="Version">Version number, 1 or more; never defaulted.</param>
public sealed record SchemeRef(string Id, int Version)
{
    public override string ToString() => FormattableString.Invariant($"{Id}@v{Version}");
}

/// <summary>A criteria scheme (bộ chỉ số) for one province and period: groups, the criteria tree and its rules.</summary>
/// <remarks>Build it through <see cref="SchemeValidator"/> (fed by <see cref="SchemeJson"/> or a workbook reader), which check it and report every problem at once.</remarks>
public sealed record Scheme
{
    internal Scheme(
        SchemeRef reference, string name, int fromYear, int toYear, bool isSample, decimal maximumTotal,
        IReadOnlyList<UnitGroup> groups, IReadOnlyList<CriterionNode> areas, SchemeSettings settings,
        BandTable bands, IReadOnlyDictionary<string, BandTable> bandsByGroup,
        HeadRatingRule? headRatings = null, IReadOnlyDictionary<string, HeadRatingRule>? headRatingsByGroup = null)
    {
        HeadRatings = headRatings;
        HeadRatingsByGroup = headRatingsByGroup ?? new Dictionary<string, HeadRatingRule>(StringComparer.Ordinal);
        Ref = reference;
        Name = name;
        FromYear = fromYear;
        ToYear = toYear;
        IsSample = isSample;
        MaximumTotal = maximumTotal;
        Groups = groups;
        Areas = areas;
        Settings = settings;
        Bands = bands;
        BandsByGroup = bandsByGroup;
        Nodes = areas.SelectMany(a => a.SelfAndDescendants()).ToDictionary(n => n.Code);
        Leaves = Nodes.Values.Where(n => n.IsLeaf).ToArray();
    }

    public SchemeRef Ref { get; }

    /// <summary>Title as issued, e.g. "Bộ Chỉ số CCHC các sở, ban, ngành và UBND cấp xã năm 2025".</summary>
    public string Name { get; }

    /// <summary>First evaluated year the scheme applies to.</summary>
    public int FromYear { get; }

    /// <summary>Last evaluated year the scheme applies to.</summary>
    public int ToYear { get; }

    /// <summary>True for illustrative schemes that no province issued; documents print "MẪU" on them.</summary>
    public bool IsSample { get; }

    /// <summary>Declared maximum of every group, normally 100.</summary>
    public decimal MaximumTotal { get; }

    public IReadOnlyList<UnitGroup> Groups { get; }

    /// <summary>The areas (lĩnh vực), roots of the criteria tree, in scheme order.</summary>
    public IReadOnlyList<CriterionNode> Areas { get; }

    public SchemeSettings Settings { get; }

    /// <summary>Bands for groups without their own table.</summary>
    public BandTable Bands { get; }

    public IReadOnlyDictionary<string, BandTable> BandsByGroup { get; }

    /// <summary>The scheme's own rule rating heads of units (<c>headRatings</c>); null when it gives none and the default applies.</summary>
    public HeadRatingRule? HeadRatings { get; }

    /// <summary>Rules for groups that rate their heads otherwise (<c>headRatingsByGroup</c>).</summary>
    public IReadOnlyDictionary<string, HeadRatingRule> HeadRatingsByGroup { get; }

    /// <summary>The rule rating the heads of a group: its own, else the scheme's, else <see cref="HeadRatingRule.Default"/>.</summary>
    public HeadRatingRule HeadRatingRuleFor(string groupCode) =>
        HeadRatingsByGroup.TryGetValue(groupCode, out var rule) ? rule : HeadRatings ?? HeadRatingRule.Default;

    /// <summary>
    /// The rating of a unit's head (xếp loại người đứng đầu) from its band and unrounded index; null for a unit scored but not
    /// ranked, or a band the rule does not name.
    /// </summary>
    public HeadRating? HeadRatingOf(string groupCode, bool ranked, Band? band, decimal index) =>
        ranked ? HeadRatingRuleFor(groupCode).RatingFor(band, index) : null;

    /// <summary>Every node by code.</summary>
    public IReadOnlyDictionary<CriterionCode, CriterionNode> Nodes { get; }

    /// <summary>Every leaf in scheme order.</summary>
    public IReadOnlyList<CriterionNode> Leaves { get; }

    public bool CoversYear(int year) => year >= FromYear && year <= ToYear;

    public UnitGroup? FindGroup(string code) => Groups.FirstOrDefault(g => g.Code == code);

    public BandTable BandsFor(string groupCode) =>
        BandsByGroup.TryGetValue(groupCode, out var table) ? table : Bands;

    /// <summary>Leaves that apply to a group, with their maximum for it.</summary>
    public IEnumerable<(CriterionNode Node, decimal Maximum)> LeavesFor(string groupCode)
    {
        foreach (var leaf in Leaves)
            if (leaf.Leaf!.MaximumFor(groupCode) is { } max)
                yield return (leaf, max);
    }
}
