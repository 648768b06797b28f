using System.Text;
using ParServerless.Documents.Fonts;
using SkiaSharp;

namespace ParServerless.Documents.Tests.Fonts;

/// <summary>The embedded Tinos faces, after subsetting to the scripts the documents use.</summary>
public class EmbeddedFontsTest
{
    private static readonly string[] Bases = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
    private static readonly string[] Tones = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"];

    public static TheoryData<int> Faces => [(int)FontFace.Regular, (int)FontFace.Bold, (int)FontFace.Italic, (int)FontFace.BoldItalic];

    [Theory]
    [MemberData(nameof(Faces))]
    public void Covers_EveryVietnameseLetterInBothCases(int faceNumber)
    {
        var face = (FontFace)faceNumber;
        var letters = Bases.SelectMany(b => Tones.Select(t => (b + t).Normalize(NormalizationForm.FormC))).Append("đ").ToArray();
        Assert.Equal(73, letters.Length);
        Assert.All(letters, l => Assert.Equal(1, l.Length));
        Assert.All(letters, l => Assert.True(EmbeddedFonts.Covers(face, l + l.ToUpperInvariant()), $"{l} in {face}"));
        Assert.True(EmbeddedFonts.Covers(face, "0123456789 ,.;:()/%–−“”…₫≥"));
    }

    [Fact]
    public void Subset_DropsScriptsTheDocumentsNeverUse()
    {
        // Tinos covers Cyrillic and Greek in full; the embedded subset keeps Latin only, which is what keeps PDFs small.
        Assert.False(EmbeddedFonts.Covers(FontFace.Regular, "Ж"));
        Assert.False(EmbeddedFonts.Covers(FontFace.Regular, "λ"));
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream("ParServerless.Documents.Fonts.Tinos-Regular.ttf")!;
        using var whole = new MemoryStream();
        stream.CopyTo(whole);
        Assert.True(FontSubsetter.Subset(whole.ToArray()).Length < whole.Length / 3);
    }

    [Fact]
    public void SubsetToGlyphs_KeepsGlyphIdsAndOutlinesOfWhatIsDrawn_DropsTheRest()
    {
        var whole = EmbeddedFonts.Get(FontFace.Regular);
        var (a, b) = (whole.GetGlyph('ế'), whole.GetGlyph('B'));
        var data = EmbeddedFonts.Data(FontFace.Regular);
        var bytes = FontSubsetter.Subset(data, [a], ["ế".Normalize(NormalizationForm.FormC)[0]]);
        using var skData = SKData.CreateCopy(bytes);
        using var cut = SKTypeface.FromData(skData)!;
        using var cutFont = new SKFont(cut, 100);
        using var wholeFont = new SKFont(whole, 100);

        // The glyph id stays (retain-gids), so text shaped with the whole face draws with the cut unchanged.
        Assert.Equal(a, cut.GetGlyph('ế'));
        using (var drawn = cutFont.GetGlyphPath(a))
        using (var original = wholeFont.GetGlyphPath(a))
            Assert.Equal(original.ToSvgPathData(), drawn.ToSvgPathData());
        using (var dropped = cutFont.GetGlyphPath(b))
            Assert.True(dropped is null || dropped.IsEmpty);
        Assert.True(bytes.Length < data.Length / 4, $"{bytes.Length} bytes of {data.Length}");
    }
}
