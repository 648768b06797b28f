using System.Globalization;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;

namespace ParServerless.Scoring.Tests.Results.Reference;

/// <summary>
/// A random scheme (built directly, so also shapes the validator would refuse: totals other than 100, areas no leaf of a group
/// applies to, marks above the maximum) and a random year of marks for it, from one seed.
/// </summary>
/// <remarks>
/// Marks mix coarse values (so that totals tie), values with 28 significant digits (so that sums round and the order of
/// additions shows), blanks, every workflow stage, notes and evidence, duplicate and unknown codes, and scored-not-ranked units.
/// </remarks>
internal sealed record RandomYear(Scheme Scheme, IReadOnlyList<(Unit Unit, IReadOnlyList<MarkSheet> Sheets)> Units)
{
    /// <summary>A code that no random scheme has.</summary>
    public static readonly CriterionCode Outside = new("99.1");

    public static RandomYear Create(int seed)
    {
        var rnd = new Random(seed);
        var groups = Enumerable.Range(0, rnd.Next(1, 4)).Select(g => new UnitGroup("G" + g, "Khối " + g)).ToArray();
        var areas = new List<CriterionNode>();
        for (var a = 1; a <= rnd.Next(1, 5); a++)
        {
            var criteria = new List<CriterionNode>();
            for (var c = 1; c <= rnd.Next(1, 4); c++)
            {
                var code = $"{a}.{c}";
                var subs = rnd.Next(0, 4);
                criteria.Add(subs == 0
                    ? Leaf(rnd, code, groups)
                    : new CriterionNode(new CriterionCode(code), "TC " + code,
                        Enumerable.Range(1, subs).Select(s => Leaf(rnd, $"{code}.{s}", groups)).ToArray(), null));
            }
            areas.Add(new CriterionNode(new CriterionCode(a.ToString(CultureInfo.InvariantCulture)), "LV " + a, criteria, null));
        }
        // Every group needs a positive maximum, or both paths divide by zero alike.
        var first = areas[0].SelfAndDescendants().First(n => n.IsLeaf);
        var anchor = first with { Leaf = new LeafRule(ScoringMethod.Appraised, 1 + rnd.Next(0, 2000) / 100m, new Dictionary<string, decimal?>()) };
        areas[0] = Replace(areas[0], first.Code, anchor);

        var settings = new SchemeSettings(rnd.Next(0, 5) / 2m, rnd.Next(0, 5) / 2m, 0, new Dictionary<string, decimal>(), rnd.Next(0, 5),
            rnd.Next(2) == 0 ? RoundingMode.HalfUp : RoundingMode.Truncate, rnd.Next(2) == 0 ? TieRule.ExactIndex : TieRule.DisplayedIndex,
            rnd.Next(2) == 0, rnd.Next(2) == 0, SurveyConversion.SatisfactionShare);
        var bandsByGroup = groups.Where(_ => rnd.Next(3) == 0).ToDictionary(g => g.Code, _ => RandomBands(rnd));
        var scheme = new Scheme(new SchemeRef("RANDOM", 1), "Ngẫu nhiên", 2025, 2025, true, 100, groups, areas, settings,
            RandomBands(rnd), bandsByGroup);

        // Half the years have only short marks (scoring's exact path), half also long ones (its in-order path).
        var longMarks = rnd.Next(2) == 0;
        var units = new List<(Unit, IReadOnlyList<MarkSheet>)>();
        for (var u = 0; u < rnd.Next(1, 40); u++)
        {
            var unit = new Unit("U" + u, "Đơn vị " + u, groups[rnd.Next(groups.Length)].Code, Ranked: rnd.Next(8) != 0);
            // A quarter of the units copy another's marks: equal totals to tie.
            var sheets = u > 0 && rnd.Next(4) == 0 && units[rnd.Next(u)] is var (other, otherSheets)
                ? otherSheets.Select(s => s with { UnitCode = unit.Code }).ToArray()
                : RandomSheets(rnd, scheme, unit.Code, longMarks);
            units.Add((unit, sheets));
        }
        return new RandomYear(scheme, units);
    }

