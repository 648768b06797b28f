using System.Runtime.InteropServices;

namespace ParServerless.Documents.Fonts;

/// <summary>
/// Cuts a font down to the scripts Vietnamese administrative documents use, with HarfBuzz's subsetter (hb-subset,
/// exported by the libHarfBuzzSharp that SkiaSharp.HarfBuzz already ships).
/// </summary>
/// <remarks>
/// Skia's PDF backend embeds TrueType fonts whole. Tinos also covers Greek, Cyrillic and Hebrew, with hinting
/// instructions a PDF never uses, so each of the four faces cost about 300 KB and 20–25 ms of compression per document.
/// The subset keeps every glyph reachable from the ranges below (HarfBuzz closes over GSUB, so shaping is unchanged) and
/// drops hinting. The glyph coverage tests run against the subset, so a character outside these ranges fails them.
/// </remarks>
internal static partial class FontSubsetter
{
    private const string Library = "libHarfBuzzSharp";
    private const uint NoHinting = 0x00000001u;
    private const uint RetainGids = 0x00000002u;

    /// <summary>Unicode ranges kept: Latin with every Vietnamese letter, combining marks, punctuation, currency and common symbols.</summary>
    internal static readonly (uint First, uint Last)[] Ranges =
    [
        (0x0020, 0x007E), // Basic Latin
        (0x00A0, 0x024F), // Latin-1 Supplement, Latin Extended-A and -B (Đ đ Ơ ơ Ư ư)
        (0x0300, 0x036F), // combining diacritics, for text that arrives decomposed
        (0x1E00, 0x1EFF), // Latin Extended Additional: the precomposed Vietnamese letters (ế, ặ, ữ …)
        (0x2000, 0x206F), // General Punctuation: – — ‘ ’ “ ” … •
        (0x20A0, 0x20CF), // currency (₫)
        (0x2100, 0x214F), // letterlike (№)
        (0x2190, 0x21FF), // arrows
        (0x2200, 0x22FF), // mathematical operators (− ≤ ≥ ±)
        (0x25A0, 0x25FF), // geometric shapes (■ ●)
    ];

    /// <summary>The font cut down to <see cref="Ranges"/>, without hinting.</summary>
    public static byte[] Subset(byte[] font) => Subset(font, input =>
    {
        var unicodes = hb_subset_input_unicode_set(input);
        foreach (var (first, last) in Ranges) hb_set_add_range(unicodes, first, last);
        hb_subset_input_set_flags(input, NoHinting);
    });

    /// <summary>
    /// The font cut down to what one document draws: <paramref name="glyphs"/> (as shaped) and the characters of its text
    /// (so that its cmap, hence the PDF's text extraction, maps them as the whole font does). Glyph ids are kept
    /// (retain-gids): text shaped with the whole font draws with the cut unchanged.
    /// </summary>
    public static byte[] Subset(byte[] font, IEnumerable<uint> glyphs, IEnumerable<uint> codepoints) => Subset(font, input =>
    {
        var glyphSet = hb_subset_input_glyph_set(input);
        foreach (var glyph in glyphs) hb_set_add(glyphSet, glyph);
        var unicodes = hb_subset_input_unicode_set(input);
        foreach (var codepoint in codepoints) hb_set_add(unicodes, codepoint);
        hb_subset_input_set_flags(input, NoHinting | RetainGids);
    });

    private static byte[] Subset(byte[] font, Action<IntPtr> configure)
    {
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero) throw new InvalidOperationException("HarfBuzz could not create a subset input");
        var handle = GCHandle.Alloc(font, GCHandleType.Pinned);
        IntPtr blob = IntPtr.Zero, face = IntPtr.Zero, subset = IntPtr.Zero, result = IntPtr.Zero;
        try
        {
            configure(input);

            blob = hb_blob_create(handle.AddrOfPinnedObject(), (uint)font.Length, 1 /* readonly */, IntPtr.Zero, IntPtr.Zero);
            face = hb_face_create(blob, 0);
            subset = hb_subset_or_fail(face, input);
            if (subset == IntPtr.Zero) throw new InvalidOperationException("HarfBuzz could not subset the font");
            result = hb_face_reference_blob(subset);
            var data = hb_blob_get_data(result, out var length);
            if (data == IntPtr.Zero || length == 0) throw new InvalidOperationException("HarfBuzz produced an empty font subset");
            var bytes = new byte[length];
            Marshal.Copy(data, bytes, 0, (int)length);
            return bytes;
        }
        finally
        {
            if (result != IntPtr.Zero) hb_blob_destroy(result);
            if (subset != IntPtr.Zero) hb_face_destroy(subset);
            if (face != IntPtr.Zero) hb_face_destroy(face);
            if (blob != IntPtr.Zero) hb_blob_destroy(blob);
            hb_subset_input_destroy(input);
            handle.Free();
        }
    }

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_input_create_or_fail();

    [LibraryImport(Library)]
    private static partial void hb_subset_input_destroy(IntPtr input);

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_input_unicode_set(IntPtr input);

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_input_glyph_set(IntPtr input);

    [LibraryImport(Library)]
    private static partial void hb_set_add(IntPtr set, uint codepoint);

    [LibraryImport(Library)]
    private static partial void hb_subset_input_set_flags(IntPtr input, uint flags);

    [LibraryImport(Library)]
    private static partial void hb_set_add_range(IntPtr set, uint first, uint last);

    [LibraryImport(Library)]
    private static partial IntPtr hb_blob_create(IntPtr data, uint length, int mode, IntPtr userData, IntPtr destroy);

    [LibraryImport(Library)]
    private static partial void hb_blob_destroy(IntPtr blob);

    [LibraryImport(Library)]
    private static partial IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [LibraryImport(Library)]
    private static partial IntPtr hb_face_create(IntPtr blob, uint index);

    [LibraryImport(Library)]
    private static partial void hb_face_destroy(IntPtr face);

    [LibraryImport(Library)]
    private static partial IntPtr hb_face_reference_blob(IntPtr face);

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
}
