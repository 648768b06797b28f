using System.Collections.Concurrent;
using ParServerless.Documents.Fonts;
using ParServerless.Scoring;
using SkiaSharp;

namespace ParServerless.Documents.Layout;

/// <summary>A text to draw with its left end at <paramref name="X"/> and its baseline at <paramref name="Y"/>.</summary>
internal readonly record struct PlacedText(string Text, float X, float Y, TextStyle Style);

/// <summary>Shapes, measures and draws text with HarfBuzz and the embedded fonts. One per document: not thread-safe.</summary>
/// <remarks>
/// <para>Shaped runs are cached per face and text for the whole process (<see cref="ShapedRun"/>): PDF output is unhinted, so
/// a run's positions scale linearly with the size, and a province's sheets shape the same strings thousands of times.</para>
/// <para>Skia's PDF backend embeds a font whole and deflates it in every document, which cost about half of a result sheet's
/// time. So a document is drawn twice: first <see cref="BeginCollecting">collecting</see> the glyphs each face draws (nothing
/// is drawn), then with <see cref="UseDocumentFonts">fonts cut down to those glyphs</see>. The cut keeps glyph ids (HarfBuzz's
/// retain-gids), so the cached runs draw unchanged, and it keeps the outlines, so the pages look the same. Documents that draw
/// the same glyphs share one cut (<see cref="FontCuts"/>), hence Skia's cached outlines.</para>
/// </remarks>
internal sealed class TextEngine : IDisposable
{
    private const float UnitSize = 1000f;
    private readonly ShapedRun.Shaper?[] _shapers = new ShapedRun.Shaper?[4];
    private readonly Dictionary<(FontFace, float), SKFont> _metricFonts = [];
    private readonly Dictionary<(FontFace, float), SKFont> _drawFonts = [];
    private readonly SKTypeface?[] _documentFaces = new SKTypeface?[4];
    private readonly SKPaint _paint = new() { IsAntialias = true };
    private GlyphUse[]? _collecting;

    /// <summary>Every string drawn, for the glyph coverage test (told once per draw, in the collecting pass).</summary>
    public Action<string, FontFace>? Drawn { get; set; }

    /// <summary>True in the first pass, when drawing only records the glyphs.</summary>
    public bool Collecting => _collecting is not null;

    public float Measure(string text, TextStyle style)
    {
        if (text.Length == 0) return 0;
        return Run(style.Face, text).Width(UnitSize) * style.Size / UnitSize;
    }

    /// <summary>Height of a line from baseline up (ascent) and down (descent), as positive numbers.</summary>
    public (float Ascent, float Descent) Metrics(TextStyle style)
    {
        if (LineMetrics.TryGetValue((style.Face, style.Size), out var known)) return known;
        var m = Font(_metricFonts, EmbeddedFonts.Get(style.Face), style.Face, style.Size).Metrics;
        known = (-m.Ascent, m.Descent);
        if (LineMetrics.Count < MaxLineMetrics) LineMetrics.TryAdd((style.Face, style.Size), known);
        return known;
    }

    /// <summary>
    /// Line metrics of the embedded faces by face and size, for the whole process. Skia computes them afresh on every call,
    /// looking the font up in its process-wide glyph cache under a lock; layout asks for every piece of every line, and this
    /// was 7 % of a result sheet's CPU, with the two renderers queueing on that lock.
    /// </summary>
    private static readonly ConcurrentDictionary<(FontFace, float), (float Ascent, float Descent)> LineMetrics = new();

    /// <summary>A document uses a handful of sizes; the bound only keeps an odd input from growing the table.</summary>
    private const int MaxLineMetrics = 256;

    /// <summary>Draws text with its left end at x and its baseline at y (or, while collecting, records its glyphs).</summary>
    public void Draw(SKCanvas canvas, string text, float x, float y, TextStyle style)
    {
        if (text.Length == 0) return;
        text = Text.Nfc(text);
        var run = Run(style.Face, text);
        if (_collecting is { } use)
        {
            Drawn?.Invoke(text, style.Face);
            (use[(int)style.Face] ??= new GlyphUse()).Add(text, run.Glyphs);
            return;
        }
        if (run.Glyphs.Length == 0) return;
        var typeface = _documentFaces[(int)style.Face] ?? EmbeddedFonts.Get(style.Face);
        var font = Font(_drawFonts, typeface, style.Face, style.Size);
        var points = run.Glyphs.Length <= 256 ? stackalloc SKPoint[run.Glyphs.Length] : new SKPoint[run.Glyphs.Length];
        // Positions relative to the text's start, the blob drawn at (x, y): Skia's PDF writer then starts the run with one Tm and
        // writes a glyph's offset (Td) only where it differs from the font's own advance. With page coordinates in the blob,
        // float rounding of (x + advance) − x made almost every glyph differ, and each carried its own "dx 0 Td".
        run.Positions(points, 0, 0, style.Size);
        using var builder = new SKTextBlobBuilder();
        builder.AddPositionedRun(run.Glyphs, font, points);
        using var blob = builder.Build();
        _paint.Color = new SKColor(style.Color);
        canvas.DrawText(blob, x, y, _paint);
    }

