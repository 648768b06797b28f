using ParServerless.Documents.Fonts;
using ParServerless.Documents.Layout;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace ParServerless.Documents.Tests.Layout;

/// <summary>
/// Shaped runs place glyphs by the font's own design advances (kerning aside), in the float operations Skia's PDF writer uses
/// for the widths it embeds, and shape like SkiaSharp.HarfBuzz's SKShaper.
/// </summary>
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
    public void Positions_SameGlyphsAsSKShaper_WithinItsRounding(string text, int faceNumber, float size)
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
        // SKShaper rounds every advance to 1/512 em; ours are the font's design units.
        var tolerance = run.Glyphs.Length * size / 1024f;
        for (var i = 0; i < points.Length; i++)
        {
            Assert.InRange(points[i].X, expected.Points[i].X - tolerance, expected.Points[i].X + tolerance);
            Assert.Equal(expected.Points[i].Y, points[i].Y);
        }
        Assert.InRange(run.Width(size), expected.Width - tolerance, expected.Width + tolerance);
    }

    /// <summary>The cases with the pairs the face kerns in them (Tinos's kerning table), joined by "|".</summary>
    public static TheoryData<string, int, float, string> KernedCases => new()
    {
        { "Đánh giá của người dân, tổ chức về lĩnh vực 1", (int)FontFace.Regular, 10, "" },
        { "LV1 Sở Tư pháp", (int)FontFace.Bold, 13, "LV| T" },
        { "87,187 −0,600 ≥ 90,000%", (int)FontFace.Italic, 7.5f, "" },
        { "Thừa Thiên Huế – Trang 2/3", (int)FontFace.BoldItalic, 12, "Tr" },
    };

    [Theory]
    [MemberData(nameof(KernedCases))]
    public void Positions_AdvanceByTheFontsOwnWidths_ExceptWhereKerned(string text, int faceNumber, float size, string pairs)
    {
        var typeface = EmbeddedFonts.Get((FontFace)faceNumber);
        using var ours = new ShapedRun.Shaper(typeface);
        var run = ours.Shape(text);
        var points = new SKPoint[run.Glyphs.Length];
        run.Positions(points, 0, 0, size);
        // The widths Skia's PDF writer embeds and advances by: the glyphs at the face's units per em, unhinted.
        using var design = new SKFont(typeface, typeface.UnitsPerEm) { Hinting = SKFontHinting.None, LinearMetrics = true, Subpixel = true };
        var widths = design.GetGlyphWidths(run.Glyphs);
        var scale = size / typeface.UnitsPerEm;

        var x = 0f;
        var kerned = new List<int>();
        for (var i = 0; i < points.Length; i++)
        {
            // Skia's writer restarts its sum at a glyph it had to place (Td); the same restart here.
            if (points[i].X != x) kerned.Add(i);
            x = points[i].X + scale * widths[i];
        }
        Assert.Equal(x, run.Width(size), 3);
        // Shaping still applies the font's kerning; no other glyph is off its width. (One glyph per character in these texts.)
        Assert.Equal(text.Length, run.Glyphs.Length);
        Assert.Equal(pairs, string.Join("|", kerned.Select(i => text.Substring(i - 1, 2))));
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
