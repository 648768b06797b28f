using ParServerless.Files.Tables;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Problems;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;
using static ParServerless.Files.FileProblemCodes;

namespace ParServerless.Files.Validation;

/// <summary>Reads the rows of the kinds that mark leaves: self-assessment, appraisal, explanation, survey.</summary>
internal static class LeafRows
{
    private sealed class UnitMarksBuilder(Unit unit)
    {
        public Unit Unit { get; } = unit;
        public Dictionary<CriterionCode, LeafMark> Marks { get; } = [];
    }

    public static IReadOnlyList<MarkSheet> Read(ReadContext ctx, MarkSource source)
    {
        var kind = ctx.Request.Kind;
        var bag = ctx.Bag;
        var scheme = ctx.Scheme;
        var perUnit = new Dictionary<string, UnitMarksBuilder>(StringComparer.Ordinal);
        var order = new List<UnitMarksBuilder>();

        foreach (var row in ctx.Table.Rows)
        {
            ctx.Budget.Tick();
            var hasMark = !row[Column.Points].IsEmpty || !row[Column.Percent].IsEmpty;
            var hasContent = hasMark || !row[Column.Note].IsEmpty || !row[Column.Evidence].IsEmpty;
            if (Rows.UnitOf(ctx, row, hasContent) is not { } unit) continue;

            var codeText = ctx.ReadText(row[Column.Code]);
            if (codeText is null)
            {
                if (hasContent)
                    bag.Error(MissingCode, row.Where,
                        "Dòng có điểm hoặc nội dung nhưng thiếu mã tiêu chí.",
                        "The row has a mark or text but no criterion code.");
                continue;
            }
            if (!CriterionCode.TryParse(codeText, out var code) || !scheme.Nodes.TryGetValue(code, out var node))
            {
                bag.Error(UnknownCriterion, row[Column.Code].Where with { Criterion = codeText },
                    $"Mã tiêu chí '{codeText}' không có trong bộ chỉ số {scheme.Ref}.",
                    $"Criterion code '{codeText}' is not in scheme {scheme.Ref}.");
                continue;
            }
            var where = row.Where with { Criterion = code.Value };
            // Problems about a mark point at the mark's cell when there is one.
            var markWhere = (row[Column.Points].IsEmpty ? row[Column.Percent].IsEmpty ? row.Where : row[Column.Percent].Where : row[Column.Points].Where)
                with { Criterion = code.Value };
            if (!node.IsLeaf)
            {
                if (hasMark)
                    bag.Error(NotALeaf, markWhere,
                        $"'{code}' là lĩnh vực/tiêu chí có tiêu chí con; chỉ chấm điểm ở tiêu chí thành phần. Điểm của dòng này được tính tự động.",
                        $"'{code}' is an area or criterion with children; only leaves are marked. This row's points are computed.");
                continue;
            }
            var rule = node.Leaf!;
            if (rule.MaximumFor(unit.GroupCode) is not { } max)
            {
                if (hasMark)
                    bag.Error(NotApplicableToGroup, markWhere,
                        $"Tiêu chí '{code}' không áp dụng cho khối '{unit.GroupCode}' của đơn vị '{unit.Code}'.",
                        $"Criterion '{code}' does not apply to group '{unit.GroupCode}' of unit '{unit.Code}'.");
                continue;
            }
            if (kind is FileKind.SelfAssessment or FileKind.Appraisal && rule.Method == ScoringMethod.Survey)
            {
                if (hasMark)
                    bag.Error(SurveyLeafScored, markWhere,
                        $"Tiêu chí '{code}' được chấm bằng điều tra xã hội học; không tự chấm hoặc thẩm định điểm cho tiêu chí này.",
                        $"Criterion '{code}' is scored by the survey; it is never self-scored or appraised.");
                continue;
            }
            if (kind == FileKind.Survey && rule.Method != ScoringMethod.Survey)
            {
                if (hasMark)
                    bag.Error(NotASurveyLeaf, markWhere,
                        $"Tiêu chí '{code}' là tiêu chí thẩm định, không phải tiêu chí điều tra; không nhập trong tệp điểm điều tra.",
                        $"Criterion '{code}' is appraised, not a survey leaf; it does not belong in a survey file.");
                continue;
            }
            if (kind == FileKind.Explanation && row[Column.Note].IsEmpty && row[Column.Evidence].IsEmpty) continue;

            if (!perUnit.TryGetValue(unit.Code, out var builder))
            {
                builder = new UnitMarksBuilder(unit);
                perUnit[unit.Code] = builder;
                order.Add(builder);
            }
            if (builder.Marks.ContainsKey(code))
            {
                bag.Error(DuplicateCriterion, where,
                    $"Tiêu chí '{code}' của đơn vị '{unit.Code}' xuất hiện nhiều lần.",
                    $"Criterion '{code}' of unit '{unit.Code}' appears more than once.");
                continue;
            }

            decimal? points = kind switch
            {
                FileKind.Explanation => null,
                FileKind.Survey => SurveyPoints(ctx, row, max, code),
                _ => ctx.ReadMark(row[Column.Points], max, code.Value),
            };
            if (kind != FileKind.Explanation && points is null && row[Column.Points].IsEmpty && row[Column.Percent].IsEmpty)
                bag.Warning(BlankMark, where,
                    $"Tiêu chí '{code}' chưa có điểm; sẽ được tính 0 điểm nếu không có tệp nào khác cho điểm.",
                    $"Criterion '{code}' has no mark; it counts as 0 unless another file gives one.");
            var note = ctx.ReadNote(row[Column.Note]);
            var evidence = ctx.ReadEvidence(row[Column.Evidence]);
            builder.Marks[code] = new LeafMark(code, points, note, evidence);
        }

        var required = kind switch
        {
            FileKind.SelfAssessment or FileKind.Appraisal => ScoringMethod.Appraised,
            FileKind.Survey => ScoringMethod.Survey,
            _ => ScoringMethod.Invalid,
        };
        if (order.Count == 0 && ctx.DefaultUnit is { } only && ctx.ResolveUnit(only, Location.Whole) is { } defaultUnit && required != ScoringMethod.Invalid)
            order.Add(new UnitMarksBuilder(defaultUnit));
        if (ctx.Table.Rows.Count == 0)
        {
            bag.Error(Empty, ctx.Table.HeaderWhere,
                "Tệp không có dòng dữ liệu nào.", "The file has no data row.");
            return [];
        }
        if (kind == FileKind.Explanation && order.Count == 0)
        {
            if (!bag.HasErrors)
                bag.Error(Empty, ctx.Table.HeaderWhere,
                    "Tệp giải trình không có nội dung giải trình hay tài liệu bổ sung nào.",
                    "The explanation file explains nothing: no explanation text and no added evidence.");
            return [];
        }
        if (required != ScoringMethod.Invalid)
        {
            foreach (var b in order)
            {
                foreach (var (leaf, _) in scheme.LeavesFor(b.Unit.GroupCode))
                {
                    if (leaf.Leaf!.Method != required || b.Marks.ContainsKey(leaf.Code)) continue;
                    bag.Error(MissingCriterion, new Location(ctx.Sheet, Criterion: leaf.Code.Value),
                        $"Thiếu tiêu chí '{leaf.Code}' ({leaf.Name}) của đơn vị '{b.Unit.Code}'.",
                        $"Criterion '{leaf.Code}' is missing for unit '{b.Unit.Code}'.");
                }
            }
        }
        return order.Select(b => new MarkSheet(scheme.Ref, ctx.Request.Year, b.Unit.Code, source,
            scheme.Leaves.Where(l => b.Marks.ContainsKey(l.Code)).Select(l => b.Marks[l.Code]).ToArray(), [])).ToArray();
    }