    /// <summary>
    /// Draws several texts (a table row's cells, a line's pieces) in their order, one text run per stretch of texts of one
    /// style: Skia's PDF writer opens a text object, selects the font and sets the text matrix once per run, and moves with a
    /// short "dx dy Td" between the texts of a run. Drawn one by one, each text cost a run of its own, and each run a lookup in
    /// Skia's process-wide glyph cache, under its lock. Never regrouped by style across the order: text extraction, search and
    /// screen readers meet a page's texts in the order they are drawn, which must be the order they are read.
    /// </summary>
    /// <remarks>Only for texts that nothing else is drawn between: a run draws its texts together, above what came before.</remarks>
    public void Draw(SKCanvas canvas, List<PlacedText> texts)
    {
        if (_collecting is not null)
        {
            foreach (var t in texts) Draw(canvas, t.Text, t.X, t.Y, t.Style);
            return;
        }
        var runs = new List<(ShapedRun Run, PlacedText Text)>(texts.Count);
        foreach (var t in texts)
            if (t.Text.Length > 0 && Run(t.Style.Face, Text.Nfc(t.Text)) is { Glyphs.Length: > 0 } run) runs.Add((run, t));
        for (int first = 0, end; first < runs.Count; first = end)
        {
            var style = runs[first].Text.Style;
            var count = 0;
            for (end = first; end < runs.Count && runs[end].Text.Style == style; end++) count += runs[end].Run.Glyphs.Length;
            var font = Font(_drawFonts, _documentFaces[(int)style.Face] ?? EmbeddedFonts.Get(style.Face), style.Face, style.Size);
            using var builder = new SKTextBlobBuilder();
            var buffer = builder.AllocatePositionedRun(font, count);
            var glyphs = buffer.Glyphs;
            var points = buffer.Positions;
            var (x0, y0) = (runs[first].Text.X, runs[first].Text.Y);
            var at = 0;
            for (var i = first; i < end; i++)
            {
                var (run, text) = runs[i];
                run.Glyphs.CopyTo(glyphs[at..]);
                // Offsets from the run's origin on a grid of 2^-13 pt (far below a printer dot): with the font's 2,048 units
                // per em and whole or half point sizes, every glyph position is then exactly representable, so the writer's
                // own sum of advances matches ours and a text moves with one Td, not one per glyph (see the single Draw).
                run.Positions(points.Slice(at, run.Glyphs.Length), OnGrid(text.X - x0), OnGrid(text.Y - y0), style.Size);
                at += run.Glyphs.Length;
            }
            using var blob = builder.Build();
            _paint.Color = new SKColor(style.Color);
            canvas.DrawText(blob, x0, y0, _paint);
        }
    }

    private static float OnGrid(float offset) => MathF.Round(offset * 8192f) / 8192f;

    /// <summary>Starts the first pass: draws record their glyphs per face and draw nothing.</summary>
    public void BeginCollecting()
    {
        _collecting = new GlyphUse[4];
        ReleaseDocumentFonts();
    }

    /// <summary>Ends the first pass: the faces used are cut down to the glyphs recorded, and later draws use the cuts.</summary>
    public void UseDocumentFonts()
    {
        var use = _collecting ?? throw new InvalidOperationException("not collecting");
        _collecting = null;
        for (var i = 0; i < use.Length; i++)
        {
            if (use[i] is not { } used) continue;
            _documentFaces[i] = FontCuts.Get((FontFace)i, used.Glyphs, used.Codepoints);
        }
    }

    private ShapedRun Run(FontFace face, string text) =>
        ShapedRun.Get(face, text, f => _shapers[(int)f] ??= new ShapedRun.Shaper(EmbeddedFonts.Get(f)));

    private static SKFont Font(Dictionary<(FontFace, float), SKFont> fonts, SKTypeface typeface, FontFace face, float size)
    {
        if (!fonts.TryGetValue((face, size), out var font))
        {
            // Subpixel positioning and no hinting: glyph advances match the shaped widths exactly.
            font = new SKFont(typeface, size) { Subpixel = true, Hinting = SKFontHinting.None, LinearMetrics = true };
            fonts[(face, size)] = font;
        }
        return font;
    }

    private void ReleaseDocumentFonts()
    {
        foreach (var font in _drawFonts.Values) font.Dispose();
        _drawFonts.Clear();
        // The cuts are shared (FontCuts): dropped here, never disposed.
        Array.Clear(_documentFaces);
    }

    public void Dispose()
    {
        foreach (var shaper in _shapers) shaper?.Dispose();
        foreach (var font in _metricFonts.Values) font.Dispose();
        ReleaseDocumentFonts();
        _paint.Dispose();
    }

    /// <summary>Glyphs and characters one face draws in a document.</summary>
    private sealed class GlyphUse
    {
        public HashSet<uint> Glyphs { get; } = [];
        public HashSet<uint> Codepoints { get; } = [];

        public void Add(string text, ushort[] glyphs)
        {
            foreach (var g in glyphs) Glyphs.Add(g);
            foreach (var rune in text.EnumerateRunes()) Codepoints.Add((uint)rune.Value);
        }
    }
}
