using ParServerless.Files.Tables;
using ParServerless.Scoring.Units;
using static ParServerless.Files.FileProblemCodes;

namespace ParServerless.Files.Validation;

/// <summary>Row helpers shared by every kind.</summary>
internal static class Rows
{
    /// <summary>The unit a row is for: its own unit cell, else the default unit. Null (with a problem when the row has content) when unusable.</summary>
    public static Unit? UnitOf(ReadContext ctx, RawRow row, bool hasContent)
    {
        var cell = row[Column.Unit];
        var code = ctx.ReadText(cell);
        if (code is null)
        {
            if (ctx.DefaultUnit is { } fallback) return ctx.ResolveUnit(fallback, Scoring.Problems.Location.Whole);
            if (hasContent)
                ctx.Bag.Error(MissingCode, row.Where,
                    "Dòng thiếu mã đơn vị.", "The row has no unit code.");
            return null;
        }
        if (!string.IsNullOrWhiteSpace(ctx.Request.UnitCode) && code != ctx.Request.UnitCode.Trim())
        {
            if (ctx.FirstTime("unit-disagrees:" + code))
                ctx.Bag.Error(UnitDisagrees, cell.Where,
                $"Dòng ghi đơn vị '{code}', nhưng tệp được gửi cho đơn vị '{ctx.Request.UnitCode.Trim()}'.",
                $"The row is for unit '{code}', but the file was uploaded for unit '{ctx.Request.UnitCode.Trim()}'.");
            return null;
        }
        return ctx.ResolveUnit(code, cell.Where);
    }
}