    /// <summary>Survey points, typed directly or as a satisfaction percentage turned into points by the scheme's rule.</summary>
    private static decimal? SurveyPoints(ReadContext ctx, RawRow row, decimal max, CriterionCode code)
    {
        var pointsCell = row[Column.Points];
        var percentCell = row[Column.Percent];
        if (!pointsCell.IsEmpty && !percentCell.IsEmpty)
        {
            ctx.Bag.Error(PointsAndPercent, row.Where with { Criterion = code.Value },
                $"Tiêu chí '{code}' ghi cả điểm lẫn tỷ lệ hài lòng; chỉ ghi một trong hai.",
                $"Criterion '{code}' gives both points and a percentage; give only one.");
            return null;
        }
        if (pointsCell.IsEmpty && !percentCell.IsEmpty)
        {
            if (ctx.ReadNumber(percentCell, percent: true) is not { } share) return null;
            if (share is < 0 or > 100)
            {
                ctx.Bag.Error(PercentOutOfRange, percentCell.Where with { Criterion = code.Value },
                    $"Tỷ lệ {ReadContext.Vn(share)}% nằm ngoài khoảng 0–100.",
                    $"The percentage {ReadContext.En(share)}% is outside 0–100.");
                return null;
            }
            // Both documented conversions reduce to share × maximum once the share is given (satisfaction %, or mean/best × 100).
            return share / 100m * max;
        }
        return ctx.ReadMark(pointsCell, max, code.Value);
    }
}
