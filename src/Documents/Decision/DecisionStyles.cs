using ParServerless.Documents.Layout;

namespace ParServerless.Documents.Decision;

/// <summary>Type sizes of Nghị định 30/2020/NĐ-CP, Phụ lục I (Times New Roman, here the metric-compatible Tinos).</summary>
internal static class DecisionStyles
{
    /// <summary>Body text: 14 pt (the decree allows 13–14).</summary>
    public static readonly TextStyle Body = new(14);

    /// <summary>Issuing body and Quốc hiệu: bold capitals, 12–13 pt; 12.5 keeps the Quốc hiệu on one line in its column.</summary>
    public static readonly TextStyle HeaderCaps = new(12.5f, Bold: true);

    /// <summary>Tiêu ngữ: bold, 13–14 pt.</summary>
    public static readonly TextStyle Motto = new(13.5f, Bold: true);

    /// <summary>Number (Số, ký hiệu): 13 pt upright.</summary>
    public static readonly TextStyle Number = new(13);

    /// <summary>Place and date: italic, 13–14 pt.</summary>
    public static readonly TextStyle PlaceDate = new(13.5f, Italic: true);

    /// <summary>Document type and subject: bold 14 pt.</summary>
    public static readonly TextStyle Title = new(14, Bold: true);

    /// <summary>Căn cứ: italic 14 pt.</summary>
    public static readonly TextStyle Basis = new(14, Italic: true);

    /// <summary>"Nơi nhận:": bold italic 12 pt; the list below it: 11 pt.</summary>
    public static readonly TextStyle RecipientsHeading = new(12, Bold: true, Italic: true);

    public static readonly TextStyle Recipients = new(11);

    /// <summary>Signature block: bold capitals 13–14 pt.</summary>
    public static readonly TextStyle Signature = new(13.5f, Bold: true);

    /// <summary>Appendix tables on landscape pages.</summary>
    public static readonly TextStyle TableBody = new(11);

    public static readonly TextStyle TableHeader = new(11, Bold: true);

    public static readonly TextStyle Note = new(11, Italic: true);

    /// <summary>First-line indent of paragraphs: 1.27 cm (the decree asks for 1–1.27 cm).</summary>
    public static readonly float Indent = PageSetup.Mm(12.7f);

    /// <summary>Space between paragraphs: 6 pt (the decree asks for at least 6 pt).</summary>
    public const float ParagraphGap = 6;

    /// <summary>Line spacing: the decree asks for single to 1.5 lines; 1.2 is Word's "single" for Times at 14 pt.</summary>
    public const float LineSpacing = 1.2f;
}
