using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace ParServerless.Documents.Tests.Support;

/// <summary>Text of a PDF as PdfPig extracts it, rebuilt into visual lines (letters sharing a baseline, left to right).</summary>
internal sealed class PdfText
{
    private PdfText(IReadOnlyList<IReadOnlyList<string>> lines, IReadOnlyList<IReadOnlyList<Letter>> letters, IReadOnlyList<(double W, double H)> sizes)
    {
        Pages = lines;
        Letters = letters;
        Sizes = sizes;
    }

    /// <summary>Visual lines per page, top to bottom; cells further apart than a space are joined by " | ".</summary>
    public IReadOnlyList<IReadOnlyList<string>> Pages { get; }

    public IReadOnlyList<IReadOnlyList<Letter>> Letters { get; }

    public IReadOnlyList<(double W, double H)> Sizes { get; }

    public static PdfText Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = new List<IReadOnlyList<string>>();
        var letters = new List<IReadOnlyList<Letter>>();
        var sizes = new List<(double, double)>();
        foreach (var page in document.GetPages())
        {
            var all = page.Letters.ToList();
            letters.Add(all);
            sizes.Add((page.Width, page.Height));
            pages.Add(Lines(all));
        }
        return new PdfText(pages, letters, sizes);
    }

    public string PageText(int index) => string.Join("\n", Pages[index]);

    public string AllText => string.Join("\n", Pages.Select(p => string.Join("\n", p)));

    private static List<string> Lines(List<Letter> letters)
    {
        // Rotated text (the MẪU watermark) is kept out of the lines.
        var upright = letters.Where(l => Math.Abs(l.StartBaseLine.Y - l.EndBaseLine.Y) < 0.5).ToList();
        var rows = upright.GroupBy(l => Math.Round(l.StartBaseLine.Y / 1.5))
            .OrderByDescending(g => g.Key);
        var lines = new List<string>();
        foreach (var row in rows)
        {
            var sb = new StringBuilder();
            Letter? previous = null;
            foreach (var l in row.OrderBy(l => l.StartBaseLine.X))
            {
                if (previous is not null)
                {
                    var gap = l.StartBaseLine.X - previous.EndBaseLine.X;
                    if (gap > 4) sb.Append(" | ");
                    else if (gap > 1.2 && !IsSpace(previous.Value) && !IsSpace(l.Value)) sb.Append(' ');
                }
                sb.Append(IsSpace(l.Value) ? " " : l.Value);
                previous = l;
            }
            var text = sb.ToString().Trim();
            while (text.Contains("  ", StringComparison.Ordinal)) text = text.Replace("  ", " ", StringComparison.Ordinal);
            lines.Add(text.Normalize(NormalizationForm.FormC));
        }
        return lines;
    }

    /// <summary>A space, or a no-break space (inside a draft's highlighted gaps), which reads as one.</summary>
    private static bool IsSpace(string value) => value is " " or "\u00A0";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
