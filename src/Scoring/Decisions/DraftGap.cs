using System.Text;

namespace ParServerless.Scoring.Decisions;

/// <summary>
/// A field of the Decision that is still missing (trường còn thiếu), embedded in the model's texts as "⟦name⟧" so that
/// renderers can show it highlighted with its name, and never as a silent "…".
/// </summary>
/// <remarks>
/// The brackets are U+27E6 and U+27E7, which no Vietnamese administrative text uses. A model with any gap is a draft:
/// <see cref="DecisionReadiness.Check"/> lists the same fields with codes, and publication is refused until they are set.
/// </remarks>
public static class DraftGap
{
    public const char Open = '\u27E6';
    public const char Close = '\u27E7';

    /// <summary>The marker for a missing field, named for a person: "⟦số Tờ trình⟧".</summary>
    public static string Mark(string fieldName) => Open + fieldName + Close;

    public static bool Any(string? text) => text is not null && text.Contains(Open, StringComparison.Ordinal);

    /// <summary>The text cut into plain pieces and gaps, in order.</summary>
    public static IReadOnlyList<(string Text, bool IsGap)> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<(string, bool)>();
        var start = 0;
        while (start < text.Length)
        {
            var open = text.IndexOf(Open, start);
            if (open < 0) break;
            var close = text.IndexOf(Close, open + 1);
            if (close < 0) break;
            if (open > start) parts.Add((text[start..open], false));
            parts.Add((text[(open + 1)..close], true));
            start = close + 1;
        }
        if (start < text.Length) parts.Add((text[start..], false));
        return parts;
    }

    /// <summary>Names of every gap in the text.</summary>
    public static IEnumerable<string> Names(string? text) =>
        text is null ? [] : Split(text).Where(p => p.IsGap).Select(p => p.Text);

    /// <summary>The text with each gap written as "[name]", for places that cannot highlight (PDF metadata, logs).</summary>
    public static string Plain(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var (part, gap) in Split(text)) sb.Append(gap ? "[" + part + "]" : part);
        return sb.ToString();
    }

    /// <summary>Every gap left in the Decision's texts, in reading order.</summary>
    public static IReadOnlyList<string> In(DecisionModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        IEnumerable<string> texts =
        [
            .. model.IssuingBody, model.NumberLine, model.PlaceAndDate, model.Subject, model.Authority, .. model.LegalBases,
            .. model.Articles.SelectMany(a => a.Paragraphs), .. model.Recipients, .. model.Signature.Lines, model.Signature.SignerName,
            model.Citation,
        ];
        return texts.SelectMany(Names).ToArray();
    }
}
