using System.Globalization;
using ParServerless.Documents.Layout;
using ParServerless.Scoring.Formatting;
using ParServerless.Scoring.Results;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Documents.ResultSheet;

/// <summary>
/// The per-unit result sheet (phiếu kết quả Chỉ số CCHC): the unit's summary, what it takes to reach the next band and the
/// next rank, the leaves where it lost most, its areas against the group average with a chart, and every leaf's marks.
/// </summary>
/// <remarks>Not an administrative document under Nghị định 30, so pages carry "Trang x/y" footers; fonts and sizes follow the Decision.</remarks>
public static class ResultSheetDocument
{
    public static byte[] Render(WorkingSheet sheet, Scheme scheme, ResultSheetContext context) => Render(sheet, scheme, context, null);

    /// <param name="standing">The unit's group standing: with it, the leader's sheet shows its margin over rank 2.</param>
    public static byte[] Render(WorkingSheet sheet, Scheme scheme, ResultSheetContext context, GroupStanding? standing)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(context);
        using var layout = Compose(sheet, scheme, context, standing);
        var unit = sheet.Result.Unit.Name;
        return layout.ToPdf(new PdfInfo(
            $"Phiếu kết quả Chỉ số CCHC năm {Int(sheet.Result.Year)} – {unit}", context.Issuer, unit, context.Date,
            $"Chỉ số CCHC; {Int(sheet.Result.Year)}; {scheme.Ref}; {sheet.Result.Unit.Code}"));
    }

    internal static PdfLayout Compose(WorkingSheet sheet, Scheme scheme, ResultSheetContext context, GroupStanding? standing = null,
        Action<string, Fonts.FontFace>? onTextDrawn = null)
    {
        if (context.Stage is not (DocumentStage.Draft or DocumentStage.Final or DocumentStage.MachineReadableTwin))
            throw new ArgumentOutOfRangeException(nameof(context), context.Stage, "not a document stage");
        var unit = ParServerless.Scoring.Text.Nfc(sheet.Result.Unit.Name);
        var setup = PageSetup.A4Portrait with
        {
            Footer = p => $"{unit} – Trang {Int(p.Absolute)}/{Int(p.Total)}",
            MarginStyle = new TextStyle(10, Italic: true),
            Watermark = scheme.IsSample ? "MẪU" : null,
            Stamp = context.Stage == DocumentStage.Draft ? Decision.DecisionDocument.DraftMark : null,
        };
        var layout = new PdfLayout(setup) { OnTextDrawn = onTextDrawn };
        try
        {
            var format = ScoreFormat.For(scheme);
            ResultSheetSections.Heading(layout, sheet, scheme, context);
            ResultSheetSections.Summary(layout, sheet, format);
            ResultSheetSections.Gaps(layout, sheet, format, standing);
            ResultSheetSections.Losses(layout, sheet, format);
            ResultSheetSections.Areas(layout, sheet, scheme, format);
            ResultSheetSections.Leaves(layout, sheet, scheme, format);
            return layout;
        }
        catch
        {
            layout.Dispose();
            throw;
        }
    }

    internal static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
