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
    /// <summary>The "DỰ THẢO" box of every page of a draft.</summary>
    public const string DraftMark = "DỰ THẢO";

    /// <summary>The label at the foot of every page of the machine-readable twin.</summary>
    public const string TwinLabel =
        "Bản máy đọc được (machine-readable twin) do hệ thống tạo từ số liệu đã thẩm định; văn bản có giá trị pháp lý là bản gốc đã ký được công bố kèm theo.";

    /// <summary>The PDF of a draft Decision (dự thảo): what every unpublished Decision is.</summary>
    public static byte[] Render(DecisionModel model) => Render(model, DocumentStage.Draft);

    /// <summary>The PDF of the Decision at <paramref name="stage"/>.</summary>
    /// <exception cref="ArgumentException">A final or twin document asked for while fields are missing: check
    /// <see cref="DecisionReadiness"/> first (publishing a gap is a bug, not an expected failure).</exception>
    public static byte[] Render(DecisionModel model, DocumentStage stage)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var layout = Compose(model, stage);
        return layout.ToPdf(Info(model));
    }

    /// <summary>
    /// The final Decision and its machine-readable twin from one layout: the twin differs only by the label in every page's
    /// bottom margin, and laying out a national Decision's appendices is most of its cost. Byte for byte what
    /// <see cref="Render(DecisionModel, DocumentStage)"/> gives for <see cref="DocumentStage.Final"/> and
    /// <see cref="DocumentStage.MachineReadableTwin"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Fields are missing (as for a final Render).</exception>
    public static (byte[] Final, byte[] Twin) RenderFinalAndTwin(DecisionModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var layout = Compose(model, DocumentStage.Final);
        var info = Info(model);
        return (layout.ToPdf(info), layout.ToPdf(info, TwinLabel));
    }

    /// <summary>Lays the Decision out without writing it: for tests that inspect what was drawn.</summary>
    internal static PdfLayout Compose(DecisionModel model, DocumentStage stage = DocumentStage.Draft, Action<string, Fonts.FontFace>? onTextDrawn = null)
    {
        if (stage is not (DocumentStage.Draft or DocumentStage.Final or DocumentStage.MachineReadableTwin))
            throw new ArgumentOutOfRangeException(nameof(stage), stage, "not a document stage");
        if (stage != DocumentStage.Draft && DraftGap.In(model) is { Count: > 0 } gaps)
            throw new ArgumentException($"A {stage} Decision cannot have missing fields: {string.Join(", ", gaps)}", nameof(model));
        var watermark = model.IsSample ? "MẪU" : null;
        var stamp = stage == DocumentStage.Draft ? DraftMark : null;
        var label = stage == DocumentStage.MachineReadableTwin ? TwinLabel : null;
        var body = PageSetup.A4Portrait with { Header = TopCentreNumber, Watermark = watermark, Stamp = stamp, Label = label };
        var layout = new PdfLayout(body) { OnTextDrawn = onTextDrawn };
        try
        {
            DecisionBody.Compose(layout, model);
            var appendixPage = PageSetup.A4Landscape with { Header = TopCentreNumber, MarginStyle = new TextStyle(13), Watermark = watermark, Stamp = stamp, Label = label };
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
        DraftGap.Plain($"{model.NumberLine.Replace("Số: ", "Quyết định số ", StringComparison.Ordinal).Trim()} – {model.Subject}"),
        string.Join(" ", model.IssuingBody),
        model.Subject,
        model.Date,
        $"Chỉ số CCHC; {model.Year.ToString(CultureInfo.InvariantCulture)}; {model.Scheme}; sha256:{model.InputSha256}");

    /// <summary>Nghị định 30: page numbers centred at the top, not shown on the first page; each appendix is numbered on its own.</summary>
    private static string? TopCentreNumber(PageNumber page) =>
        page.InSection == 1 ? null : page.InSection.ToString(CultureInfo.InvariantCulture);
}
