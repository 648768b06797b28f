using ParServerless.Documents.Fonts;

namespace ParServerless.Documents.Layout;

/// <summary>How a run of text looks: size in points, weight, slant, colour and background (0xAARRGGBB; 0 is none).</summary>
internal readonly record struct TextStyle(float Size, bool Bold = false, bool Italic = false, uint Color = TextStyle.Black, uint Background = 0)
{
    public const uint Black = 0xFF000000;

    public FontFace Face => Bold ? (Italic ? FontFace.BoldItalic : FontFace.Bold) : (Italic ? FontFace.Italic : FontFace.Regular);

    public TextStyle AsBold() => this with { Bold = true };

    public TextStyle AsItalic() => this with { Italic = true };

    public TextStyle WithSize(float size) => this with { Size = size };
}

/// <summary>A piece of text in one style; a paragraph is a list of runs.</summary>
internal sealed record Run(string Text, TextStyle Style);

/// <summary>Horizontal alignment of lines in a paragraph or cell (căn lề).</summary>
internal enum TextAlign
{
    Left = 0,
    Center = 1,
    Right = 2,
    /// <summary>Căn đều hai lề: every line but the last fills the width, as Nghị định 30 asks for body text.</summary>
    Justify = 3,
}
