using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Problems;
using ParServerless.Pipeline.Registry;
using ParServerless.Scoring.History;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Results;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Pipeline.Publication;

/// <summary>A year's results computed from its raw marks: the one pure replay, fed from storage.</summary>
public sealed record YearResults(
    YearRecord Year, Scheme Scheme, IReadOnlyList<UnitEntry> Units, IReadOnlyList<GroupStanding> Standings,
    IReadOnlyDictionary<string, YearOverYearChange>? Changes);

/// <summary>Loads what a year's results depend on and runs the scoring library over it.</summary>
public sealed class YearComputation(YearStore years, SchemeStore schemes, UnitStore units, MarkStore marks, ResultStore results)
{
    /// <returns>The results, or the refusal: PAR-A060 (no such year), PAR-A091 (a history-only year) or PAR-A027 (the year's
    /// scheme is not registered).</returns>
    public async Task<Outcome<YearResults>> ComputeAsync(int year, CancellationToken cancellationToken)
    {
        var record = await years.GetAsync(year, cancellationToken).ConfigureAwait(false);
        if (record is null) return PipelineProblems.YearMissing(year);
        if (record.HistoryOnly) return PipelineProblems.HistoryOnlyYearNotScored(year);
        var scheme = await schemes.GetAsync(record.Scheme, cancellationToken).ConfigureAwait(false);
        if (scheme is null) return PipelineProblems.YearSchemeMissing(year, record.Scheme);
        // The marks dominate (a 4,500-unit year has 100,000 mark rows or more): they are read in parallel ranges cut at the
        // registered units' partitions, so the units come first (one partition, often cached); last year's results overlap both.
        var previousRead = results.PreviousAsync(year, cancellationToken);
        var registered = await units.ListAsync(year, record.UnitsVersion, cancellationToken).ConfigureAwait(false);
        var marksRead = marks.CurrentAsync(year, registered.Select(u => u.Unit.Code), cancellationToken);
        await Task.WhenAll(marksRead, previousRead).ConfigureAwait(false);
        var (sheets, previous) = (await marksRead.ConfigureAwait(false), await previousRead.ConfigureAwait(false));
        var scored = registered.Select(u => ScoreCalculator.Score(scheme, u.Unit, year,
            UnitMarks.Gather(scheme, u.Unit.Code, sheets.TryGetValue(u.Unit.Code, out var s) ? s : []))).ToList();
        var standings = Ranking.Rank(scheme, scored);
        var changes = previous.Count == 0 ? null : YearOverYear.Compare(standings, previous, UnitStore.Predecessors(registered));
        return new YearResults(record, scheme, registered, standings, changes);
    }
}
