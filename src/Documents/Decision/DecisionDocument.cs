using System.Globalization;
using ParServerless.Documents.Layout;
using ParServerless.Scoring.Decisions;

namespace ParServerless.Documents.Decision;

/// <summary>
/// Renders the Decision publishing the PAR index (Quyết định công bố Chỉ số CCHC) as a PDF in the form of
/// Nghị định 30/2020/NĐ-CP: A4, header block, trích yếu, căn cứ, Điều 1–3, nơi nhận and signature, then one
/// landscape appendix per unit group with its tables, chart and summary.
/// </summary>
/// <remarks>Deterministic: the same model gives the same bytes (fixed PDF dates from the decision date, embedded fonts only).</remarks>
public static class DecisionDocument
{
    /// <summary>The PDF of the Decision.</summary>
    public static byte[] Render(DecisionModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var layout = Compose(model);
        return layout.ToPdf(Info(model));
    }

    /// <summary>Lays the Decision out without writing it: for tests that inspect what was drawn.</summary>
    internal static PdfLayout Compose(DecisionModel model, Action<string, Fonts.FontFace>? onTextDrawn = null)
    {
        var watermark = model.IsSample ? "MẪU" : null;
        var body = PageSetup.A4Portrait with { Header = TopCentreNumber, Watermark = watermark };
        var layout = new PdfLayout(body) { OnTextDrawn = onTextDrawn };
        try
        {
            DecisionBody.Compose(layout, model);
            var appendixPage = PageSetup.A4Landscape with { Header = TopCentreNumber, MarginStyle = new TextStyle(13), Watermark = watermark };
            foreach (var appendix in model.Appendices)
            {
                layout.Add(new PageBreak(appendixPage, NewSection: true));
                AppendixSection.Compose(layout, model, appendix);
            }
            return layout;
        }
        catch
        {
            layout.Dispose();
            throw;
        }
    }

    internal static PdfInfo Info(DecisionModel model) => new(
        $"{model.NumberLine.Replace("Số: ", "Quyết định số ", StringComparison.Ordinal).Trim()} – {model.Subject}",
        string.Join(" ", model.IssuingBody),
        model.Subject,
        model.Date,
        $"Chỉ số CCHC; {model.Year.ToString(CultureInfo.InvariantCulture)}; {model.Scheme}; sha256:{model.InputSha256}");

    /// <summary>Nghị định 30: page numbers centred at the top, not shown on the first page; each appendix is numbered on its own.</summary>
    private static string? TopCentreNumber(PageNumber page) =>
        page.InSection == 1 ? null : page.InSection.ToString(CultureInfo.InvariantCulture);
}
