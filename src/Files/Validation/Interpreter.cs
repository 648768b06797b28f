using ParServerless.Files.Tables;
using ParServerless.Files.Workflow;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Problems;
using static ParServerless.Files.FileProblemCodes;

namespace ParServerless.Files.Validation;

/// <summary>Turns a format-neutral table into marks or published rows, checking it against the scheme, the units and the upload's claims.</summary>
internal static class Interpreter
{
    public static (IReadOnlyList<MarkSheet> Sheets, IReadOnlyList<PublishedRow> Published) Run(ReadContext ctx, FileFormat format)
    {
        var request = ctx.Request;
        var bag = ctx.Bag;
        MetadataCheck.Run(ctx, format);
        if (request.Kind != FileKind.PublishedResults && !ctx.Scheme.CoversYear(request.Year))
            bag.Error(SchemeNotForYear, Location.Whole,
                $"Bộ chỉ số {ctx.Scheme.Ref} áp dụng cho năm {ctx.Scheme.FromYear}–{ctx.Scheme.ToYear}, không áp dụng cho năm {request.Year}.",
                $"Scheme {ctx.Scheme.Ref} applies to {ctx.Scheme.FromYear}–{ctx.Scheme.ToYear}, not to {request.Year}.");

        var source = Source(ctx);
        if (!RequiredColumns(ctx)) return ([], []);
        if (request.Kind != FileKind.PublishedResults && ctx.DefaultUnit is null && !ctx.Table.Columns.Contains(Column.Unit))
        {
            bag.Error(UnitDisagrees, Location.Whole,
                "Không xác định được đơn vị: đường dẫn tải lên, mẫu và tệp đều không ghi mã đơn vị.",
                "The unit is unknown: neither the upload path, the template nor the file names a unit code.");
            return ([], []);
        }
        return request.Kind switch
        {
            FileKind.PublishedResults => ([], PublishedRows.Read(ctx)),
            FileKind.BonusPenalty => (AdjustmentRows.Read(ctx), []),
            _ => (LeafRows.Read(ctx, source), []),
        };
    }

    private static MarkSource Source(ReadContext ctx)
    {
        var request = ctx.Request;
        if (WorkflowSteps.For(request.Kind, request.Round) is { } step) return step.MarkSource;
        ctx.Bag.Error(RoundDisagrees, Location.Whole,
            $"Tệp thẩm định phải được gửi cho lần 1 hoặc lần 2 (đường dẫn ghi: {request.Round?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "không có"}).",
            $"An appraisal file must be uploaded for round 1 or 2 (the path says: {request.Round?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}).");
        return MarkSource.Appraisal1;
    }

    private static bool RequiredColumns(ReadContext ctx)
    {
        var kind = ctx.Request.Kind;
        Column[][] needed = kind switch
        {
            FileKind.SelfAssessment or FileKind.Appraisal => [[Column.Code], [Column.Points]],
            FileKind.Explanation => [[Column.Code], [Column.Note, Column.Evidence]],
            FileKind.Survey => [[Column.Code], [Column.Points, Column.Percent]],
            FileKind.BonusPenalty => [[Column.Points], [Column.Reason]],
            _ => [[Column.UnitName], [Column.Total]],
        };
        var ok = true;
        foreach (var anyOf in needed)
        {
            if (anyOf.Any(ctx.Table.Columns.Contains)) continue;
            ok = false;
            var vi = string.Join(" hoặc ", anyOf.Select(c => "'" + Headers.Vietnamese(c, kind) + "'"));
            var en = string.Join(" or ", anyOf.Select(c => "'" + Headers.Vietnamese(c, kind) + "' (" + Headers.Machine(c) + ")"));
            ctx.Bag.Error(MissingColumn, ctx.Table.HeaderWhere,
                $"Thiếu cột {vi} trong dòng tiêu đề.",
                $"The header has no column {en}.");
        }
        return ok;
    }
}
