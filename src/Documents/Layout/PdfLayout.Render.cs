using SkiaSharp;

namespace ParServerless.Documents.Layout;

internal sealed partial class PdfLayout
{
    private static readonly TextStyle DefaultMarginStyle = new(13);

    /// <summary>Label drawn at the foot of every page instead of its setup's, for one <see cref="ToPdf(PdfInfo, string?)"/> only.</summary>
    private string? _label;

    public byte[] ToPdf(PdfInfo info) => ToPdf(info, null);

    /// <summary>Writes the laid-out pages; can be called again, e.g. for the same pages with a <paramref name="label"/>.</summary>
    /// <param name="info">The document's metadata.</param>
    /// <param name="label">When not null, every page carries this label (<see cref="PageSetup.Label"/>) in this file: it is
    /// drawn in the bottom margin, so it changes no page's layout.</param>
    public byte[] ToPdf(PdfInfo info, string? label)
    {
        ArgumentNullException.ThrowIfNull(info);
        _label = label;
        try
        {
            return Write(info);
        }
        finally
        {
            _label = null;
        }
    }

    private byte[] Write(PdfInfo info)
    {
        // Fixed dates from the caller and a fixed producer: nothing about the machine or the clock enters the file.
        var date = new DateTime(info.Date, TimeOnly.MinValue, DateTimeKind.Utc);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = Nfc(info.Title),
            Author = Nfc(info.Author),
            Subject = Nfc(info.Subject),
            Keywords = Nfc(info.Keywords),
            Creator = "ParServerless",
            Producer = "ParServerless (SkiaSharp PDF)",
            Creation = date,
            Modified = date,
            RasterDpi = SKDocument.DefaultRasterDpi,
            EncodingQuality = 101,
            PdfA = false,
        };

        var sectionSizes = _pages.GroupBy(p => p.Section).ToDictionary(g => g.Key, g => g.Count());
        // First pass: which glyphs each face draws, so that the document embeds only those (TextEngine's remarks).
        _engine.BeginCollecting();
        using (var scratch = new SKNoDrawCanvas((int)_pages.Max(p => p.Setup.Width), (int)_pages.Max(p => p.Setup.Height)))
            DrawPages(scratch, sectionSizes, _ => { }, _ => { });
        _engine.UseDocumentFonts();

        // Skia's own growable buffer: a managed stream took a callback and a copy for every write the PDF writer made, and grew
        // by doubling; this one is copied out once, at its final size.
        using var stream = new SKDynamicMemoryWStream();
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            SKCanvas? current = null;
            DrawPages(null, sectionSizes, setup => current = document.BeginPage(setup.Width, setup.Height), _ => document.EndPage(), () => current!);
            document.Close();
        }
        using var data = stream.DetachAsData();
        return data.ToArray();
    }

    /// <summary>Draws every page onto <paramref name="canvas"/>, or onto each page's canvas from <paramref name="page"/>.</summary>
    private void DrawPages(SKCanvas? canvas, Dictionary<int, int> sectionSizes, Action<PageSetup> begin, Action<PageSetup> end, Func<SKCanvas>? page = null)
    {
        var inSection = 0;
        for (var i = 0; i < _pages.Count; i++)
        {
            var laid = _pages[i];
            inSection = i > 0 && _pages[i - 1].Section == laid.Section ? inSection + 1 : 1;
            var number = new PageNumber(inSection, sectionSizes[laid.Section], i + 1, _pages.Count);
            begin(laid.Setup);
            var target = canvas ?? page!();
            foreach (var op in laid.Ops) op(target);
            // Over the content, so that charts' white backgrounds cannot hide it; pale enough to read through.
            if (!_engine.Collecting) DrawWatermark(target, laid.Setup);
            DrawMargins(target, laid.Setup, number);
            DrawStamp(target, laid.Setup);
            end(laid.Setup);
        }
    }

    private void DrawMargins(SKCanvas canvas, PageSetup setup, PageNumber number)
    {
        var style = setup.MarginStyle ?? DefaultMarginStyle;
        if (setup.Header?.Invoke(number) is { Length: > 0 } header)
        {
            var w = Measure(header, style);
            _engine.Draw(canvas, header, setup.Left + (setup.ContentWidth - w) / 2, setup.Top / 2 + style.Size / 2, style);
        }
        if (setup.Footer?.Invoke(number) is { Length: > 0 } footer)
        {
            var w = Measure(footer, style);
            _engine.Draw(canvas, footer, setup.Left + (setup.ContentWidth - w) / 2, setup.Height - setup.Bottom / 2 + style.Size / 3, style);
        }
        if ((_label ?? setup.Label) is { Length: > 0 } label)
        {
            var labelStyle = new TextStyle(9, Italic: true, Color: 0xFF555555);
            var w = Measure(label, labelStyle);
            // Below the footer, if any, near the paper's edge.
            _engine.Draw(canvas, label, setup.Left + (setup.ContentWidth - w) / 2, setup.Height - setup.Bottom * 0.22f, labelStyle);
        }
    }

    /// <summary>
    /// Large pale diagonal text, e.g. "MẪU" on documents of a sample scheme. Drawn as glyph outlines, not text: it stays visible
    /// but is never extracted, searched or copied with the page's words.
    /// </summary>
    private static void DrawWatermark(SKCanvas canvas, PageSetup setup)
    {
        if (setup.Watermark is not { Length: > 0 } mark) return;
        const float size = 120;
        using var font = new SKFont(Fonts.EmbeddedFonts.Get(Fonts.FontFace.Bold), size) { Subpixel = true, Hinting = SKFontHinting.None, LinearMetrics = true };
        using var path = font.GetTextPath(Nfc(mark), SKPoint.Empty);
        var bounds = path.Bounds;
        using var paint = new SKPaint { Color = new SKColor(0x2EC0392B), Style = SKPaintStyle.Fill, IsAntialias = true };
        canvas.Save();
        canvas.Translate(setup.Width / 2, setup.Height / 2);
        canvas.RotateDegrees(-35);
        canvas.Translate(-bounds.MidX, -bounds.MidY);
        canvas.DrawPath(path, paint);
        canvas.Restore();
    }

    /// <summary>A boxed mark in the top margin, right-aligned with the content ("DỰ THẢO").</summary>
    private void DrawStamp(SKCanvas canvas, PageSetup setup)
    {
        if (setup.Stamp is not { Length: > 0 } stamp) return;
        var style = new TextStyle(12, Bold: true, Color: 0xFFC0392B);
        var w = Measure(stamp, style);
        var (ascent, descent) = _engine.Metrics(style);
        var right = setup.Width - setup.Right;
        var baseline = setup.Top * 0.62f;
        var box = new SKRect(right - w - 10, baseline - ascent - 3, right, baseline + descent + 3);
        using var pen = new SKPaint { Color = new SKColor(0xFFC0392B), Style = SKPaintStyle.Stroke, StrokeWidth = 1.2f, IsAntialias = true };
        canvas.DrawRect(box, pen);
        _engine.Draw(canvas, stamp, right - w - 5, baseline, style);
    }

    private static string Nfc(string text) => ParServerless.Scoring.Text.Nfc(text);
}
