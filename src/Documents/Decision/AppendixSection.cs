using System.Globalization;
using ParServerless.Documents.Charts;
using ParServerless.Documents.Layout;
using ParServerless.Scoring.Decisions;
using ParServerless.Scoring.History;
using static ParServerless.Documents.Decision.DecisionStyles;

namespace ParServerless.Documents.Decision;

/// <summary>One appendix (phụ lục): the group's results table, its component indices per area, its chart and summary.</summary>
internal static class AppendixSection
{
    /// <summary>Bars per chart page; a larger group continues on the next page ("tiếp theo").</summary>
    internal const int BarsPerChart = 32;

    private const string Dash = "–";

    public static void Compose(IDocumentLayout layout, DecisionModel model, DecisionAppendix a)
    {
        layout.Add(new KeepTogether(
        [
            Paragraph.Of($"Phụ lục {a.Numeral}", Title, TextAlign.Center),
            new Paragraph([new Run(a.Title, Title)], TextAlign.Center, LineSpacing: 1.15f),
            new Paragraph([new Run($"(Kèm theo {model.Citation})", Body.AsItalic())], TextAlign.Center, LineSpacing: 1.15f),
            new Rule(Width: layout.Page.ContentWidth / 5, SpaceBefore: 2, SpaceAfter: 8),
            Paragraph.Of("1. Kết quả Chỉ số cải cách hành chính", Body.AsBold(), spaceAfter: 4),
        ]));
        layout.Add(ResultsTable(model, a));
        layout.Add(new Paragraph([new Run(a.Summary, Body.WithSize(12).AsBold())], TextAlign.Justify, SpaceAfter: 3));
        layout.Add(new Paragraph([new Run(a.RankingNote, Note)], TextAlign.Justify, SpaceAfter: 10));

        layout.Add(new KeepTogether(
        [
            Paragraph.Of("2. Chỉ số thành phần theo lĩnh vực (%)", Body.AsBold(), spaceAfter: 4),
            AreaLegend(model, a),
        ]));
        layout.Add(AreaTable(model, a));

        Charts(layout, model, a);
    }

    private static Table ResultsTable(DecisionModel model, DecisionAppendix a)
    {
        var f = model.Format;
        var columns = new List<TableColumn>
        {
            new("STT", 4f),
            new("Tên đơn vị", 26, TextAlign.Left),
            new("Điểm tự đánh giá", 7),
            new("Điểm thẩm định", 7),
            new("Điểm ĐTXHH", 7),
        };
        if (a.HasAdjustments) columns.Add(new("Điểm thưởng, điểm trừ", 6.5f));
        columns.AddRange([new("Tổng điểm", 7), new("Chỉ số (%)", 7), new("Vị thứ", 4.6f), new("Xếp loại", 7)]);
        var previous = a.PreviousYear?.ToString(CultureInfo.InvariantCulture);
        if (previous is not null)
            columns.AddRange([new($"Tăng, giảm điểm so với năm {previous}", 8.5f), new($"Vị thứ năm {previous}", 5.5f), new("Tăng, giảm vị thứ", 6)]);

        var rows = a.Rows.Select(r =>
        {
            var cells = new List<TableCell>
            {
                Int(r.Number), r.UnitName, f.Format(r.SelfTotal), f.Format(r.AppraisedPoints), f.Format(r.SurveyPoints),
            };
            if (a.HasAdjustments) cells.Add(f.FormatChange(r.Adjustment));
            cells.AddRange([new TableCell(f.Format(r.Total)), new TableCell(f.Format(r.Index), TableBody.AsBold()),
                new TableCell(r.Rank is { } rank ? Int(rank) : Dash, TableBody.AsBold()), new TableCell(r.Band?.Name ?? Dash)]);
            if (previous is not null) cells.AddRange(Change(model, r.Change));
            return new TableRow(cells);
        }).ToArray();
        return new Table(columns, rows, TableBody, TableHeader, HeaderFill: 0xFFEFEFEF, SpaceAfter: 6);
    }

