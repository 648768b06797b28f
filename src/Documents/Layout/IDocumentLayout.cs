namespace ParServerless.Documents.Layout;

/// <summary>
/// The layout layer: blocks flow top to bottom onto pages, which are numbered once the whole document is known,
/// and become a PDF. Everything the Decision and the result sheets draw goes through this one interface.
/// </summary>
internal interface IDocumentLayout : IDisposable
{
    /// <summary>The current page's setup.</summary>
    PageSetup Page { get; }

    /// <summary>Width a run of text takes when drawn (shaped by HarfBuzz), in points.</summary>
    float Measure(string text, TextStyle style);

    /// <summary>Places a block after the previous one, breaking pages where needed.</summary>
    void Add(Block block);

    /// <summary>Lays out headers and footers and writes every page to a PDF.</summary>
    byte[] ToPdf(PdfInfo info);
}

/// <summary>PDF document properties. Dates are fixed by the caller (never the clock) so output is byte-identical.</summary>
internal sealed record PdfInfo(string Title, string Author, string Subject, DateOnly Date, string Keywords = "");
