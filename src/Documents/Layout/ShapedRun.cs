using System.Collections.Concurrent;
using HarfBuzzSharp;
using ParServerless.Documents.Fonts;
using SkiaSharp;
using SkiaSharp.HarfBuzz;
using Buffer = HarfBuzzSharp.Buffer;

namespace ParServerless.Documents.Layout;

/// <summary>
/// A string shaped by HarfBuzz in one face: its glyphs and their positions in the face's design units (its units per em),
/// independent of the size it is drawn at.
/// </summary>
/// <remarks>
/// Shaped at the face's own units per em, not at SkiaSharp.HarfBuzz's <c>SKShaper</c> scale (512 to the em, which rounds
/// an advance of 1479/2048 em to 370/512): a glyph then advances by exactly the width Skia's PDF writer reads from the font,
/// <c>size × advance / unitsPerEm</c> in the same float operations. The writer emits a glyph offset (<c>Td</c>) only where a
/// position differs from that width, so an unkerned run is one <c>Tj</c>, not one <c>Td</c> per glyph.
/// </remarks>
internal sealed class ShapedRun
{
    private ShapedRun(int unitsPerEm, ushort[] glyphs, int[] xAdvance, int[] yAdvance, int[] xOffset, int[] yOffset)
    {
        UnitsPerEm = unitsPerEm;
        Glyphs = glyphs;
        XAdvance = xAdvance;
        YAdvance = yAdvance;
        XOffset = xOffset;
        YOffset = yOffset;
    }

    /// <summary>The face's design units to the em: the scale the positions are in.</summary>
    private int UnitsPerEm { get; }

    public ushort[] Glyphs { get; }
    private int[] XAdvance { get; }
    private int[] YAdvance { get; }
    private int[] XOffset { get; }
    private int[] YOffset { get; }

    /// <summary>Advance width at <paramref name="size"/> points.</summary>
    public float Width(float size)
    {
        var textSizeX = size / UnitsPerEm;
        var x = 0f;
        foreach (var advance in XAdvance) x += advance * textSizeX;
        return x;
    }

    /// <summary>Glyph origins for the text's start at (x, y), in <paramref name="size"/> points.</summary>
    public void Positions(Span<SKPoint> points, float x, float y, float size)
    {
        // size / unitsPerEm, then × advance, summed glyph by glyph: the float operations Skia's PDF writer does for its widths.
        var textSizeY = size / UnitsPerEm;
        var textSizeX = textSizeY;
        for (var i = 0; i < Glyphs.Length; i++)
        {
            points[i] = new SKPoint(x + XOffset[i] * textSizeX, y - YOffset[i] * textSizeY);
            x += XAdvance[i] * textSizeX;
            y += YAdvance[i] * textSizeY;
        }
    }

    /// <summary>
    /// Shaped runs of every document rendered in this process, by face and text: a province's sheets repeat the same criteria
    /// names, headings and figures thousands of times. Bounded: past <see cref="MaxCached"/> runs the cache starts afresh.
    /// </summary>
    private static readonly ConcurrentDictionary<(FontFace Face, string Text), ShapedRun> Cache = new();

    /// <summary>The cache's bound (a run is a few hundred bytes).</summary>
    internal const int MaxCached = 100_000;

    private static int _cached;

    public static ShapedRun Get(FontFace face, string text, Func<FontFace, Shaper> shaper)
    {
        if (Cache.TryGetValue((face, text), out var run)) return run;
        run = shaper(face).Shape(text);
        // Counted apart: ConcurrentDictionary.Count takes every lock. A race may clear twice or overshoot a little: harmless.
        if (Interlocked.Increment(ref _cached) > MaxCached)
        {
            Cache.Clear();
            Interlocked.Exchange(ref _cached, 0);
        }
        Cache.TryAdd((face, text), run);
        return run;
    }

    /// <summary>HarfBuzz over one face at its design units (OpenType functions, as SKShaper). Not thread-safe: one per document.</summary>
    internal sealed class Shaper : IDisposable
    {
        private readonly HarfBuzzSharp.Font _font;
        private readonly int _unitsPerEm;

        public Shaper(SKTypeface typeface)
        {
            using var blob = typeface.OpenStream(out var index).ToHarfBuzzBlob();
            using var face = new Face(blob, index);
            face.Index = index;
            _unitsPerEm = typeface.UnitsPerEm;
            face.UnitsPerEm = _unitsPerEm;
            _font = new HarfBuzzSharp.Font(face);
            _font.SetScale(_unitsPerEm, _unitsPerEm);
            _font.SetFunctionsOpenType();
        }

        public ShapedRun Shape(string text)
        {
            using var buffer = new Buffer();
            buffer.AddUtf16(text);
            buffer.GuessSegmentProperties();
            _font.Shape(buffer);
            var info = buffer.GetGlyphInfoSpan();
            var pos = buffer.GetGlyphPositionSpan();
            var n = info.Length;
            var (glyphs, xa, ya, xo, yo) = (new ushort[n], new int[n], new int[n], new int[n], new int[n]);
            for (var i = 0; i < n; i++)
            {
                glyphs[i] = (ushort)info[i].Codepoint;
                (xa[i], ya[i], xo[i], yo[i]) = (pos[i].XAdvance, pos[i].YAdvance, pos[i].XOffset, pos[i].YOffset);
            }
            return new ShapedRun(_unitsPerEm, glyphs, xa, ya, xo, yo);
        }

        public void Dispose() => _font.Dispose();
    }
}
