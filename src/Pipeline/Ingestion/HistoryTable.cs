using ParServerless.Files;
using ParServerless.Pipeline.Problems;
using ParServerless.Pipeline.Registry;
using ParServerless.Scoring;
using ParServerless.Scoring.Problems;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Pipeline.Ingestion;

/// <summary>
/// Matches an imported published table (kết quả đã công bố) to our groups and units before it is stored, so year over year
/// finds every row: a group given by its name ("Các sở, ban, ngành") gets its code, a unit given by its name gets its code.
/// A row that matches nothing is kept as typed and listed in the report with a warning (PAR-A092 group, PAR-A093 unit):
/// nothing is dropped silently.
/// </summary>
/// <remarks>
/// Units are looked for among the units registered for the table's year (if any) and for the year after it, the year that
/// compares with it; a name or code listed as some unit's predecessor (the 2025 reorganisation) counts as matched and is kept as
/// typed, because the predecessor map names it that way. Names compare in NFC, trimmed, case-insensitive.
/// </remarks>
public static class HistoryTable
{
    /// <summary>Reads the units to match against and resolves the rows; the outcome's report gains the warnings.</summary>
    public static async Task<SubmissionOutcome> ResolveAsync(
        SubmissionOutcome outcome, int year, Scheme scheme, UnitStore units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(units);
        if (!outcome.Report.Accepted || outcome.Published.Count == 0) return outcome;
        var candidates = (await units.ListAsync(year, cancellationToken).ConfigureAwait(false))
            .Concat(await units.ListAsync(year + 1, cancellationToken).ConfigureAwait(false)).ToList();
        var (rows, warnings) = Resolve(outcome.Published, scheme, candidates, year + 1);
        return outcome with { Published = rows, Report = outcome.Report.Concat(warnings) };
    }

    /// <param name="comparedYear">The year whose results will be compared with this table, named in the warnings.</param>
    public static (IReadOnlyList<PublishedRow> Rows, ValidationReport Warnings) Resolve(
        IReadOnlyList<PublishedRow> rows, Scheme scheme, IReadOnlyList<UnitEntry> candidates, int comparedYear)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(candidates);
        var groupsByName = scheme.Groups.GroupBy(g => Key(g.Name), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Code, StringComparer.Ordinal);
        var codes = candidates.Select(c => c.Unit.Code).ToHashSet(StringComparer.Ordinal);
        var byName = candidates.GroupBy(c => Key(c.Unit.Name), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Unit.Code, StringComparer.Ordinal);
        var predecessors = candidates.SelectMany(c => c.Predecessors).Select(Key).ToHashSet(StringComparer.Ordinal);
        var bag = new ProblemBag();
        var resolved = new List<PublishedRow>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var where = new Location(Field: FormattableString.Invariant($"rows[{i}]"));
            var group = row.GroupCode?.Trim();
            if (group is { Length: > 0 } && scheme.FindGroup(group) is null)
            {
                if (groupsByName.TryGetValue(Key(group), out var code)) group = code;
                else bag.Add(Warn(PipelineProblems.UnknownHistoryGroup(group, row.UnitName, scheme.Groups.Select(g => g.Code)), where));
            }
            var unit = row.UnitCode?.Trim();
            var matched = unit is { Length: > 0 } && (codes.Contains(unit) || predecessors.Contains(Key(unit)));
            if (!matched && byName.TryGetValue(Key(row.UnitName), out var byUnitName))
            {
                unit = byUnitName;
                matched = true;
            }
            matched = matched || predecessors.Contains(Key(row.UnitName));
            if (!matched)
                bag.Add(Warn(PipelineProblems.UnmatchedHistoryUnit(unit is { Length: > 0 } ? $"{row.UnitName} ({unit})" : row.UnitName, comparedYear), where));
            resolved.Add(row with { GroupCode = string.IsNullOrEmpty(group) ? null : group, UnitCode = string.IsNullOrEmpty(unit) ? null : unit });
        }
        return (resolved, bag.ToReport());
    }

    private static Problem Warn(Problems.Refusal refusal, Location where) => refusal.AsProblem(where) with { Severity = Severity.Warning };

    private static string Key(string text) => Text.Nfc(text.Trim()).ToUpperInvariant();
}
