using ParServerless.Documents.Fonts;
using ParServerless.Documents.Layout;
using ParServerless.Documents.ResultSheet;
using ParServerless.Documents.Tests.Support;
using ParServerless.Scoring.Results;
using SkiaSharp;

namespace ParServerless.Documents.Tests.Fonts;

/// <summary>Documents drawing the same glyphs share one font cut, and a document's bytes never depend on the sharing.</summary>
public class FontCutsTest
{
    private static readonly ResultSheetContext Context = new("Ủy ban nhân dân tỉnh Thừa Thiên Huế", new DateOnly(2022, 1, 6), HueDecision.Model.Citation, DocumentStage.Final);

    private static byte[] Sheet(string unitCode) => ResultSheetDocument.Render(
        WorkingSheet.Build(HueDecision.Scheme, HueDecision.Standings.Single(s => s.Find(unitCode) is not null), unitCode, HueDecision.Changes.GetValueOrDefault(unitCode)),
        HueDecision.Scheme, Context);

    [Fact]
    public void Get_SameGlyphsAndCharacters_InAnyOrder_IsTheSameCut()
    {
        var first = FontCuts.Get(FontFace.Italic, new HashSet<uint> { 3, 70, 71, 72 }, new HashSet<uint> { ' ', 'a', 'b', 'c' });
        var again = FontCuts.Get(FontFace.Italic, new HashSet<uint> { 72, 71, 70, 3 }, new HashSet<uint> { 'c', 'b', 'a', ' ' });

        Assert.Same(first, again);
    }

    [Fact]
    public void Get_AnotherGlyph_AnotherFace_OrAnotherCharacter_IsAnotherCut()
    {
        var cut = FontCuts.Get(FontFace.Bold, new HashSet<uint> { 3, 70, 71 }, new HashSet<uint> { ' ', 'a', 'b' });

        Assert.NotSame(cut, FontCuts.Get(FontFace.Bold, new HashSet<uint> { 3, 70, 71, 72 }, new HashSet<uint> { ' ', 'a', 'b' }));
        Assert.NotSame(cut, FontCuts.Get(FontFace.BoldItalic, new HashSet<uint> { 3, 70, 71 }, new HashSet<uint> { ' ', 'a', 'b' }));
        Assert.NotSame(cut, FontCuts.Get(FontFace.Bold, new HashSet<uint> { 3, 70, 71 }, new HashSet<uint> { ' ', 'a', 'b', 'c' }));
    }

    [Fact]
    public void Get_ACut_DrawsTheGlyphsItWasCutTo_AndNoOther()
    {
        var whole = EmbeddedFonts.Get(FontFace.Regular);
        var (a, z) = (whole.GetGlyph('a'), whole.GetGlyph('z'));
        var cut = FontCuts.Get(FontFace.Regular, new HashSet<uint> { a }, new HashSet<uint> { 'a' });
        using var font = new SKFont(cut, 100);

        // Glyph ids are kept (retain-gids): the cut maps 'a' as the whole face does, and 'z' not at all.
        Assert.Equal(a, cut.GetGlyph('a'));
        Assert.Equal(0, cut.GetGlyph('z'));
        Assert.False(font.GetGlyphPath(a)?.IsEmpty ?? true);
        // Skia has no outline for a glyph the cut dropped (null, or an empty path).
        Assert.True(font.GetGlyphPath(z)?.IsEmpty ?? true);
    }

    [Fact]
    public void Get_PastItsBound_StartsAfresh_AndTheCutsHandedOutStayUsable()
    {
        var held = FontCuts.Get(FontFace.BoldItalic, new HashSet<uint> { 3 }, new HashSet<uint> { ' ' });
        for (var i = 0; i <= FontCuts.MaxCached; i++)
            FontCuts.Get(FontFace.BoldItalic, new HashSet<uint> { 3, (uint)(100 + i) }, new HashSet<uint> { ' ' });

        Assert.InRange(FontCuts.Count, 1, FontCuts.MaxCached);
        using var font = new SKFont(held, 12);
        Assert.True(font.MeasureText(" ") > 0);
    }

    [Fact]
    public void Get_LargeCuts_AreBoundedByTheirBytes_NotOnlyTheirNumber()
    {
        // Every glyph of the face but one, a different one each time: cuts of nearly the whole face.
        var whole = EmbeddedFonts.Get(FontFace.Italic);
        var glyphs = Enumerable.Range(0, whole.GlyphCount).Select(g => (uint)g).ToArray();
        var size = FontSubsetter.Subset(EmbeddedFonts.Data(FontFace.Italic), glyphs, []).Length;
        var cuts = (int)(FontCuts.MaxCachedBytes / size) + 3;
        Assert.True(cuts < FontCuts.MaxCached, $"a cut of the whole face ({size} bytes) is too small to test the byte bound");

        for (var i = 1; i <= cuts; i++)
            FontCuts.Get(FontFace.Italic, glyphs.Where(g => g != i).ToHashSet(), new HashSet<uint>());

        // Without the byte bound the table would hold every one of them, more than MaxCachedBytes in all.
        Assert.InRange(FontCuts.CachedBytes, 0, FontCuts.MaxCachedBytes);
        Assert.InRange(FontCuts.Count, 0, (int)(FontCuts.MaxCachedBytes / (size / 2)));
    }

    [Fact]
    public void Render_WithCutsShared_OrCutAfresh_IsByteIdentical()
    {
        // Fresh cuts for the first sheet; then another unit's sheet; then the first again, its cuts now taken from the table.
        FontCuts.Clear();
        var fresh = Sheet("SO-TP");
        var other = Sheet("SO-NV");
        var shared = Sheet("SO-TP");
        FontCuts.Clear();
        var freshAgain = Sheet("SO-TP");

        Assert.Equal(fresh, shared);
        Assert.Equal(fresh, freshAgain);
        Assert.NotEqual(fresh, other);
    }

    [Fact]
    public void Render_RaisesSkiasGlyphCacheBudget_SoTheCutsOutlinesStayCached()
    {
        Sheet("SO-TP");

        Assert.True(SKGraphics.GetFontCacheLimit() >= FontCuts.GlyphCacheBytes);
    }

    [Theory]
    [InlineData((int)FontFace.Regular, 10f)]
    [InlineData((int)FontFace.Bold, 13f)]
    [InlineData((int)FontFace.Italic, 7.5f)]
    public void Metrics_AskedTwice_AreSkiasOwn(int faceNumber, float size)
    {
        var face = (FontFace)faceNumber;
        using var font = new SKFont(EmbeddedFonts.Get(face), size) { Subpixel = true, Hinting = SKFontHinting.None, LinearMetrics = true };
        var skia = font.Metrics;
        using var engine = new TextEngine();
        var style = new TextStyle(size, Bold: face is FontFace.Bold or FontFace.BoldItalic, Italic: face is FontFace.Italic or FontFace.BoldItalic);

        Assert.Equal((-skia.Ascent, skia.Descent), engine.Metrics(style));
        Assert.Equal((-skia.Ascent, skia.Descent), engine.Metrics(style));
    }
}
