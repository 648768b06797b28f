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
/// <remarks>A newer upload supersedes the older one for the same source before marks are gathered (the older stays in history).</remarks>
public sealed class UnitMarks
{
    private readonly Dictionary<CriterionCode, LeafMarks> _leaves;

    private UnitMarks(string unitCode, Dictionary<CriterionCode, LeafMarks> leaves, IReadOnlyList<Adjustment> adjustments,
        bool hasAppraisal1, bool hasAppraisal2)
    {
        UnitCode = unitCode;
        _leaves = leaves;
        Adjustments = adjustments;
        HasAppraisal1 = hasAppraisal1;
        HasAppraisal2 = hasAppraisal2;
    }

    public string UnitCode { get; }

    public IReadOnlyList<Adjustment> Adjustments { get; }

    public bool HasAppraisal1 { get; }

    public bool HasAppraisal2 { get; }

    public LeafMarks For(CriterionCode code) => _leaves.TryGetValue(code, out var m) ? m : LeafMarks.None;

    public static UnitMarks Empty(string unitCode) => new(unitCode, [], [], false, false);

    /// <summary>Gathers one unit's current sheets. Throws when two sheets share a source or belong to another unit: callers pick the current sheet first.</summary>
    public static UnitMarks Gather(string unitCode, IEnumerable<MarkSheet> sheets)
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

        var leaves = new Dictionary<CriterionCode, LeafMarks>();
        LeafMarks Get(CriterionCode c) => leaves.TryGetValue(c, out var m) ? m : LeafMarks.None;
        foreach (var (source, sheet) in bySource)
        {
            foreach (var mark in sheet.Leaves)
            {
                var m = Get(mark.Criterion);
                leaves[mark.Criterion] = source switch
                {
                    MarkSource.SelfAssessment => m with { Self = mark.Points, SelfNote = mark.Note, Evidence = mark.Evidence },
                    MarkSource.Appraisal1 => m with { Appraisal1 = mark.Points, AppraiserNote = mark.Note ?? m.AppraiserNote },
                    MarkSource.Appraisal2 => m with { Appraisal2 = mark.Points, AppraiserNote = mark.Note ?? m.AppraiserNote },
                    MarkSource.Explanation => m with { Explanation = mark.Note, AddedEvidence = mark.Evidence },
                    MarkSource.Survey => m with { Survey = mark.Points },
                    _ => m,
                };
            }
        }
        var adjustments = bySource.TryGetValue(MarkSource.BonusPenalty, out var bp) ? bp.Adjustments : [];
        return new UnitMarks(unitCode, leaves, adjustments,
            bySource.ContainsKey(MarkSource.Appraisal1), bySource.ContainsKey(MarkSource.Appraisal2));
    }
}
