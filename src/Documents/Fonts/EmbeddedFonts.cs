using SkiaSharp;

namespace ParServerless.Documents.Fonts;

/// <summary>
/// Tinos, embedded in this assembly from the npm lock file. Metric-compatible with Times New Roman, which
/// Nghị định 30/2020/NĐ-CP asks for, and it covers every Vietnamese precomposed letter.
/// </summary>
/// <remarks>System fonts are never consulted: the Azure host may have none, and a different font would change the bytes.</remarks>
internal static class EmbeddedFonts
{
    private static readonly Lazy<(SKTypeface[] Faces, byte[][] Data)> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static SKTypeface Get(FontFace face) => Loaded.Value.Faces[(int)face];

    /// <summary>The face's font file as loaded (already cut to <see cref="FontSubsetter.Ranges"/>): what a document's cut starts from.</summary>
    public static byte[] Data(FontFace face) => Loaded.Value.Data[(int)face];

    public static SKTypeface Get(bool bold, bool italic) =>
        Get(bold ? (italic ? FontFace.BoldItalic : FontFace.Bold) : (italic ? FontFace.Italic : FontFace.Regular));

    /// <summary>True when every character of <paramref name="text"/> has a glyph in the face.</summary>
    public static bool Covers(FontFace face, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var typeface = Get(face);
        for (var i = 0; i < text.Length; i++)
        {
            var codepoint = char.ConvertToUtf32(text, i);
            if (char.IsHighSurrogate(text[i])) i++;
            if (codepoint is '\n' or '\r' or '\t') continue;
            if (typeface.GetGlyph(codepoint) == 0) return false;
        }
        return true;
    }

    private static (SKTypeface[] Faces, byte[][] Data) Load()
    {
        var names = new[] { "Regular", "Bold", "Italic", "BoldItalic" };
        var faces = new SKTypeface[names.Length];
        var data = new byte[names.Length][];
        for (var i = 0; i < names.Length; i++)
        {
            var resource = $"ParServerless.Documents.Fonts.Tinos-{names[i]}.ttf";
            using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream(resource)
                               ?? throw new InvalidOperationException($"Font resource {resource} is missing: run 'npm ci' and rebuild");
            using var whole = new MemoryStream();
            stream.CopyTo(whole);
            data[i] = FontSubsetter.Subset(whole.ToArray());
            using var skData = SKData.CreateCopy(data[i]);
            faces[i] = SKTypeface.FromData(skData)
                       ?? throw new InvalidOperationException($"Font resource {resource} is not a font Skia can read");
        }
        return (faces, data);
    }
}
