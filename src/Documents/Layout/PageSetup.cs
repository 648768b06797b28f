namespace ParServerless.Documents.Layout;

/// <summary>Where a page sits in the document, for headers and footers.</summary>
/// <param name="InSection">Page number within its section (an appendix is numbered on its own under Nghị định 30).</param>
/// <param name="SectionPages">Pages in that section.</param>
/// <param name="Absolute">Page number in the whole document.</param>
/// <param name="Total">Pages in the whole document.</param>
internal readonly record struct PageNumber(int InSection, int SectionPages, int Absolute, int Total);

/// <summary>Page size and margins in points, with the texts drawn on every page.</summary>
/// <param name="Header">Text centred in the top margin, or null; receives the page's numbers.</param>
/// <param name="Footer">Text centred in the bottom margin, or null.</param>
/// <param name="Watermark">Large pale diagonal text over the content (MẪU on sample schemes), drawn as outlines so that it never
/// pollutes extracted or copied text; or null.</param>
/// <param name="Stamp">A boxed mark at the top right of every page ("DỰ THẢO" on drafts), or null.</param>
/// <param name="Label">A small italic line at the foot of every page (the machine-readable twin's label), or null.</param>
internal sealed record PageSetup(
    float Width,
    float Height,
    float Top,
    float Right,
    float Bottom,
    float Left,
    Func<PageNumber, string?>? Header = null,
    Func<PageNumber, string?>? Footer = null,
    TextStyle? MarginStyle = null,
    string? Watermark = null,
    string? Stamp = null,
    string? Label = null)
{
    public const float PointsPerMillimetre = 72f / 25.4f;

    /// <summary>A4 portrait with the margins of Nghị định 30/2020: top and bottom 20 mm, left 30 mm, right 15 mm.</summary>
    public static PageSetup A4Portrait { get; } = new(Mm(210), Mm(297), Mm(20), Mm(15), Mm(20), Mm(30));

    /// <summary>
    /// A4 landscape for wide tables, with the margins of Nghị định 30 applied to the page as it is read: top and bottom 20 mm,
    /// left 30 mm, right 15 mm (each at the low end of its range: 20–25, 20–25, 30–35, 15–20).
    /// </summary>
    public static PageSetup A4Landscape { get; } = new(Mm(297), Mm(210), Mm(20), Mm(15), Mm(20), Mm(30));

    public float ContentWidth => Width - Left - Right;

    public float ContentBottom => Height - Bottom;

    public static float Mm(float millimetres) => millimetres * PointsPerMillimetre;
}
