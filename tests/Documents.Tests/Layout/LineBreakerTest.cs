using ParServerless.Documents.Layout;

namespace ParServerless.Documents.Tests.Layout;

/// <summary>
/// How a paragraph becomes lines of pieces: one draw call per run of one style on an unjustified line, spaces drawn with the
/// word before them, one piece per word on a justified line.
/// </summary>
public class LineBreakerTest
{
    private static readonly TextStyle Regular = new(12);
    private static readonly TextStyle Bold = Regular.AsBold();

    private static List<TextLine> Break(float width, TextAlign align, params Run[] runs)
    {
        using var engine = new TextEngine();
        return LineBreaker.Break(engine, new Paragraph(runs, align), width);
    }

    private static string[] Texts(TextLine line) => line.Pieces.Select(p => p.Text).ToArray();

    [Fact]
    public void Break_OneLine_OneStyle_IsOnePiece_WithSingleSpaces()
    {
        var lines = Break(1000, TextAlign.Left, new Run("  Chỉ số   cải cách hành chính ", Regular));

        var line = Assert.Single(lines);
        Assert.Equal(["Chỉ số cải cách hành chính"], Texts(line));
        Assert.Equal(0, line.Pieces[0].X);
    }

    [Fact]
    public void Break_StyleChanges_StartNewPieces_AndAWordChangingStyleMidwayStaysOneWord()
    {
        using var engine = new TextEngine();
        var lines = Break(1000, TextAlign.Left, new Run("Tổng điểm: ", Regular), new Run("87,187", Bold), new Run("% và hạng ", Regular), new Run("2", Bold));

        var line = Assert.Single(lines);
        Assert.Equal(["Tổng điểm: ", "87,187", "% và hạng ", "2"], Texts(line));
        Assert.Equal([Regular, Bold, Regular, Bold], line.Pieces.Select(p => p.Style));
        // "87,187%" is one word in two styles: its second piece starts where the first ends, with no space between.
        Assert.Equal(line.Pieces[1].X + engine.Measure("87,187", Bold), line.Pieces[2].X, 3);
    }

    [Fact]
    public void Break_Wraps_AtSpaces_AndEachLineIsItsOwnPiece()
    {
        using var engine = new TextEngine();
        var width = engine.Measure("Đánh giá của người dân", Regular) + 1;

        var lines = Break(width, TextAlign.Left, new Run("Đánh giá của người dân, tổ chức về lĩnh vực", Regular));

        // "dân," (with its comma) no longer fits on the first line.
        Assert.Equal([["Đánh giá của người"], ["dân, tổ chức về lĩnh vực"]], lines.Select(Texts));
    }

    [Fact]
    public void Break_Justified_DrawsEachWordOfAFullLineApart_AndTheLastLineAsOnePiece()
    {
        using var engine = new TextEngine();
        var width = engine.Measure("Đánh giá của người dân", Regular) + 6;

        var lines = Break(width, TextAlign.Justify, new Run("Đánh giá của người dân, tổ chức", Regular));

        Assert.Equal(2, lines.Count);
        Assert.Equal(["Đánh ", "giá ", "của ", "người ", "dân,"], Texts(lines[0]));
        // The full line's last word ends at the right edge.
        var last = lines[0].Pieces[^1];
        Assert.Equal(width, last.X + engine.Measure(last.Text, Regular), 2);
        Assert.Equal(["tổ chức"], Texts(lines[1]));
    }

    [Fact]
    public void Break_NewLine_EndsTheLine_AndAWordWiderThanTheLineIsCut()
    {
        using var engine = new TextEngine();
        var width = engine.Measure("ĐĐĐĐ", Regular) + 0.5f;

        var lines = Break(width, TextAlign.Left, new Run("Sở\nĐĐĐĐĐĐĐĐĐ", Regular));

        Assert.Equal([["Sở"], ["ĐĐĐĐ"], ["ĐĐĐĐ"], ["Đ"]], lines.Select(Texts));
    }
}
