using System.Collections.Concurrent;
using SkiaSharp;

namespace ParServerless.Documents.Fonts;

/// <summary>
/// A face cut down to the glyphs and characters one document draws (<see cref="FontSubsetter"/>), shared by every document
/// that draws exactly the same ones.
/// </summary>
/// <remarks>
/// <para>Skia's PDF writer keeps a glyph cache per typeface, and it loads every glyph's outline the first time a typeface
/// draws it. A new typeface per document made each result sheet load a few hundred outlines from scratch (14 % of its CPU,
/// with another 5 % in HarfBuzz cutting the font). A province's sheets draw the same criteria and headings, so most of them
/// draw the same glyph sets and now share one cut, hence one warm glyph cache.</para>
/// <para>The cut is a function of the sets alone, so a document's bytes do not depend on which document made the cut first.
/// Bounded: past <see cref="MaxCached"/> cuts or <see cref="MaxCachedBytes"/> of them the table starts afresh; a cut dropped
/// from it stays valid for the documents still drawing with it, and is released when the last of them is collected.</para>
/// </remarks>
internal static class FontCuts
{
    /// <summary>
    /// The table's bound. A cut is a font of 10–40 KB (its outlines are cached by Skia within <see cref="GlyphCacheBytes"/>).
    /// 4,500 sheets with 2,304 different commune names made 619 different cuts (bench/Publication <c>--named-sheets 4500
    /// varied</c>); with a bound of 128 the table kept starting afresh and cut 2,278 times.
    /// </summary>
    internal const int MaxCached = 1024;

    /// <summary>
    /// The table's bound in font bytes, whichever bound comes first: a document drawing many different characters makes a
    /// larger cut (up to the whole face, a few hundred KB), and odd inputs must not hold a thousand of those.
    /// </summary>
    internal const long MaxCachedBytes = 48L * 1024 * 1024;

    /// <summary>
    /// Skia's glyph cache budget for the process, raised from its default of 2 MB: the outlines of a few dozen cuts did not
    /// fit, so Skia dropped them and loaded them again document after document (7 % of a sheet's CPU at the default).
    /// </summary>
    internal const long GlyphCacheBytes = 32L * 1024 * 1024;

    private static readonly ConcurrentDictionary<Key, SKTypeface> Cache = new();
    private static int _cached;
    private static long _cachedBytes;

    static FontCuts()
    {
        if (SKGraphics.GetFontCacheLimit() < GlyphCacheBytes) SKGraphics.SetFontCacheLimit(GlyphCacheBytes);
    }

    /// <summary>The cut of <paramref name="face"/> to <paramref name="glyphs"/> and <paramref name="codepoints"/>. Never dispose it.</summary>
    public static SKTypeface Get(FontFace face, IReadOnlySet<uint> glyphs, IReadOnlySet<uint> codepoints)
    {
        var key = new Key(face, Sorted(glyphs), Sorted(codepoints));
        if (Cache.TryGetValue(key, out var cut)) return cut;
        var bytes = FontSubsetter.Subset(EmbeddedFonts.Data(face), key.Glyphs, key.Codepoints);
        using (var data = SKData.CreateCopy(bytes))
            cut = SKTypeface.FromData(data) ?? throw new InvalidOperationException($"the {face} cut is not a font Skia can read");
        // Counted apart: ConcurrentDictionary.Count takes every lock. The table starts afresh before the cut that would pass a
        // bound, and that cut is counted in the new table. A race may clear twice or overshoot a little: harmless.
        if (Volatile.Read(ref _cached) >= MaxCached || Interlocked.Read(ref _cachedBytes) + bytes.Length > MaxCachedBytes) Clear();
        Interlocked.Increment(ref _cached);
        Interlocked.Add(ref _cachedBytes, bytes.Length);
        // Two documents may cut the same sets at once: the first stored wins, and the other's cut serves its own document.
        return Cache.GetOrAdd(key, cut);
    }

    /// <summary>Cuts held now (at most <see cref="MaxCached"/>).</summary>
    internal static int Count => Cache.Count;

    /// <summary>Font bytes of the cuts made since the table last started afresh (at most <see cref="MaxCachedBytes"/>).</summary>
    internal static long CachedBytes => Interlocked.Read(ref _cachedBytes);

    /// <summary>Drops every cut held (the documents drawing with one keep it): the next document cuts afresh.</summary>
    internal static void Clear()
    {
        Cache.Clear();
        Interlocked.Exchange(ref _cached, 0);
        Interlocked.Exchange(ref _cachedBytes, 0);
    }

    private static uint[] Sorted(IReadOnlySet<uint> set)
    {
        var array = new uint[set.Count];
        var i = 0;
        foreach (var value in set) array[i++] = value;
        Array.Sort(array);
        return array;
    }

    private sealed class Key(FontFace face, uint[] glyphs, uint[] codepoints) : IEquatable<Key>
    {
        private readonly int _hash = HashCode.Combine(face, Hash(glyphs), Hash(codepoints));

        public FontFace Face { get; } = face;
        public uint[] Glyphs { get; } = glyphs;
        public uint[] Codepoints { get; } = codepoints;

        public bool Equals(Key? other) =>
            other is not null && other.Face == Face && other.Glyphs.AsSpan().SequenceEqual(Glyphs) && other.Codepoints.AsSpan().SequenceEqual(Codepoints);

        public override bool Equals(object? obj) => Equals(obj as Key);

        public override int GetHashCode() => _hash;

        private static int Hash(uint[] values)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
