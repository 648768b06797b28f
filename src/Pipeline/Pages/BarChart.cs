using System.Globalization;
using System.Text;

namespace ParServerless.Pipeline.Pages;

/// <summary>
/// A horizontal bar chart as inline SVG, one row per unit, in rank order. Like the Decision's charts it stays readable for
/// any group size: each unit gets its own row with its name above its bar and the value at the bar's end, so the chart
/// grows in height rather than squeezing labels. The text alternative is the table next to it (<c>aria-describedby</c>).
/// </summary>
/// <remarks>
/// The chart has no viewBox: it is as wide as the page and its lengths are percentages, so the text keeps its size on a
/// phone (a scaled drawing would shrink 15 px labels to 8 px at 390 px wide). The longest bar takes <see cref="Span"/> % of
/// the width, leaving room for its value on any screen.
/// </remarks>
public static class BarChart
{
    public sealed record Bar(string Label, decimal Value, string ValueText);

    private const int Row = 44;
    private const int LabelHeight = 18;
    private const int BarHeight = 16;
    private const decimal Span = 80;

    public static string Render(string id, string title, IReadOnlyList<Bar> bars, decimal maximum, string describedBy)
    {
        var height = Math.Max(1, bars.Count) * Row + 8;
        var max = maximum > 0 ? maximum : bars.Select(b => b.Value).DefaultIfEmpty(1).Max();
        if (max <= 0) max = 1;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" id=\"{Html.E(id)}\" width=\"100%\" height=\"{height}\" role=\"img\" aria-labelledby=\"{Html.E(id)}-t\" aria-describedby=\"{Html.E(describedBy)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append("<title id=\"").Append(Html.E(id)).Append("-t\">").Append(Html.E(title)).Append("</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = i * Row + 4;
            var length = Math.Clamp(b.Value, 0, max) / max * Span;
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 14}\" font-size=\"15\">{Html.E(b.Label)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{y + LabelHeight + 2}\" width=\"{length:0.##}%\" height=\"{BarHeight}\" fill=\"#0b4f8a\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{length:0.##}%\" dx=\"6\" y=\"{y + LabelHeight + 15}\" font-size=\"14\">{Html.E(b.ValueText)}</text>");
        }
        return sb.Append("</svg>").ToString();
    }
}
