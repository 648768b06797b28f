using ParServerless.Scoring.Decisions;

namespace ParServerless.Documents.Layout;

/// <summary>Turns model texts with missing fields (<see cref="DraftGap"/>) into runs where each gap is a shaded "[name]".</summary>
internal static class GapText
{
    /// <summary>Pale yellow behind a missing field: visible on screen and in grey print.</summary>
    public const uint Shade = 0xFFFFE066;

    /// <remarks>A gap's name is joined by no-break spaces, so that it is one shaded box and never wraps or stretches.</remarks>
    public static IReadOnlyList<Run> Runs(string text, TextStyle style) =>
        DraftGap.Split(text).Select(p => p.IsGap
            ? new Run("[" + p.Text.Replace(' ', '\u00A0') + "]", style with { Background = Shade })
            : new Run(p.Text, style)).ToArray();

    public static Paragraph Paragraph(string text, TextStyle style, TextAlign align = TextAlign.Left, float firstLineIndent = 0,
        float spaceAfter = 0, float lineSpacing = 1.2f) =>
        new(Runs(text, style), align, FirstLineIndent: firstLineIndent, SpaceAfter: spaceAfter, LineSpacing: lineSpacing);
}
