using System.Globalization;
using ParServerless.Documents.Charts;
using ParServerless.Documents.Layout;
using ParServerless.Scoring.Decisions;
using ParServerless.Scoring.History;
using ParServerless.Scoring.Schemes;
using static ParServerless.Documents.Decision.DecisionStyles;

namespace ParServerless.Documents.Decision;

/// <summary>One appendix (phụ lục): the group's results table, its component indices per area, its chart and summary.</summary>
internal static class AppendixSection
{
    /// <summary>Abbreviations of the appendix, spelled out before their first use (chữ viết tắt).</summary>
    internal const string Abbreviations =
        "Chữ viết tắt: CCHC – cải cách hành chính; ĐTXHH – điều tra xã hội học; SIPAS – Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước; LV – lĩnh vực.";

    private const string Dash = "–";

    public static void Compose(IDocumentLayout layout, DecisionModel model, DecisionAppendix a)
    {
        layout.Add(new KeepTogether(
        [
            Paragraph.Of($"Phụ lục {a.Numeral}", Title, TextAlign.Center),
            new Paragraph([new Run(a.Title, Title)], TextAlign.Center, LineSpacing: 1.15f),
            new Paragraph(GapText.Runs($"(Kèm theo {model.Citation})", Body.AsItalic()), TextAlign.Center, LineSpacing: 1.15f),
            new Rule(Width: layout.Page.ContentWidth / 5, SpaceBefore: 2, SpaceAfter: 6),
            new Paragraph([new Run(Abbreviations, Note)], TextAlign.Justify, SpaceAfter: 6, LineSpacing: 1.15f),
        ]));
        layout.Add(ResultsTable(model, a) with
        {
            Lead = [Paragraph.Of("1. Kết quả Chỉ số cải cách hành chính", Body.AsBold(), spaceAfter: 4)],
            Trailer =
            [
                new Paragraph([new Run(a.Summary, Body.WithSize(12).AsBold())], TextAlign.Justify, SpaceBefore: 4, SpaceAfter: 3),
                new Paragraph([new Run(a.RankingNote, Note)], TextAlign.Justify, SpaceAfter: 10),
            ],
        });
        layout.Add(AreaTable(model, a) with
        {
            Lead = [Paragraph.Of("2. Chỉ số thành phần theo lĩnh vực (%)", Body.AsBold(), spaceAfter: 4), AreaLegend(model, a)],
        });
        layout.Add(HeadRatingTable(model, a) with
        {
            Lead = [Paragraph.Of("3. Xếp loại người đứng đầu về công tác cải cách hành chính", Body.AsBold(), spaceAfter: 4)],
            // No space after: the chart starts a new page, and space that does not fit would open an empty one first.
            Trailer = [new Paragraph([new Run(HeadRatingNote(a), Note)], TextAlign.Justify, SpaceBefore: 3)],
        });

        Charts(layout, model, a);
    }

    private static Table ResultsTable(DecisionModel model, DecisionAppendix a)
    {
        var f = model.Format;
        var columns = new List<TableColumn>
        {
            new("STT", 4f, R),
            new("Tên đơn vị", 30, TextAlign.Left),
            new("Điểm tự đánh giá", 7, R),
            new("Điểm thẩm định", 7, R),
            new("Điểm ĐTXHH", 7, R),
        };
        if (a.HasAdjustments) columns.Add(new("Điểm thưởng, điểm trừ", 6.5f, R));
        columns.AddRange([new("Tổng điểm", 7, R), new("Chỉ số (%)", 7, R), new("Vị thứ", 4.6f, R), new("Xếp loại", 7)]);
        var previous = a.PreviousYear?.ToString(CultureInfo.InvariantCulture);
        if (previous is not null)
            columns.AddRange([new($"Chỉ số năm {previous} (%)", 7, R), new($"Tăng, giảm điểm so với năm {previous}", 8.5f, R), new($"Vị thứ năm {previous}", 5.5f, R), new("Tăng, giảm vị thứ", 6, R)]);

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
        if (c is not { PointsChange: { } points, PreviousScore: { } previousIndex })
            return [new TableCell(Dash), new TableCell(Dash), new TableCell(Dash), new TableCell(Dash)];
        var rankChange = c.RankChange switch
        {
            null => Dash,
            > 0 and var up => "+" + Int(up),
            < 0 and var down => "−" + Int(-down),
            _ => "0",
        };
        // A merged unit is compared with the mean of its predecessors and has no earlier rank.
        var previousRank = c.PreviousRank is { } pr ? Int(pr) : c.Basis == ComparisonBasis.Merged ? "(sáp nhập)" : Dash;
        // A merged unit's earlier figure is its predecessors' mean, said so by "(bình quân)".
        var previousText = model.Format.Format(previousIndex) + (c.Basis == ComparisonBasis.Merged ? " (bình quân)" : "");
        return [new TableCell(previousText), new TableCell(model.Format.FormatChange(points)), new TableCell(previousRank), new TableCell(rankChange)];
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
        var columns = new List<TableColumn> { new("STT", 4f, R), new("Tên đơn vị", 28, TextAlign.Left) };
        columns.AddRange(a.Areas.Select(ar => new TableColumn("LV" + ar.Code.Value, 5.5f, R)));
        columns.Add(new TableColumn("Chỉ số (%)", 8.5f, R));
        var rows = a.Rows.Select(r =>
        {
            var cells = new List<TableCell> { Int(r.Number), r.UnitName };
            cells.AddRange(r.AreaIndices.Select(v => new TableCell(v is { } d ? f.Format(d) : Dash)));
            cells.Add(new TableCell(f.Format(r.Index), TableBody.AsBold()));
            return new TableRow(cells);
        }).ToArray();
        return new Table(columns, rows, TableBody, TableHeader, HeaderFill: 0xFFEFEFEF, SpaceAfter: 6);
    }