    private static IEnumerable<TableCell> Change(DecisionModel model, YearOverYearChange? c)
    {
        if (c is not { PointsChange: { } points })
            return [new TableCell(Dash), new TableCell(Dash), new TableCell(Dash)];
        var rankChange = c.RankChange switch
        {
            null => Dash,
            > 0 and var up => "+" + Int(up),
            < 0 and var down => "−" + Int(-down),
            _ => "0",
        };
        // A merged unit is compared with the mean of its predecessors and has no earlier rank.
        var previousRank = c.PreviousRank is { } pr ? Int(pr) : c.Basis == ComparisonBasis.Merged ? "(sáp nhập)" : Dash;
        return [new TableCell(model.Format.FormatChange(points)), new TableCell(previousRank), new TableCell(rankChange)];
    }

    private static Paragraph AreaLegend(DecisionModel model, DecisionAppendix a)
    {
        var runs = new List<Run> { new("Ký hiệu: ", Note.AsBold()) };
        for (var i = 0; i < a.Areas.Count; i++)
        {
            var area = a.Areas[i];
            var end = i == a.Areas.Count - 1 ? "." : "; ";
            runs.Add(new Run($"LV{area.Code.Value} – {area.Name} (tối đa {Points(area.Maximum)} điểm){end}", Note));
        }
        return new Paragraph(runs, TextAlign.Justify, SpaceAfter: 4, LineSpacing: 1.15f);
    }

    private static Table AreaTable(DecisionModel model, DecisionAppendix a)
    {
        var f = model.Format;
        var columns = new List<TableColumn> { new("STT", 4f), new("Tên đơn vị", 26, TextAlign.Left) };
        columns.AddRange(a.Areas.Select(ar => new TableColumn("LV" + ar.Code.Value, 5.5f)));
        columns.Add(new TableColumn("Chỉ số (%)", 6.5f));
        var rows = a.Rows.Select(r =>
        {
            var cells = new List<TableCell> { Int(r.Number), r.UnitName };
            cells.AddRange(r.AreaIndices.Select(v => new TableCell(v is { } d ? f.Format(d) : Dash)));
            cells.Add(new TableCell(f.Format(r.Index), TableBody.AsBold()));
            return new TableRow(cells);
        }).ToArray();
        return new Table(columns, rows, TableBody, TableHeader, HeaderFill: 0xFFEFEFEF, SpaceAfter: 6);
    }

    /// <summary>The group's bar chart on its own page(s): Biểu đồ NN, split into parts of at most <see cref="BarsPerChart"/> units.</summary>
    private static void Charts(IDocumentLayout layout, DecisionModel model, DecisionAppendix a)
    {
        var f = model.Format;
        var legend = a.Bands.Select(b => new ChartLegendItem(b.Name, b.Color)).ToArray();
        var bars = a.Rows.Select(r => new ChartBar(
            r.Rank is { } rank ? $"{Int(rank)}. {r.UnitName}" : r.UnitName,
            (double)r.Index, r.Band?.Color ?? "#7F7F7F", f.Format(r.Index))).ToArray();
        var parts = (bars.Length + BarsPerChart - 1) / BarsPerChart;
        var average = $"Bình quân khối: {f.Format(a.AverageIndex)}%";
        for (var part = 0; part < Math.Max(1, parts); part++)
        {
            var slice = bars.Skip(part * BarsPerChart).Take(BarsPerChart).ToArray();
            layout.Add(new PageBreak());
            var caption = parts > 1 ? $"{a.ChartCaption} (phần {Int(part + 1)}/{Int(parts)})" : a.ChartCaption;
            layout.Add(new Paragraph([new Run(caption, Title.WithSize(13))], TextAlign.Center, SpaceAfter: 6));
            var height = Math.Min(layout.Page.ContentBottom - layout.Page.Top - 30, 60 + 14.5f * Math.Max(slice.Length, 6));
            layout.Add(new Drawing(height, (canvas, size) =>
                BandBarChart.Draw(canvas, size, slice, legend, (double)a.AverageIndex, average, "Chỉ số CCHC (%)")));
        }
    }

    /// <summary>A maximum without trailing decimal zeros: 10, 14,5.</summary>
    private static string Points(decimal value) =>
        value.ToString("0.####", CultureInfo.GetCultureInfo("vi-VN"));

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
