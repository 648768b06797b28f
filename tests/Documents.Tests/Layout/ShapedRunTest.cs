using ParServerless.Documents.Fonts;
using ParServerless.Documents.Layout;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace ParServerless.Documents.Tests.Layout;

/// <summary>Cached shaped runs draw and measure exactly where SkiaSharp.HarfBuzz's SKShaper puts the glyphs.</summary>
public class ShapedRunTest
{
    public static TheoryData<string, int, float> Cases => new()
    {
        // Precomposed Vietnamese, a kerned pair ("LV", "Tư"), figures with a decimal comma, sizes used by the documents.
        { "Đánh giá của người dân, tổ chức về lĩnh vực 1", (int)FontFace.Regular, 10 },
        { "LV1 Sở Tư pháp", (int)FontFace.Bold, 13 },
        { "87,187 −0,600 ≥ 90,000%", (int)FontFace.Italic, 7.5f },
        { "Thừa Thiên Huế – Trang 2/3", (int)FontFace.BoldItalic, 12 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Positions_AndWidth_AreSKShapersExactly(string text, int faceNumber, float size)
    {
        var face = (FontFace)faceNumber;
        var typeface = EmbeddedFonts.Get(face);
        using var shaper = new SKShaper(typeface);
        using var font = new SKFont(typeface, size) { Subpixel = true, Hinting = SKFontHinting.None, LinearMetrics = true };
        var expected = shaper.Shape(text, 31.5f, 702.25f, font);
        using var ours = new ShapedRun.Shaper(typeface);
        var run = ours.Shape(text);
        var points = new SKPoint[run.Glyphs.Length];
        run.Positions(points, 31.5f, 702.25f, size);

        Assert.Equal(expected.Codepoints.Select(c => (ushort)c), run.Glyphs);
        Assert.Equal(expected.Points, points);
        Assert.Equal(expected.Width, run.Width(size));
    }

    [Fact]
    public void Get_SameFaceAndText_ReturnsTheCachedRun()
    {
        var shaped = 0;
        using var shaper = new ShapedRun.Shaper(EmbeddedFonts.Get(FontFace.Regular));
        ShapedRun.Shaper Counting(FontFace _)
        {
            shaped++;
            return shaper;
        }
        var text = "Chỉ số cải cách hành chính " + Guid.NewGuid().ToString("N");
        var first = ShapedRun.Get(FontFace.Regular, text, Counting);
        Assert.Same(first, ShapedRun.Get(FontFace.Regular, text, Counting));
        Assert.Equal(1, shaped);
        Assert.NotSame(first, ShapedRun.Get(FontFace.Bold, text, Counting));
    }
}
