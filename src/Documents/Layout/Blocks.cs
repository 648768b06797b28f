using SkiaSharp;

namespace ParServerless.Documents.Layout;

/// <summary>Something the layout places on pages, top to bottom.</summary>
internal abstract record Block;

/// <summary>Wrapped text made of styled runs. A '\n' inside a run forces a line break. Lines may split across pages.</summary>
/// <param name="LineSpacing">Line height as a multiple of the largest font size on the line.</param>
internal sealed record Paragraph(
    IReadOnlyList<Run> Runs,
    TextAlign Align = TextAlign.Left,
    float FirstLineIndent = 0,
    float LeftIndent = 0,
    float RightIndent = 0,
    float SpaceBefore = 0,
    float SpaceAfter = 0,
    float LineSpacing = 1.2f) : Block
{
    public static Paragraph Of(string text, TextStyle style, TextAlign align = TextAlign.Left, float spaceAfter = 0) =>
        new([new Run(text, style)], align, SpaceAfter: spaceAfter);
}

/// <summary>Vertical space; dropped at the top of a page.</summary>
internal sealed record Spacer(float Height) : Block;

/// <summary>A horizontal line, e.g. the rule under the Tiêu ngữ. Width 0 means the full width.</summary>
internal sealed record Rule(float Width = 0, float Thickness = 0.6f, TextAlign Align = TextAlign.Center, float SpaceBefore = 1, float SpaceAfter = 4) : Block;

/// <summary>Vector drawing of a fixed height (a chart). The callback draws in a box of (width, height) at the origin.</summary>
internal sealed record Drawing(float Height, Action<SKCanvas, SKSize> Draw, float SpaceAfter = 0) : Block;

/// <summary>A drawing of a fixed height that writes its text through the document's own text engine (shaped, embedded fonts,
/// glyph coverage checked): the group charts, whose every label position the layout decides.</summary>
internal sealed record Figure(float Height, Action<SKCanvas, SKSize, TextEngine> Draw, float SpaceAfter = 0) : Block;

/// <summary>Blocks side by side (the header block, the signature area); never split across pages.</summary>
internal sealed record Columns(IReadOnlyList<Column> Items, float Gap = 6) : Block;

/// <summary>One column of <see cref="Columns"/>: a share of the width and its blocks.</summary>
internal sealed record Column(float Weight, IReadOnlyList<Block> Blocks);

/// <summary>Blocks that move to the next page together when they do not fit (a heading with what follows it).</summary>
internal sealed record KeepTogether(IReadOnlyList<Block> Blocks) : Block;

/// <summary>Starts a new page, optionally with another setup (landscape appendix) and a new numbering section.</summary>
internal sealed record PageBreak(PageSetup? Setup = null, bool NewSection = false) : Block;
