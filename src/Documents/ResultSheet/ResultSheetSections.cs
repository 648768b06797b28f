using ParServerless.Documents.Charts;
using ParServerless.Documents.Layout;
using ParServerless.Scoring.Formatting;
using ParServerless.Scoring.History;
using ParServerless.Scoring.Results;
using ParServerless.Scoring.Schemes;
using static ParServerless.Documents.ResultSheet.ResultSheetDocument;

namespace ParServerless.Documents.ResultSheet;

/// <summary>The sections of the result sheet, top to bottom.</summary>
internal static class ResultSheetSections
{
    private static readonly TextStyle Body = new(12);
    private static readonly TextStyle Heading2 = new(13, Bold: true);
    private static readonly TextStyle Cell = new(10);
    private static readonly TextStyle CellBold = new(10, Bold: true);
    private const uint HeaderFill = 0xFFEFEFEF;
    private const string Dash = "–";

    public static void Heading(IDocumentLayout layout, WorkingSheet sheet, Scheme scheme, ResultSheetContext context)
    {
        var r = sheet.Result;
        layout.Add(new Paragraph([new Run(context.Issuer.ToUpper(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")), new TextStyle(12, Bold: true))], TextAlign.Center));
        layout.Add(new Rule(Width: 80, SpaceBefore: 2, SpaceAfter: 12));
        layout.Add(new Paragraph([new Run($"PHIẾU KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {Int(r.Year)}", new TextStyle(15, Bold: true))], TextAlign.Center));
        layout.Add(new Paragraph([new Run(r.Unit.Name, new TextStyle(14, Bold: true))], TextAlign.Center, SpaceAfter: 2));
        // The sheet is not an appendix of the Decision: it cites it as its basis.
        var source = context.DecisionCitation is { Length: > 0 } citation
            ? $"(Căn cứ {citation})"
            : r.IsProvisional ? "(Kết quả tạm tính, chưa thẩm định)" : "(Kết quả chưa công bố)";
        layout.Add(new Paragraph(GapText.Runs(source, new TextStyle(11, Italic: true)), TextAlign.Center, LineSpacing: 1.15f));
        layout.Add(new Paragraph([new Run($"Khối: {sheet.Group.Name}. Bộ chỉ số: {scheme.Name}.", new TextStyle(11, Italic: true))],
            TextAlign.Center, SpaceAfter: 6, LineSpacing: 1.15f));
        layout.Add(new Paragraph([new Run(Decision.AppendixSection.Abbreviations, new TextStyle(10, Italic: true))],
            TextAlign.Justify, SpaceAfter: 8, LineSpacing: 1.15f));
    }

    public static void Summary(IDocumentLayout layout, WorkingSheet sheet, ScoreFormat f)
    {
        var r = sheet.Result;
        var rank = sheet.Rank is { } k ? $"{Int(k)}/{Int(sheet.RankedInGroup)}" : "Không xếp hạng";
        var rows = new List<TableRow>
        {
            Row("Tổng điểm", f.Format(r.Total), "Chỉ số (%)", f.Format(r.Index)),
            Row("Vị thứ trong khối", rank, "Xếp loại", sheet.Band?.Name ?? Dash),
            Row("Điểm tự đánh giá", f.Format(r.SelfTotal), "Điểm thẩm định", f.Format(r.AppraisedPoints)),
            Row("Điểm ĐTXHH", f.Format(r.SurveyPoints), "Điểm thưởng / điểm trừ", $"{f.FormatChange(r.Bonus)} / {f.FormatChange(-r.Penalty)}"),
        };
        if (sheet.Change is { PointsChange: { } points } c)
        {
            // A merged unit's earlier figure is its predecessors' mean.
            rows.Add(Row($"Chỉ số năm {Int(c.PreviousYear)}" + (c.Basis == ComparisonBasis.Merged ? " (bình quân)" : ""), f.Format(c.PreviousScore!.Value),
                $"Vị thứ năm {Int(c.PreviousYear)}", PreviousRank(c)));
            rows.Add(Row($"So với năm {Int(c.PreviousYear)}", $"{f.FormatChange(points)} điểm", "", ""));
        }
        layout.Add(Paragraph.Of("1. Kết quả chung", Heading2, spaceAfter: 4));
        layout.Add(new Table([new("Nội dung", 3, TextAlign.Left), new("Kết quả", 2, R), new("Nội dung", 3, TextAlign.Left), new("Kết quả", 2, R)],
            rows, new TextStyle(11), new TextStyle(11, Bold: true), HeaderFill: HeaderFill, SpaceAfter: 10));

        static TableRow Row(string a, string b, string c, string d) =>
            new([new TableCell(a), new TableCell(b, new TextStyle(11, Bold: true)), new TableCell(c), new TableCell(d, new TextStyle(11, Bold: true))]);
    }

    private static string PreviousRank(YearOverYearChange c)
    {
        if (c.PreviousRank is not { } previous) return c.Basis == ComparisonBasis.Merged ? "Đơn vị mới sáp nhập" : Dash;
        var move = c.RankChange switch
        {
            > 0 and var up => $" (tăng {Int(up)} bậc)",
            < 0 and var down => $" (giảm {Int(-down)} bậc)",
            0 => " (giữ nguyên)",
            _ => "",
        };
        return Int(previous) + move;
    }

    public static void Gaps(IDocumentLayout layout, WorkingSheet sheet, ScoreFormat f, GroupStanding? standing)
    {
        layout.Add(Paragraph.Of("2. Khoảng cách tới mức xếp loại và vị thứ cao hơn", Heading2, spaceAfter: 4));
        var band = sheet.NextBand is { } b
            ? $"Để đạt loại {b.Band.Name} (chỉ số từ {f.Format(b.Band.LowerBound)}%): cần thêm {f.Format(b.IndexPoints)} điểm chỉ số, tương đương {f.Format(b.Points)} điểm."
            : sheet.Band is { } top ? $"Đơn vị đã ở mức xếp loại cao nhất ({top.Name})." : "Chưa xác định được mức xếp loại.";
        var rank = sheet.NextRank is { } g
            ? $"Để lên vị thứ {Int(g.Rank)} ({string.Join(", ", g.UnitsAhead)}): cần hơn {f.Format(g.IndexPoints)} điểm chỉ số, tương đương {f.Format(g.Points)} điểm."
            : sheet.Rank == 1 ? Leader(sheet, f, standing) : "Đơn vị được đánh giá nhưng không xếp hạng.";
        foreach (var text in new[] { band, rank })
            layout.Add(new Paragraph([new Run("- " + text, Body)], TextAlign.Justify, LeftIndent: 8, SpaceAfter: 3, LineSpacing: 1.2f));
        layout.Add(new Spacer(6));
    }

    /// <summary>"Đơn vị đang dẫn đầu khối, hơn … (vị thứ 2) … điểm chỉ số": what the leader must keep.</summary>
    private static string Leader(WorkingSheet sheet, ScoreFormat f, GroupStanding? standing)
    {
        var second = standing?.Rows.Where(r => r.Rank is > 1).OrderBy(r => r.Rank).FirstOrDefault() is { } next
            ? standing.Rows.Where(r => r.Rank == next.Rank).ToArray() : [];
        if (second.Length == 0) return "Đơn vị đang dẫn đầu khối.";
        var margin = sheet.Result.Index - second[0].Result.Index;
        var rank = second[0].Rank!.Value;
        return $"Đơn vị đang dẫn đầu khối, hơn đơn vị xếp thứ {Int(rank)} ({string.Join(", ", second.Select(s => s.Result.Unit.Name))}) {f.Format(margin)} điểm chỉ số.";
    }

    public static void Losses(IDocumentLayout layout, WorkingSheet sheet, ScoreFormat f)
    {
        layout.Add(Paragraph.Of("3. Các tiêu chí thành phần mất nhiều điểm nhất", Heading2, spaceAfter: 4));
        if (sheet.BiggestLosses.Count == 0)
        {
            layout.Add(Paragraph.Of("Đơn vị đạt điểm tối đa ở mọi tiêu chí.", Body, spaceAfter: 8));
            return;
        }
        var rows = sheet.BiggestLosses.Select(l => new TableRow([
            new TableCell(l.Code.Value), new TableCell(LeafName(l)), new TableCell(f.Format(l.Maximum)), new TableCell(f.Format(l.Final)),
            new TableCell(f.Format(l.Lost), CellBold),
        ])).ToArray();
        layout.Add(new Table([new("Mã", 1.2f), new("Tiêu chí thành phần", 8, TextAlign.Left), new("Tối đa", 1.6f, R), new("Điểm đạt", 1.6f, R), new("Điểm mất", 1.6f, R)],
            rows, Cell, CellBold, HeaderFill: HeaderFill, SpaceAfter: 10));
    }

    public static void Areas(IDocumentLayout layout, WorkingSheet sheet, Scheme scheme, ScoreFormat f)
    {
        layout.Add(new KeepTogether([
            Paragraph.Of("4. Chỉ số thành phần theo lĩnh vực so với bình quân khối", Heading2, spaceAfter: 4),
        ]));
        var rows = sheet.Areas.Select(a => new TableRow([
            new TableCell("LV" + a.Code.Value), new TableCell(a.Name), new TableCell(f.Format(a.Maximum)), new TableCell(f.Format(a.Points)),
            new TableCell(f.Format(a.Index), CellBold), new TableCell(f.Format(a.GroupAverageIndex)), new TableCell(f.FormatChange(a.Index - a.GroupAverageIndex)),
        ])).ToArray();
        layout.Add(new Table([new("LV", 1.2f), new("Lĩnh vực", 7, TextAlign.Left), new("Tối đa", 1.6f, R), new("Điểm đạt", 1.6f, R),
            new("Chỉ số (%)", 1.7f, R), new("Bình quân khối (%)", 1.9f, R), new("Chênh lệch", 1.8f, R)], rows, Cell, CellBold, HeaderFill: HeaderFill, SpaceAfter: 8));

        var pairs = sheet.Areas.Select(a => new AreaPair("LV" + a.Code.Value, (double)a.Index, f.Format(a.Index),
            (double)a.GroupAverageIndex)).ToArray();
        var color = sheet.Band?.Color ?? scheme.BandsFor(sheet.Group.Code).Bands[0].Color;
        layout.Add(new KeepTogether([
            new Paragraph([new Run($"Biểu đồ: Chỉ số thành phần của {sheet.Result.Unit.Name} và bình quân {LowerFirst(sheet.Group.Name)}", new TextStyle(12, Bold: true))],
                TextAlign.Center, SpaceAfter: 4, LineSpacing: 1.15f),
            new Figure(230, (canvas, size, text) => AreaComparisonChart.Draw(canvas, size, text, pairs, color, sheet.Result.Unit.Name, "Bình quân khối"), SpaceAfter: 10),
        ]));
    }

    public static void Leaves(IDocumentLayout layout, WorkingSheet sheet, Scheme scheme, ScoreFormat f)
    {
        var byCode = sheet.Leaves.ToDictionary(l => l.Code);
        var rows = new List<TableRow>();
        foreach (var node in scheme.Areas.SelectMany(a => a.SelfAndDescendants()))
        {
            if (node.IsLeaf)
            {
                if (!byCode.TryGetValue(node.Code, out var l)) continue;
                rows.Add(new TableRow([
                    new TableCell(l.Code.Value), new TableCell(LeafName(l)),
                    new TableCell(f.Format(l.Maximum)), Opt(f, l.Self), Opt(f, l.Appraisal1), Opt(f, l.Appraisal2), Cut(f, l), Opt(f, l.Survey),
                    new TableCell(f.Format(l.Final), CellBold), new TableCell(f.Format(l.Lost)),
                ]));
                continue;
            }
            var under = sheet.Leaves.Where(l => l.Code.IsUnder(node.Code)).ToArray();
            if (under.Length == 0) continue;
            var style = node.Code.Depth == 1 ? CellBold : new TextStyle(10, Bold: true, Italic: true);
            rows.Add(new TableRow([
                new TableCell(node.Code.Value, style), new TableCell(node.Name, style), new TableCell(f.Format(under.Sum(l => l.Maximum)), style),
                new TableCell(f.Format(under.Sum(l => l.Self ?? 0)), style), new TableCell(""), new TableCell(""),
                new TableCell(f.FormatChange(under.Sum(CutOf)), style), new TableCell(f.Format(under.Sum(l => l.Survey ?? 0)), style),
                new TableCell(f.Format(under.Sum(l => l.Final)), style), new TableCell(f.Format(under.Sum(l => l.Lost)), style),
            ], node.Code.Depth == 1 ? 0xFFF5F5F5 : 0));
        }
        var r = sheet.Result;
        rows.Add(new TableRow([new TableCell(""), new TableCell("Tổng cộng", CellBold), new TableCell(f.Format(r.Maximum), CellBold),
            new TableCell(f.Format(r.SelfTotal), CellBold), new TableCell(""), new TableCell(""),
            new TableCell(f.FormatChange(sheet.Leaves.Sum(CutOf)), CellBold), new TableCell(f.Format(r.SurveyPoints), CellBold),
            new TableCell(f.Format(r.AppraisedPoints + r.SurveyPoints), CellBold), new TableCell(f.Format(sheet.Leaves.Sum(l => l.Lost)), CellBold)], 0xFFF5F5F5));
        layout.Add(new Table([new("Mã", 1.1f), new("Tiêu chí", 6, TextAlign.Left), new("Tối đa", 1.4f, R), new("Tự đánh giá", 1.5f, R),
            new("Thẩm định lần 1", 1.5f, R), new("Thẩm định lần 2", 1.5f, R), new("Thẩm định so với tự đánh giá", 1.7f, R), new("ĐTXHH", 1.5f, R),
            new("Điểm đạt", 1.4f, R), new("Điểm mất", 1.4f, R)],
            rows, Cell, CellBold, Padding: 2, HeaderFill: HeaderFill, SpaceAfter: 6)
        {
            Lead = [Paragraph.Of("5. Chi tiết điểm theo tiêu chí", Heading2, spaceAfter: 4)],
            Trailer = r.Bonus != 0 || r.Penalty != 0
                ? [Paragraph.Of($"Điểm thưởng: {f.Format(r.Bonus)}; điểm trừ: {f.Format(r.Penalty)}; tổng điểm: {f.Format(r.Total)}.", Body)]
                : [Paragraph.Of("Cột \"Thẩm định so với tự đánh giá\": điểm hội đồng thẩm định đã trừ (−) hoặc cộng (+) so với điểm đơn vị tự đánh giá.", new TextStyle(10, Italic: true))],
        });
    }

    private static TableCell Opt(ScoreFormat f, decimal? value) => new(value is { } v ? f.Format(v) : Dash);

    /// <summary>What the appraisal changed from the self score (final − self): negative when the council cut points.</summary>
    private static decimal CutOf(LeafResult l) => l.Method == ScoringMethod.Survey || l.Self is not { } self ? 0 : l.Final - self;

    private static TableCell Cut(ScoreFormat f, LeafResult l) =>
        new(l.Method == ScoringMethod.Survey || l.Self is null ? Dash : f.FormatChange(CutOf(l)));

    /// <summary>Survey leaves are tagged everywhere: the agency cannot act on them directly.</summary>
    private static string LeafName(LeafResult l) => l.Name + (l.Method == ScoringMethod.Survey ? " (ĐTXHH)" : "");

    private const TextAlign R = TextAlign.Right;

    private static string LowerFirst(string name) =>
        name.Length > 1 && char.IsUpper(name[0]) && char.IsLower(name[1]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;
}
