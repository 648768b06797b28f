using System.Runtime.CompilerServices;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Scoring.Results;

public sealed partial record WorkingSheet
{
    /// <summary>
    /// What every working sheet of one group reads from the whole group, computed once per <see cref="GroupStanding"/> and
    /// kept with it while it lives: the row of each unit, the group's average index per area (bình quân khối), the units
    /// ranked, and, per rank, the rank just above with its units.
    /// </summary>
    /// <remarks>The figures are the ones the sheet computed itself before: the same values summed in the same row order.</remarks>
    private sealed class GroupFacts
    {
        private static readonly ConditionalWeakTable<GroupStanding, GroupFacts> Cache = new();

        private readonly Dictionary<string, RankedResult> _rows = new(StringComparer.Ordinal);
        private readonly Dictionary<CriterionCode, decimal> _areaAverages = [];
        private readonly int[] _ranks;
        private readonly Dictionary<int, RankedResult[]> _byRank = [];

        private GroupFacts(GroupStanding standing)
        {
            var sums = new Dictionary<CriterionCode, (decimal Sum, int Count)>();
            foreach (var row in standing.Rows)
            {
                // The first row of a code wins, as a search of the rows in order would find it.
                _rows.TryAdd(row.Result.Unit.Code, row);
                var seen = new HashSet<CriterionCode>();
                foreach (var area in row.Result.Areas)
                {
                    if (!seen.Add(area.Code)) continue;
                    var (sum, count) = sums.GetValueOrDefault(area.Code);
                    sums[area.Code] = (sum + area.Index, count + 1);
                }
                if (row.Rank is not null) Ranked++;
            }
            foreach (var (code, (sum, count)) in sums) _areaAverages[code] = sum / count;
            foreach (var group in standing.Rows.Where(r => r.Rank is not null).GroupBy(r => r.Rank!.Value))
                _byRank[group.Key] = group.ToArray();
            _ranks = [.. _byRank.Keys.Order()];
        }

        /// <summary>Units with a rank.</summary>
        public int Ranked { get; }

        public static GroupFacts Of(GroupStanding standing) => Cache.GetValue(standing, static s => new GroupFacts(s));

        public RankedResult? Find(string unitCode) => _rows.GetValueOrDefault(unitCode);

        /// <summary>Mean index of the area over the units that have it; 0 when none has.</summary>
        public decimal AreaAverage(CriterionCode code) => _areaAverages.GetValueOrDefault(code);

        /// <summary>The rank just above <paramref name="rank"/> (the highest rank number below it) and its units, in row order.</summary>
        public (int Rank, RankedResult[] Units) JustAbove(int rank)
        {
            var i = Array.BinarySearch(_ranks, rank);
            var above = _ranks[(i >= 0 ? i : ~i) - 1];
            return (above, _byRank[above]);
        }
    }
}
