using System.Globalization;
using ParServerless.Documents.Layout;
using ParServerless.Documents.Tests.Support;

namespace ParServerless.Documents.Tests.Layout;

/// <summary>The general layout layer: page flow, tables, headers and footers.</summary>
public class PdfLayoutTest
{
    private static readonly PdfInfo Info = new("Thử", "ParServerless", "Thử bố cục", new DateOnly(2024, 1, 1));

    [Fact]
    public void Table_TallRows_AreNeverSplitAndHeaderRepeats()
    {
        var style = new TextStyle(11);
        var rows = Enumerable.Range(1, 90).Select(i => new TableRow([
            new TableCell(Int(i)),
            // Every seventh row wraps onto three lines.
            new TableCell(i % 7 == 0 ? $"Dòng {Int(i)} đầu tiên rất dài cần xuống dòng; dòng {Int(i)} thứ hai; dòng {Int(i)} thứ ba kết thúc" : $"Đơn vị {Int(i)}"),
        ])).ToArray();
        using var layout = new PdfLayout(PageSetup.A4Portrait with { Footer = p => $"Trang {Int(p.Absolute)}/{Int(p.Total)}" });
        layout.Add(new Table([new TableColumn("STT", 1), new TableColumn("Nội dung", 4, TextAlign.Left)], rows, style, style.AsBold()));
        var pdf = PdfText.Read(layout.ToPdf(Info));

        Assert.True(pdf.Pages.Count >= 3);
        for (var p = 0; p < pdf.Pages.Count; p++)
        {
            Assert.Equal("STT | Nội dung", pdf.Pages[p][0]);
            Assert.Equal($"Trang {Int(p + 1)}/{Int(pdf.Pages.Count)}", pdf.Pages[p][^1]);
        }
        foreach (var i in Enumerable.Range(1, 90).Where(i => i % 7 == 0))
        {
            var page = pdf.Pages.Single(p => p.Any(l => l.Contains($"dòng {Int(i)} thứ hai", StringComparison.Ordinal)));
            Assert.Contains(page, l => l.Contains($"Dòng {Int(i)} đầu tiên", StringComparison.Ordinal));
            Assert.Contains(page, l => l.Contains($"dòng {Int(i)} thứ ba kết thúc", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Paragraph_Justified_KeepsWordsAndSpacesInExtractedText()
    {
        var text = string.Join(" ", Enumerable.Repeat("Chỉ số cải cách hành chính của các sở, ban, ngành;", 12));
        using var layout = new PdfLayout(PageSetup.A4Portrait);
        layout.Add(new Paragraph([new Run("Điều 1. ", new TextStyle(14, Bold: true)), new Run(text, new TextStyle(14))], TextAlign.Justify, FirstLineIndent: 36));
        var lines = PdfText.Read(layout.ToPdf(Info)).Pages[0];
        Assert.StartsWith("Điều 1. Chỉ số cải cách hành chính", lines[0]);
        Assert.Equal("Điều 1. " + text, string.Join(" ", lines));
    }

    [Fact]
    public void PageBreak_NewSection_RestartsSectionNumbering()
    {
        var setup = PageSetup.A4Portrait with { Header = p => $"{Int(p.InSection)}/{Int(p.SectionPages)}" };
        using var layout = new PdfLayout(setup);
        layout.Add(Paragraph.Of("Một", new TextStyle(14)));
        layout.Add(new PageBreak());
        layout.Add(Paragraph.Of("Hai", new TextStyle(14)));
        layout.Add(new PageBreak(PageSetup.A4Landscape with { Header = setup.Header }, NewSection: true));
        layout.Add(Paragraph.Of("Ba", new TextStyle(14)));
        var pdf = PdfText.Read(layout.ToPdf(Info));
        Assert.Equal(["1/2", "2/2", "1/1"], pdf.Pages.Select(p => p[0]));
        Assert.True(pdf.Sizes[2].W > pdf.Sizes[2].H);
    }

    [Fact]
    public void Measure_ShapedWidth_ScalesWithSize()
    {
        using var layout = new PdfLayout(PageSetup.A4Portrait);
        var small = layout.Measure("Thừa Thiên Huế", new TextStyle(10));
        var large = layout.Measure("Thừa Thiên Huế", new TextStyle(20));
        Assert.InRange(small, 50, 90);
        Assert.Equal(2 * small, large, 3);
    }

    [Theory]
    [InlineData("Đánh giá của người dân, tổ chức về lĩnh vực 1", false, 0)]
    // Tinos kerns " T" (twice here) and "Tr"; in Bold "LV" and " T".
    [InlineData("Thừa Thiên Huế – Trang 2/3", false, 3)]
    [InlineData("LV1 Sở Tư pháp", true, 2)]
    public void Text_OneLine_IsOneTextRunWithOffsetsOnlyWhereKerned(string text, bool bold, int kerned)
    {
        using var layout = new PdfLayout(PageSetup.A4Portrait);
        layout.Add(Paragraph.Of(text, new TextStyle(13, Bold: bold)));
        var pdf = layout.ToPdf(Info);

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var operators = document.GetPage(1).Operations.Select(o => o.Operator).ToList();
        // One text object placed once (Tm); a glyph offset (Td) only after a kerning pair. Before, page coordinates in the text
        // blob gave almost every glyph its own "dx 0 Td" and tripled the size of a page's content.
        Assert.Equal(1, operators.Count(o => o == "Tm"));
        Assert.Equal(kerned, operators.Count(o => o == "Td"));
        Assert.Equal(text, string.Join(" ", PdfText.Read(pdf).Pages[0]));
    }

    [Fact]
    public void Table_Row_IsOneTextRunPerStyle_MovingBetweenCellsOnly()
    {
        var body = new TextStyle(11);
        var bold = body.AsBold();
        using var layout = new PdfLayout(PageSetup.A4Portrait);
        // Four body cells, the last one bold: the row's texts draw as two runs (regular, bold), in reading order.
        layout.Add(new Table([new TableColumn("STT", 1), new TableColumn("Đơn vị", 4, TextAlign.Left), new TableColumn("Điểm", 2), new TableColumn("Xếp hạng", 2)],
            [new TableRow(["1", "Sở Nội vụ", "85,50", new TableCell("1", bold)])], body, bold));
        var pdf = layout.ToPdf(Info);

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var operators = document.GetPage(1).Operations.Select(o => o.Operator).ToList();
        // Header row: one bold run of four texts; body row: a regular run of three texts and a bold run of one. A run is placed
        // once (Tm) and moves to each further text of it once (Td); no glyph inside a text gets an offset of its own.
        Assert.Equal(3, operators.Count(o => o == "BT"));
        Assert.Equal(3, operators.Count(o => o == "Tm"));
        Assert.Equal(3 + 2, operators.Count(o => o == "Td"));
        Assert.Equal(["STT | Đơn vị | Điểm | Xếp hạng", "1 | Sở Nội vụ | 85,50 | 1"], PdfText.Read(pdf).Pages[0]);
    }

    [Fact]
    public void Table_Row_WithABoldCellInTheMiddle_DrawsItsTextsInReadingOrder()
    {
        var body = new TextStyle(11);
        var bold = body.AsBold();
        using var layout = new PdfLayout(PageSetup.A4Portrait);
        // The bold score between regular cells: text extraction, search and screen readers meet a page's texts in the order
        // they are drawn, so a row must draw them left to right, one run per stretch of one style (regular, bold, regular).
        layout.Add(new Table([new TableColumn("STT", 1), new TableColumn("Đơn vị", 4, TextAlign.Left), new TableColumn("Điểm", 2), new TableColumn("Xếp hạng", 2)],
            [new TableRow(["1", "Sở Nội vụ", new TableCell("85,50", bold), "2"])], body, bold));
        var pdf = layout.ToPdf(Info);

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var drawn = string.Concat(page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).Select(l => l.Value));
        Assert.Equal("STTĐơnvịĐiểmXếphạng" + "1SởNộivụ85,502", drawn);
        // Header: one bold run; body: regular, bold, regular.
        Assert.Equal(1 + 3, page.Operations.Count(o => o.Operator == "BT"));
    }

    [Fact]
    public void Table_Row_TextsStayWhereTheyWereLaidOut()
    {
        var body = new TextStyle(11);
        var table = new Table([new TableColumn("A", 1), new TableColumn("B", 3, TextAlign.Left), new TableColumn("C", 2, TextAlign.Right)],
            [new TableRow(["7", "Ủy ban nhân dân huyện Phong Điền, một tên dài xuống dòng", "123,456"])], body, body.AsBold());
        using var layout = new PdfLayout(PageSetup.A4Portrait);
        layout.Add(table);
        using var document = UglyToad.PdfPig.PdfDocument.Open(layout.ToPdf(Info));
        var letters = document.GetPage(1).Letters;

        // Each cell's text starts inside its own column, and the wrapped cell's second line sits one line below its first.
        var seven = letters.Single(l => l.Value == "7");
        var firstU = letters.First(l => l.Value == "Ủ");
        var last6 = letters.Last(l => l.Value == "6");
        Assert.True(seven.StartBaseLine.X < firstU.StartBaseLine.X && firstU.StartBaseLine.X < last6.StartBaseLine.X);
        var lines = letters.Where(l => l.Value != " ").Select(l => Math.Round(l.StartBaseLine.Y, 2)).Distinct().Order().ToList();
        Assert.Equal(4, lines.Count); // header, and the body row's two lines of column B, and the centred line of A and C
        Assert.Equal(Math.Round(seven.StartBaseLine.Y, 2), Math.Round(last6.StartBaseLine.Y, 2));
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
