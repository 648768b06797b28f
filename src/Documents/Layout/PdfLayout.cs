using System.Globalization;
using SkiaSharp;

namespace ParServerless.Documents.Layout;

/// <summary>
/// <see cref="IDocumentLayout"/> on SkiaSharp's PDF backend. Blocks become unsplittable pieces (a line, a table row,
/// a chart) that fill pages top to bottom; pages are kept as draw lists until the end, when the page count is known
/// and headers and footers ("Trang x/y", or Nghị định 30's top-centre number) can be written.
/// </summary>
internal sealed partial class PdfLayout : IDocumentLayout
{
    private readonly TextEngine _engine = new();
    private readonly List<LaidOutPage> _pages = [];
    private float _y;

    public PdfLayout(PageSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        StartPage(setup, newSection: true);
    }

    /// <summary>Receives every string drawn and its face (used by the glyph coverage test).</summary>
    public Action<string, Fonts.FontFace>? OnTextDrawn
    {
        get => _engine.Drawn;
        set => _engine.Drawn = value;
    }

    public PageSetup Page => Current.Setup;

    public int PageCount => _pages.Count;

    private LaidOutPage Current => _pages[^1];

    public float Measure(string text, TextStyle style) => _engine.Measure(ParServerless.Scoring.Text.Nfc(text), style);

    public void Add(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        switch (block)
        {
            case PageBreak br:
                StartPage(br.Setup ?? Page, br.NewSection);
                break;
            case Table table:
                PlaceTable(table);
                break;
            default:
                foreach (var piece in Flow(block, Page.ContentWidth)) Place(piece);
                break;
        }
    }

    private void StartPage(PageSetup setup, bool newSection)
    {
        var section = _pages.Count == 0 ? 0 : Current.Section + (newSection ? 1 : 0);
        _pages.Add(new LaidOutPage(setup, section, []));
        _y = setup.Top;
    }

    private bool AtTop => _y <= Page.Top + 0.01f;

    private void Place(Piece piece)
    {
        if (piece.Discardable && AtTop) return;
        if (_y + piece.Height > Page.ContentBottom + 0.01f && !AtTop)
        {
            StartPage(Page, newSection: false);
            if (piece.Discardable) return;
        }
        if (piece.Draw is { } draw)
        {
            float x = Page.Left, y = _y;
            Current.Ops.Add(canvas => draw(canvas, x, y));
        }
        _y += piece.Height;
    }

    private sealed record LaidOutPage(PageSetup Setup, int Section, List<Action<SKCanvas>> Ops);

    /// <summary>An unsplittable piece: its height and how to draw it with its top-left corner at (x, y).</summary>
    private readonly record struct Piece(float Height, Action<SKCanvas, float, float>? Draw, bool Discardable = false);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => _engine.Dispose();
}
