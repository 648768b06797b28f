using ScottPlot;
using SkiaSharp;

namespace ParServerless.Documents.Fonts;

/// <summary>Lets ScottPlot draw every chart label with the embedded Tinos, whatever font name it asks for.</summary>
/// <remarks>
/// Registered once, ahead of ScottPlot's own resolvers, so charts never fall back to a system font
/// (which would differ between machines and break byte-identical output).
/// </remarks>
internal sealed class TinosFontResolver : IFontResolver
{
    private static readonly Lock Gate = new();
    private static bool _installed;

    public static void Install()
    {
        lock (Gate)
        {
            if (_installed) return;
            ScottPlot.Fonts.FontResolvers.Insert(0, new TinosFontResolver());
            ScottPlot.Fonts.Default = EmbeddedFonts.Family;
            ScottPlot.Fonts.Sans = EmbeddedFonts.Family;
            ScottPlot.Fonts.Serif = EmbeddedFonts.Family;
            _installed = true;
        }
    }

    public SKTypeface CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        EmbeddedFonts.Get(weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

    public SKTypeface CreateTypeface(string fontName, bool bold, bool italic) => EmbeddedFonts.Get(bold, italic);
}