    /// <summary>Section 3: each unit's head and the rating the scheme's rule gives (xếp loại người đứng đầu).</summary>
    private static Table HeadRatingTable(DecisionModel model, DecisionAppendix a)
    {
        var f = model.Format;
        var columns = new List<TableColumn>
        {
            new("STT", 4f, R), new("Tên đơn vị", 40, TextAlign.Left), new("Chỉ số (%)", 8.5f, R), new("Vị thứ", 5f, R),
            new("Xếp loại", 9), new("Xếp loại người đứng đầu", 22),
        };
        var rows = a.Rows.Select(r => new TableRow(
        [
            Int(r.Number), r.UnitName, f.Format(r.Index), r.Rank is { } rank ? Int(rank) : Dash, r.Band?.Name ?? Dash,
            new TableCell(r.HeadRating is { } h ? Capitalised(HeadRatings.Text(h)) : NotRated, TableBody.AsBold()),
        ])).ToArray();
        return new Table(columns, rows, TableBody, TableHeader, HeaderFill: 0xFFEFEFEF);
    }

    /// <summary>The counts under section 3, as Điều 1 gives them, and what "không xếp loại" means.</summary>
    private static string HeadRatingNote(DecisionAppendix a)
    {
        var counts = a.HeadRatingCounts.Where(c => c.Count > 0).Select(c => $"{Int(c.Count)} người {HeadRatings.Text(c.Rating)}").ToList();
        var text = counts.Count == 0 ? "Không có người đứng đầu được xếp loại." : "Tổng hợp: " + string.Join("; ", counts) + ".";
        return a.HeadsNotRated > 0
            ? text + $" {Int(a.HeadsNotRated)} đơn vị được đánh giá nhưng không xếp hạng: người đứng đầu không xếp loại theo Chỉ số."
            : text;
    }

    private const string NotRated = "Không xếp loại";

    private static string Capitalised(string text) => string.Concat(char.ToUpper(text[0], CultureInfo.GetCultureInfo("vi-VN")).ToString(), text.AsSpan(1));

    /// <summary>
    /// The group's bar chart on its own page(s): Biểu đồ NN. Rows keep their minimum height; a group that does not fit on
    /// one page is split into parts of equal size "(phần 1/2)". The legend lists only the bands present in the group.
    /// </summary>
    private static void Charts(IDocumentLayout layout, DecisionModel model, DecisionAppendix a)
    {
        var f = model.Format;
        var present = a.Rows.Where(r => r.Band is not null).Select(r => r.Band!.Name).ToHashSet(StringComparer.Ordinal);
        var legend = a.Bands.Where(b => present.Contains(b.Name)).Select(b => new ChartLegendItem(b.Name, b.Color)).ToList();
        if (a.Rows.Any(r => r.Band is null)) legend.Add(new ChartLegendItem("Dưới mức xếp loại", Unbanded));
        var bars = a.Rows.Select(r => new ChartBar(
            r.Rank is { } rank ? $"{Int(rank)}. {r.UnitName}" : r.UnitName,
            (double)r.Index, r.Band?.Color ?? Unbanded, f.Format(r.Index))).ToArray();
        var width = layout.Page.ContentWidth;
        var plan = BandBarChart.Plan(layout.Measure, bars, width);
        // The caption takes one or two lines of 13 pt and its spacing; the chart gets the rest of the page.
        var captionLines = layout.Measure(a.ChartCaption + " (phần 10/10)", Title.WithSize(13)) > width ? 2 : 1;
        var available = layout.Page.ContentBottom - layout.Page.Top - CaptionHeight * captionLines;
        var perPage = plan.RowsFitting(available);
        var parts = Math.Max(1, (bars.Length + perPage - 1) / perPage);
        var average = $"Bình quân khối: {f.Format(a.AverageIndex)}%";
        var first = 0;
        for (var part = 0; part < parts; part++)
        {
            // Equal parts: the first (n mod parts) parts take one bar more.
            var count = bars.Length / parts + (part < bars.Length % parts ? 1 : 0);
            var start = first;
            var slice = bars.Skip(start).Take(count).ToArray();
            first += count;
            layout.Add(new PageBreak());
            var caption = parts > 1 ? $"{a.ChartCaption} (phần {Int(part + 1)}/{Int(parts)})" : a.ChartCaption;
            layout.Add(new Paragraph([new Run(caption, Title.WithSize(13))], TextAlign.Center, SpaceAfter: 8));
            layout.Add(new Figure(plan.Height(slice.Length), (canvas, size, text) =>
                BandBarChart.Draw(canvas, size, text, plan, start, slice, legend, (double)a.AverageIndex, average, "Bình quân khối", "Chỉ số CCHC (%)")));
        }
    }

    /// <summary>Space a chart caption line takes above its chart (line height, spacing and a margin).</summary>
    private const float CaptionHeight = 13 * 1.2f + 8 + 2;

    /// <summary>Grey for a unit below the lowest band.</summary>
    private const string Unbanded = "#7F7F7F";

    private const TextAlign R = TextAlign.Right;

    /// <summary>A maximum without trailing decimal zeros: 10, 14,5.</summary>
    private static string Points(decimal value) =>
        value.ToString("0.####", CultureInfo.GetCultureInfo("vi-VN"));

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
