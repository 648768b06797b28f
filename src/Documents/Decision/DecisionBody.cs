using ParServerless.Documents.Layout;
using ParServerless.Scoring.Decisions;
using static ParServerless.Documents.Decision.DecisionStyles;

namespace ParServerless.Documents.Decision;

/// <summary>The Decision itself, before its appendices: header block, trích yếu, căn cứ, articles, nơi nhận and signature.</summary>
internal static class DecisionBody
{
    public static void Compose(IDocumentLayout layout, DecisionModel model)
    {
        Header(layout, model);
        layout.Add(new Spacer(18));
        layout.Add(Paragraph.Of("QUYẾT ĐỊNH", Title, TextAlign.Center));
        layout.Add(new Paragraph(GapText.Runs(model.Subject, Title), TextAlign.Center, LineSpacing: LineSpacing));
        layout.Add(new Rule(Width: layout.Page.ContentWidth / 4, SpaceBefore: 3, SpaceAfter: 14));
        layout.Add(new Paragraph([new Run(model.Authority, Title)], TextAlign.Center, SpaceAfter: 10, LineSpacing: LineSpacing));

        foreach (var line in model.LegalBases)
            layout.Add(new Paragraph(GapText.Runs(line, Basis), TextAlign.Justify, FirstLineIndent: Indent, SpaceAfter: ParagraphGap, LineSpacing: LineSpacing));

        layout.Add(new Paragraph([new Run("QUYẾT ĐỊNH:", Title)], TextAlign.Center, SpaceBefore: 6, SpaceAfter: 10));
        foreach (var article in model.Articles)
        {
            for (var i = 0; i < article.Paragraphs.Count; i++)
            {
                IReadOnlyList<Run> runs = i == 0
                    ? [new Run($"Điều {article.Number}. ", Title), new Run(article.Paragraphs[i], Body)]
                    : [new Run(article.Paragraphs[i], Body)];
                layout.Add(new Paragraph(runs, TextAlign.Justify, FirstLineIndent: Indent, SpaceAfter: ParagraphGap, LineSpacing: LineSpacing));
            }
        }
        layout.Add(new Spacer(10));
        Closing(layout, model);
    }

    /// <summary>Two columns: issuing body and number on the left; Quốc hiệu, Tiêu ngữ and place/date on the right.</summary>
    private static void Header(IDocumentLayout layout, DecisionModel model)
    {
        var left = new List<Block>();
        foreach (var line in model.IssuingBody)
            left.Add(new Paragraph([new Run(line, HeaderCaps)], TextAlign.Center, LineSpacing: 1.15f));
        var widest = model.IssuingBody.Max(l => layout.Measure(l, HeaderCaps));
        left.Add(new Rule(Width: widest / 3, SpaceBefore: 2, SpaceAfter: 10));
        left.Add(new Paragraph(GapText.Runs(model.NumberLine, Number), TextAlign.Center, LineSpacing: 1.2f * PlaceDate.Size / Number.Size));

        const string nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        const string motto = "Độc lập - Tự do - Hạnh phúc";
        var right = new List<Block>
        {
            new Paragraph([new Run(nation, HeaderCaps)], TextAlign.Center, LineSpacing: 1.15f),
            // Same line height as the issuing body's second line, so that the number and the date share a baseline.
            new Paragraph([new Run(motto, Motto)], TextAlign.Center, LineSpacing: 1.15f * HeaderCaps.Size / Motto.Size),
            // The rule under the Tiêu ngữ is as long as the motto itself.
            new Rule(Width: layout.Measure(motto, Motto), SpaceBefore: 2, SpaceAfter: 10),
            new Paragraph(GapText.Runs(model.PlaceAndDate, PlaceDate), TextAlign.Center),
        };
        layout.Add(new Columns([new Column(0.40f, left), new Column(0.60f, right)], Gap: 4));
    }

    /// <summary>Nơi nhận bottom left, signature block bottom right; kept together on one page.</summary>
    private static void Closing(IDocumentLayout layout, DecisionModel model)
    {
        var recipients = new List<Block> { new Paragraph([new Run("Nơi nhận:", RecipientsHeading)], LineSpacing: 1.1f) };
        recipients.AddRange(model.Recipients.Select(r =>
            (Block)new Paragraph([new Run("- " + r, Recipients)], LineSpacing: 1.1f)));

        var signature = model.Signature.Lines
            .Select(l => (Block)new Paragraph([new Run(l, Signature)], TextAlign.Center, LineSpacing: 1.15f)).ToList();
        // Room for the signature and the seal (chữ ký, dấu).
        signature.Add(new Spacer(80));
        signature.Add(new Paragraph(GapText.Runs(model.Signature.SignerName, Signature), TextAlign.Center));
        layout.Add(new Columns([new Column(0.5f, recipients), new Column(0.5f, signature)], Gap: 10));
    }
}
