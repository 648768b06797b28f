using ParServerless.Documents.Fonts;
using ParServerless.Scoring;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace ParServerless.Documents.Layout;

/// <summary>Shapes, measures and draws text with HarfBuzz and the embedded fonts. One per document: not thread-safe.</summary>
/// <remarks>
/// Widths are cached per face and text at a unit size: PDF output is unhinted, so a width scales linearly with the size,
/// and a 4,500-unit book measures the same band names and figures thousands of times.
/// </remarks>
internal sealed class TextEngine : IDisposable
{
    private const float UnitSize = 1000f;
    private readonly SKShaper[] _shapers = new SKShaper[4];
    private readonly Dictionary<(FontFace, string), float> _widths = [];
    private readonly Dictionary<(FontFace, float), SKFont> _fonts = [];
    private readonly SKPaint _paint = new() { IsAntialias = true };

    /// <summary>Every string drawn, for the glyph coverage test.</summary>
    public Action<string, FontFace>? Drawn { get; set; }

    public float Measure(string text, TextStyle style)
    {
        if (text.Length == 0) return 0;
        var key = (style.Face, text);
        if (!_widths.TryGetValue(key, out var width))
        {
            var result = Shaper(style.Face).Shape(text, Font(style.Face, UnitSize));
            width = result.Width;
            _widths[key] = width;
        }
        return width * style.Size / UnitSize;
    }

    /// <summary>Height of a line from baseline up (ascent) and down (descent), as positive numbers.</summary>
    public (float Ascent, float Descent) Metrics(TextStyle style)
    {
        var m = Font(style.Face, style.Size).Metrics;
        return (-m.Ascent, m.Descent);
    }

    /// <summary>Draws text with its left end at x and its baseline at y.</summary>
    public void Draw(SKCanvas canvas, string text, float x, float y, TextStyle style)
    {
        if (text.Length == 0) return;
        text = Text.Nfc(text);
        Drawn?.Invoke(text, style.Face);
        _paint.Color = new SKColor(style.Color);
        canvas.DrawShapedText(Shaper(style.Face), text, x, y, Font(style.Face, style.Size), _paint);
    }

    private SKShaper Shaper(FontFace face) => _shapers[(int)face] ??= new SKShaper(EmbeddedFonts.Get(face));

    private SKFont Font(FontFace face, float size)
    {
        if (!_fonts.TryGetValue((face, size), out var font))
        {
            // Subpixel positioning and no hinting: glyph advances match the shaped widths exactly.
            font = new SKFont(EmbeddedFonts.Get(face), size) { Subpixel = true, Hinting = SKFontHinting.None, LinearMetrics = true };
            _fonts[(face, size)] = font;
        }
        return font;
    }

    public void Dispose()
    {
        foreach (var shaper in _shapers) shaper?.Dispose();
        foreach (var font in _fonts.Values) font.Dispose();
        _paint.Dispose();
    }
}
