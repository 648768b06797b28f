using System.Globalization;
using ParServerless.Files.Tables;
using static ParServerless.Files.FileProblemCodes;

namespace ParServerless.Files.Validation;

/// <summary>Reads an earlier year's published table: name, total, rank, band. Values are kept as printed.</summary>
internal static class PublishedRows
{
    public static IReadOnlyList<PublishedRow> Read(ReadContext ctx)
    {
        var bag = ctx.Bag;
        var rows = new List<PublishedRow>();
        var seen = new HashSet<(string, string)>();
        foreach (var row in ctx.Table.Rows)
        {
            ctx.Budget.Tick();
            var name = ctx.ReadNote(row[Column.UnitName]);
            var totalCell = row[Column.Total];
            var total = ctx.ReadNumber(totalCell);
            var rank = ReadRank(ctx, row[Column.Rank], out var badRank);
            var code = ctx.ReadText(row[Column.Unit]);
            var group = ctx.ReadText(row[Column.Group]);
            var band = ctx.ReadNote(row[Column.Band]);
            if (name is null || (total is null && totalCell.IsEmpty) || badRank)
            {
                bag.Error(BadPublishedRow, row.Where,
                    "Mỗi dòng kết quả cần tên đơn vị và tổng điểm; vị thứ (nếu có) là số nguyên từ 1 trở lên.",
                    "Each result row needs a unit name and a total; a rank, when given, is a whole number from 1.");
                continue;
            }
            if (total is not { } t) continue;
            if (t < 0)
            {
                bag.Error(Negative, totalCell.Where,
                    $"Tổng điểm {ReadContext.Vn(t)} âm.", $"The total {ReadContext.En(t)} is negative.");
                continue;
            }
            if (code is not null && !ctx.IsKnownUnit(code))
                bag.Warning(PublishedUnitNotCurrent, row[Column.Unit].Where,
                    $"Mã đơn vị '{code}' không thuộc danh sách đơn vị hiện nay (có thể đã sáp nhập hoặc đổi tên); dòng được giữ nguyên như đã công bố.",
                    $"Unit code '{code}' is not a current unit (it may have merged or been renamed); the row is kept as published.");
            if (!seen.Add((group ?? "", name)))
            {
                bag.Error(DuplicatePublishedUnit, row.Where,
                    $"Đơn vị '{name}' xuất hiện hai lần trong cùng một khối.",
                    $"Unit '{name}' appears twice in the same group.");
                continue;
            }
            rows.Add(new PublishedRow(name, code, group, t, rank, band));
        }
        if (ctx.Table.Rows.Count == 0)
            bag.Error(Empty, ctx.Table.HeaderWhere, "Tệp không có dòng dữ liệu nào.", "The file has no data row.");
        return rows;
    }

    private static int? ReadRank(ReadContext ctx, RawCell cell, out bool bad)
    {
        bad = false;
        if (cell.IsEmpty) return null;
        decimal value;
        if (cell.Kind == CellKind.Number) value = cell.Number;
        else if (cell.Kind == CellKind.Text && int.TryParse(cell.Text!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var i)) value = i;
        else { bad = true; return null; }
        if (value < 1 || value != decimal.Truncate(value) || value > 100_000) { bad = true; return null; }
        _ = ctx;
        return (int)value;
    }
}
