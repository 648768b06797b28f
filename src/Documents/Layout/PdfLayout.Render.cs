using SkiaSharp;

namespace ParServerless.Documents.Layout;

internal sealed partial class PdfLayout
{
    private static readonly TextStyle DefaultMarginStyle = new(13);

    public byte[] ToPdf(PdfInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
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
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var inSection = 0;
            for (var i = 0; i < _pages.Count; i++)
            {
                var page = _pages[i];
                inSection = i > 0 && _pages[i - 1].Section == page.Section ? inSection + 1 : 1;
                var number = new PageNumber(inSection, sectionSizes[page.Section], i + 1, _pages.Count);
                var canvas = document.BeginPage(page.Setup.Width, page.Setup.Height);
                DrawWatermark(canvas, page.Setup);
                foreach (var op in page.Ops) op(canvas);
                DrawMargins(canvas, page.Setup, number);
                document.EndPage();
            }
            document.Close();
        }
        return stream.ToArray();
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
    }

    /// <summary>Large pale diagonal text behind the content, e.g. "MẪU" on documents of a sample scheme.</summary>
    private void DrawWatermark(SKCanvas canvas, PageSetup setup)
    {
        if (setup.Watermark is not { Length: > 0 } mark) return;
        var style = new TextStyle(120, Bold: true, Color: 0x33C0392B);
        var w = Measure(mark, style);
        canvas.Save();
        canvas.Translate(setup.Width / 2, setup.Height / 2);
        canvas.RotateDegrees(-35);
        _engine.Draw(canvas, mark, -w / 2, style.Size * 0.35f, style);
        canvas.Restore();
    }

    private static string Nfc(string text) => ParServerless.Scoring.Text.Nfc(text);
}
