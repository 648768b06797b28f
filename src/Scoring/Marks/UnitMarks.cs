using ParServerless.Scoring.Results;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Scoring.Marks;

/// <summary>Every raw mark of one leaf for one unit and year, gathered from the year's sheets.</summary>
public sealed record LeafMarks(
    decimal? Self,
    decimal? Appraisal1,
    decimal? Appraisal2,
    decimal? Survey,
    string? SelfNote,
    IReadOnlyList<string> Evidence,
    string? Explanation,
    IReadOnlyList<string> AddedEvidence,
    string? AppraiserNote)
{
    public static LeafMarks None { get; } = new(null, null, null, null, null, [], null, [], null);
}

/// <summary>The current raw marks of one unit for one year: at most one sheet per <see cref="MarkSource"/>.</summary>
/// <remarks>
/// A newer upload supersedes the older one for the same source before marks are gathered (the older stays in history).
/// Gathered against a scheme, the points sit in columns by leaf position, which scoring reads without looking codes up;
/// notes and evidence are kept by code only for leaves that have some.
/// </remarks>
public sealed class UnitMarks
{
    private readonly Dictionary<CriterionCode, LeafMarks> _leaves;
    private readonly ScoringPlan? _plan;
    private readonly LeafPointTable? _points;

    private UnitMarks(string unitCode, Dictionary<CriterionCode, LeafMarks> leaves, IReadOnlyList<Adjustment> adjustments,
        bool hasAppraisal1, bool hasAppraisal2, ScoringPlan? plan = null, LeafPointTable? points = null)
    {
        UnitCode = unitCode;
        _leaves = leaves;
        Adjustments = adjustments;
        HasAppraisal1 = hasAppraisal1;
        HasAppraisal2 = hasAppraisal2;
        _plan = plan;
        _points = points;
    }

    public string UnitCode { get; }

    public IReadOnlyList<Adjustment> Adjustments { get; }

    public bool HasAppraisal1 { get; }

    public bool HasAppraisal2 { get; }

    public LeafMarks For(CriterionCode code)
    {
        var texts = _leaves.TryGetValue(code, out var m) ? m : LeafMarks.None;
        if (_plan is null || _plan.PositionOf(code) is var i && i < 0) return texts;
        var p = _points!;
        return texts with { Self = p.SelfAt(i), Appraisal1 = p.Appraisal1At(i), Appraisal2 = p.Appraisal2At(i), Survey = p.SurveyAt(i) };
    }

    /// <summary>The points by position in <paramref name="plan"/>: the stored table when gathered against its scheme, else looked up code by code.</summary>
    internal LeafPointTable PointsFor(ScoringPlan plan)
    {
        if (ReferenceEquals(plan, _plan)) return _points!;
        var points = new LeafPointTable(plan.Leaves.Length);
        for (var i = 0; i < points.Count; i++)
        {
            if (!_leaves.TryGetValue(plan.Leaves[i].Code, out var m)) continue;
            if (m.Self is not null) points.Set(MarkSource.SelfAssessment, i, m.Self);
            if (m.Appraisal1 is not null) points.Set(MarkSource.Appraisal1, i, m.Appraisal1);
            if (m.Appraisal2 is not null) points.Set(MarkSource.Appraisal2, i, m.Appraisal2);
            if (m.Survey is not null) points.Set(MarkSource.Survey, i, m.Survey);
        }
        return points;
    }

    public static UnitMarks Empty(string unitCode) => new(unitCode, [], [], false, false);

    /// <summary>Gathers one unit's current sheets. Throws when two sheets share a source or belong to another unit: callers pick the current sheet first.</summary>
    public static UnitMarks Gather(string unitCode, IEnumerable<MarkSheet> sheets)
    {
        var bySource = BySource(unitCode, sheets);
        var leaves = new Dictionary<CriterionCode, LeafMarks>();
        foreach (var (source, sheet) in bySource)
            foreach (var mark in sheet.Leaves)
                leaves[mark.Criterion] = Apply(source, leaves.TryGetValue(mark.Criterion, out var m) ? m : LeafMarks.None, mark);
        return Create(unitCode, bySource, leaves, null, null);
    }

    /// <summary>
    /// Gathers one unit's current sheets for scoring against <paramref name="scheme"/>: the same marks as
    /// <see cref="Gather(string, IEnumerable{MarkSheet})"/>, stored by leaf position so that scoring reads them without look-ups.
    /// </summary>
    public static UnitMarks Gather(Scheme scheme, string unitCode, IEnumerable<MarkSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var bySource = BySource(unitCode, sheets);
        var plan = ScoringPlan.For(scheme);
        var points = new LeafPointTable(plan.Leaves.Length);
        var leaves = new Dictionary<CriterionCode, LeafMarks>();
        foreach (var (source, sheet) in bySource)
        {
            foreach (var mark in sheet.Leaves)
            {
                var i = plan.PositionOf(mark.Criterion);
                // Notes and evidence are rare: only leaves that have some (or codes outside the scheme) get a record.
                if (i < 0 || mark.Note is not null || mark.Evidence.Count > 0 || leaves.ContainsKey(mark.Criterion))
                    leaves[mark.Criterion] = Apply(source, leaves.TryGetValue(mark.Criterion, out var m) ? m : LeafMarks.None, mark);
                if (i >= 0) points.Set(source, i, mark.Points);
            }
        }
        return Create(unitCode, bySource, leaves, plan, points);
    }

    private static Dictionary<MarkSource, MarkSheet> BySource(string unitCode, IEnumerable<MarkSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var bySource = new Dictionary<MarkSource, MarkSheet>();
        foreach (var sheet in sheets)
        {
            if (sheet.UnitCode != unitCode)
                throw new ArgumentException($"Sheet for unit {sheet.UnitCode} passed for {unitCode}", nameof(sheets));
            if (!bySource.TryAdd(sheet.Source, sheet))
                throw new ArgumentException($"Two {sheet.Source} sheets for {unitCode}: pick the current one first", nameof(sheets));
        }
        return bySource;
    }

    private static LeafMarks Apply(MarkSource source, LeafMarks m, LeafMark mark) => source switch
    {
        MarkSource.SelfAssessment => m with { Self = mark.Points, SelfNote = mark.Note, Evidence = mark.Evidence },
        MarkSource.Appraisal1 => m with { Appraisal1 = mark.Points, AppraiserNote = mark.Note ?? m.AppraiserNote },
        MarkSource.Appraisal2 => m with { Appraisal2 = mark.Points, AppraiserNote = mark.Note ?? m.AppraiserNote },
        MarkSource.Explanation => m with { Explanation = mark.Note, AddedEvidence = mark.Evidence },
        MarkSource.Survey => m with { Survey = mark.Points },
        _ => m,
    };

    private static UnitMarks Create(string unitCode, Dictionary<MarkSource, MarkSheet> bySource,
        Dictionary<CriterionCode, LeafMarks> leaves, ScoringPlan? plan, LeafPointTable? points)
    {
        var adjustments = bySource.TryGetValue(MarkSource.BonusPenalty, out var bp) ? bp.Adjustments : [];
        return new UnitMarks(unitCode, leaves, adjustments,
            bySource.ContainsKey(MarkSource.Appraisal1), bySource.ContainsKey(MarkSource.Appraisal2), plan, points);
    }
}
