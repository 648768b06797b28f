using System.Globalization;
using System.Text;
using ParServerless.Documents.Decision;
using ParServerless.Documents.Fonts;
using ParServerless.Documents.Tests.Support;

namespace ParServerless.Documents.Tests.Decision;

/// <summary>Properties of the rendered file: glyphs, determinism, metadata, and what poppler makes of it.</summary>
public class DecisionRenderingTest
{
    [Fact]
    public void Render_EveryCharacterDrawn_HasAGlyphInItsEmbeddedFace()
    {
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var drawn = 0;
        using (var layout = DecisionDocument.Compose(HueDecision.ModelWithChanges, DocumentStage.Draft, (text, face) =>
               {
                   drawn += text.Length;
                   foreach (var rune in text.EnumerateRunes())
                       if (!EmbeddedFonts.Covers(face, rune.ToString())) missing.Add($"U+{rune.Value:X4} '{rune}' in {face}");
               }))
        {
            layout.ToPdf(DecisionDocument.Info(HueDecision.ModelWithChanges));
        }
        Assert.True(drawn > 5000, $"only {drawn} characters drawn");
        Assert.Empty(missing);
    }

    [Fact]
    public void Render_ExtractedLetters_AreAllCoveredByTinos()
    {
        // Checked through the PDF itself as well: whatever is drawn outside the text engine shows here.
        var letters = PdfText.Read(HueDecision.Pdf).Letters.SelectMany(p => p).Select(l => l.Value).Distinct(StringComparer.Ordinal).ToArray();
        Assert.Contains("ệ", letters);
        var uncovered = letters.Where(v => v.Length == 0 || v.Contains('\uFFFD', StringComparison.Ordinal) || !EmbeddedFonts.Covers(FontFace.Regular, v.Normalize(NormalizationForm.FormC))).ToArray();
        Assert.Empty(uncovered);
    }

    [Fact]
    public void Covers_CharacterOutsideTinos_IsReported()
    {
        Assert.True(EmbeddedFonts.Covers(FontFace.Bold, "ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ"));
        Assert.False(EmbeddedFonts.Covers(FontFace.Regular, "漢"));
    }

    [Fact]
    public void Render_SameModelTwice_GivesIdenticalBytes()
    {
        var first = DecisionDocument.Render(HueDecision.ModelWithChanges, DocumentStage.Final);
        var culture = CultureInfo.CurrentCulture;
        try
        {
            // Nothing may depend on the machine's culture.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
            var second = DecisionDocument.Render(HueDecision.ModelWithChanges, DocumentStage.Final);
            Assert.Equal(first, second);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
        Assert.Equal(HueDecision.Pdf, first);
    }

    [Fact]
    public void Render_Metadata_UsesTheDecisionDateNotTheClock()
    {
        var raw = Encoding.Latin1.GetString(HueDecision.Pdf);
        Assert.Contains("/CreationDate (D:20220106000000+00'00')", raw);
        Assert.Contains("/ModDate (D:20220106000000+00'00')", raw);
        Assert.Contains("/Producer (ParServerless", raw);
    }

    [Fact]
    public void Render_PagesToPng_AreNotBlank()
    {
        var directory = Path.Combine(Path.GetTempPath(), "par-decision-png-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            var pngs = Poppler.ToPng(HueDecision.Pdf, directory);
            Assert.Equal(PdfText.Read(HueDecision.Pdf).Pages.Count, pngs.Length);
            foreach (var png in pngs)
            {
                var ink = Poppler.InkShare(png);
                Assert.True(ink > 0.005, $"{Path.GetFileName(png)} looks blank ({ink:P2} ink)");
            }
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
