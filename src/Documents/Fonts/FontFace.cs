namespace ParServerless.Documents.Fonts;

/// <summary>The four faces of the embedded Tinos family (kiểu chữ: đứng, đậm, nghiêng, đậm nghiêng).</summary>
internal enum FontFace
{
    Regular = 0,
    Bold = 1,
    Italic = 2,
    BoldItalic = 3,
}
