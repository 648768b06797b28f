using ParServerless.Files.Tables;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Problems;
using ParServerless.Scoring.Units;
using static ParServerless.Files.FileProblemCodes;

namespace ParServerless.Files.Validation;

/// <summary>Reads bonus/penalty lines (điểm thưởng / điểm trừ): signed points with a reason, per unit, within the scheme's caps.</summary>
internal static class AdjustmentRows
{
    public static IReadOnlyList<MarkSheet> Read(ReadContext ctx)
    {
        var bag = ctx.Bag;
        var settings = ctx.Scheme.Settings;
        var perUnit = new Dictionary<string, (Unit Unit, List<Adjustment> Lines, decimal Bonus, decimal Penalty)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var row in ctx.Table.Rows)
        {
            ctx.Budget.Tick();
            // Templates give blank lines with only the unit filled in: such a line lists the unit with no bonus or penalty.
            var blank = row[Column.Points].IsEmpty && row[Column.Reason].IsEmpty;
            if (Rows.UnitOf(ctx, row, hasContent: !blank) is not { } unit) continue;
            if (!perUnit.TryGetValue(unit.Code, out var entry))
            {
                entry = (unit, [], 0m, 0m);
                perUnit[unit.Code] = entry;
                order.Add(unit.Code);
            }
            if (blank) continue;
            var pointsCell = row[Column.Points];
            var points = ctx.ReadMark(pointsCell, null, null, allowNegative: true);
            var reason = ctx.ReadNote(row[Column.Reason]);
            var broken = points is null && !pointsCell.IsEmpty;
            if (!broken && (points is null or 0 || reason is null))
            {
                bag.Error(AdjustmentIncomplete, row.Where,
                    "Mỗi dòng điểm thưởng/điểm trừ cần số điểm khác 0 (dương là thưởng, âm là trừ) và lý do.",
                    "Each bonus/penalty line needs non-zero points (positive for a bonus, negative for a penalty) and a reason.");
                continue;
            }
            if (broken) continue;
            var p = points!.Value;
            entry.Lines.Add(new Adjustment(p, reason!));
            var bonusBefore = entry.Bonus;
            var penaltyBefore = entry.Penalty;
            if (p > 0) entry.Bonus += p; else entry.Penalty -= p;
            perUnit[unit.Code] = entry;
            if (entry.Bonus > settings.BonusCap && bonusBefore <= settings.BonusCap)
                bag.Error(BonusAboveCap, row.Where,
                    $"Tổng điểm thưởng của đơn vị '{unit.Code}' là {ReadContext.Vn(entry.Bonus)} tính đến dòng này, vượt mức tối đa {ReadContext.Vn(settings.BonusCap)} của bộ chỉ số.",
                    $"The bonus of unit '{unit.Code}' reaches {ReadContext.En(entry.Bonus)} at this line, above the scheme's cap of {ReadContext.En(settings.BonusCap)}.");
            if (entry.Penalty > settings.PenaltyCap && penaltyBefore <= settings.PenaltyCap)
                bag.Error(PenaltyAboveCap, row.Where,
                    $"Tổng điểm trừ của đơn vị '{unit.Code}' là {ReadContext.Vn(entry.Penalty)} tính đến dòng này, vượt mức tối đa {ReadContext.Vn(settings.PenaltyCap)} của bộ chỉ số.",
                    $"The penalty of unit '{unit.Code}' reaches {ReadContext.En(entry.Penalty)} at this line, above the scheme's cap of {ReadContext.En(settings.PenaltyCap)}.");
        }
        if (order.Count == 0)
        {
            // A header-only file for a named unit means "no bonus or penalty": it supersedes an earlier upload.
            var nothing = ctx.Table.Rows.TrueForAll(r => r[Column.Points].IsEmpty && r[Column.Reason].IsEmpty);
            if (nothing && !bag.HasErrors && ctx.DefaultUnit is { } only && ctx.ResolveUnit(only, Location.Whole) is { } unit)
                return [new MarkSheet(ctx.Scheme.Ref, ctx.Request.Year, unit.Code, MarkSource.BonusPenalty, [], [])];
            if (nothing && !bag.HasErrors)
                bag.Error(Empty, ctx.Table.HeaderWhere, "Tệp không có dòng dữ liệu nào.", "The file has no data row.");
            return [];
        }
        return order.Select(code => new MarkSheet(ctx.Scheme.Ref, ctx.Request.Year, code, MarkSource.BonusPenalty, [],
            perUnit[code].Lines.ToArray())).ToArray();
    }
}
