using System.Text;

namespace ParServerless.Scoring;

/// <summary>Text rules shared by every reader and writer.</summary>
public static class Text
{
    /// <summary>NFC form: Vietnamese typed on some systems arrives decomposed (NFD), which breaks matching and glyph stacking.</summary>
    public static string Nfc(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
}