    private static CriterionNode Leaf(Random rnd, string code, UnitGroup[] groups)
    {
        var byGroup = new Dictionary<string, decimal?>();
        foreach (var g in groups)
            switch (rnd.Next(5))
            {
                case 0: byGroup[g.Code] = null; break;
                case 1: byGroup[g.Code] = rnd.Next(1, 3000) / 100m; break;
            }
        var method = rnd.Next(4) == 0 ? ScoringMethod.Survey : ScoringMethod.Appraised;
        return new CriterionNode(new CriterionCode(code), "TCTP " + code, [], new LeafRule(method, rnd.Next(1, 3000) / 100m, byGroup));
    }

    private static CriterionNode Replace(CriterionNode node, CriterionCode code, CriterionNode by) =>
        node.Code == code ? by : node with { Children = node.Children.Select(c => Replace(c, code, by)).ToArray() };

    private static BandTable RandomBands(Random rnd)
    {
        var bounds = Enumerable.Range(0, rnd.Next(0, 5)).Select(_ => (decimal)rnd.Next(0, 101)).Distinct().OrderDescending();
        return new BandTable(bounds.Select(b => new Band("B" + b, b, "#000000")).ToArray());
    }

    private static MarkSheet[] RandomSheets(Random rnd, Scheme scheme, string unit, bool longMarks)
    {
        var sheets = new List<MarkSheet>();
        foreach (var source in new[] { MarkSource.SelfAssessment, MarkSource.Appraisal1, MarkSource.Explanation, MarkSource.Appraisal2, MarkSource.Survey })
        {
            if (rnd.Next(3) == 0) continue;
            var marks = new List<LeafMark>();
            foreach (var leaf in scheme.Leaves)
            {
                if (rnd.Next(6) == 0) continue;
                var note = rnd.Next(5) == 0 ? "ghi chú " + rnd.Next(100) : null;
                IReadOnlyList<string> evidence = rnd.Next(6) == 0 ? ["Số " + rnd.Next(100) + "/QĐ"] : [];
                marks.Add(new LeafMark(leaf.Code, source == MarkSource.Explanation ? null : Points(rnd, leaf.Leaf!.Maximum, longMarks), note, evidence));
                if (rnd.Next(30) == 0) marks.Add(new LeafMark(leaf.Code, Points(rnd, leaf.Leaf!.Maximum, longMarks), null, []));
            }
            if (rnd.Next(10) == 0) marks.Add(new LeafMark(Outside, 1m, "ngoài bộ chỉ số", []));
            sheets.Add(new MarkSheet(scheme.Ref, 2025, unit, source, marks, []));
        }
        if (rnd.Next(3) == 0)
            sheets.Add(new MarkSheet(scheme.Ref, 2025, unit, MarkSource.BonusPenalty, [],
                Enumerable.Range(0, rnd.Next(1, 4)).Select(_ => new Adjustment(rnd.Next(-300, 300) / 100m, "lý do")).ToArray()));
        return [.. sheets.OrderBy(_ => rnd.Next())];
    }

    private static decimal? Points(Random rnd, decimal maximum, bool longMarks) => rnd.Next(longMarks ? 9 : 8) switch
    {
        0 => null,
        1 when longMarks => maximum * rnd.Next(0, 1000) / 7m, // 28 significant digits, sometimes above the maximum
        1 => maximum * rnd.Next(0, 1100) / 1000m,             // sometimes above the maximum
        8 => rnd.Next(1, 10) / 7m,                            // scale 28: sums with these round, so the order of additions shows
        2 => rnd.Next(0, 3),                                  // coarse: ties
        3 => maximum,
        _ => decimal.Round(maximum * rnd.Next(0, 1001) / 1000m, rnd.Next(0, 4)),
    };
}
