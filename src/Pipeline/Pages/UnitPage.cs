using System.Globalization;
using System.Text;
using System.Text.Json;
using ParServerless.Scoring.Formatting;
using static ParServerless.Pipeline.Pages.Html;

namespace ParServerless.Pipeline.Pages;

/// <summary>
/// A unit's page, rendered from its published working sheet (phiếu kết quả, <c>par-working-sheet/1</c>): the result, the
/// gap to the next band and rank, the points lost per area and per criterion, and the change from last year.
/// </summary>
internal static class UnitPage
{
    public static string Render(JsonElement s, ScoreFormat format, int year, string unit)
    {
        var name = Str(s, "unitName") ?? unit;
        var sb = new StringBuilder();
        sb.Append("<h1>").Append(E(name)).Append("</h1>\n<p class=\"lead\">Chỉ số cải cách hành chính năm ").Append(year.ToString(CultureInfo.InvariantCulture))
          .Append(", ").Append(E(Str(s, "groupName"))).Append("</p>\n");
        sb.Append("<ul class=\"stats\"><li>Chỉ số: <strong>").Append(E(Text(s, "index"))).Append("</strong></li>")
          .Append("<li>Hạng: <strong>").Append(Int(s, "rank")?.ToString(CultureInfo.InvariantCulture) ?? "—").Append("</strong> / ")
          .Append(Int(s, "rankedInGroup")?.ToString(CultureInfo.InvariantCulture) ?? "—").Append(" đơn vị của khối</li>")
          .Append("<li>Xếp loại: <strong>").Append(E(Str(s, "band") ?? "Chưa xếp loại")).Append("</strong></li>")
          .Append("<li>Tổng điểm: ").Append(E(Text(s, "total"))).Append("</li></ul>\n");
        sb.Append("<h2>Khoảng cách</h2>\n<ul>\n");
        if (Obj(s, "nextBand") is { } nb)
            sb.Append("<li>Đến xếp loại <strong>").Append(E(Str(nb, "band"))).Append("</strong>: thiếu ").Append(E(Text(nb, "indexPoints")))
              .Append(" điểm chỉ số (").Append(E(Text(nb, "points"))).Append(" điểm).</li>\n");
        else sb.Append("<li>Đơn vị đang ở xếp loại cao nhất.</li>\n");
        if (Obj(s, "nextRank") is { } nr)
            sb.Append("<li>Đến hạng <strong>").Append(Int(nr, "rank")?.ToString(CultureInfo.InvariantCulture)).Append("</strong>: thiếu ").Append(E(Text(nr, "indexPoints")))
              .Append(" điểm chỉ số (").Append(E(Text(nr, "points"))).Append(" điểm).</li>\n");
        else sb.Append("<li>Đơn vị đang đứng đầu khối.</li>\n");
        if (Obj(s, "change") is { } c)
        {
            sb.Append("<li>So với năm ").Append(Int(c, "previousYear")?.ToString(CultureInfo.InvariantCulture)).Append(": ");
            sb.Append(Obj(c, "pointsChange") is { } pc ? E(Str(pc, "text")) + " điểm" : "không so sánh được");
            if (Int(c, "previousRank") is { } pr) sb.Append(", hạng năm trước ").Append(pr.ToString(CultureInfo.InvariantCulture));
            sb.Append(".</li>\n");
        }
        sb.Append("</ul>\n");
        sb.Append("<ul class=\"links\"><li><a href=\"/api/public/years/").Append(year.ToString(CultureInfo.InvariantCulture)).Append("/units/").Append(E(Uri.EscapeDataString(unit)))
          .Append("/sheet.pdf\">Phiếu kết quả (PDF)</a></li><li><a href=\"/api/public/years/").Append(year.ToString(CultureInfo.InvariantCulture)).Append("/units/")
          .Append(E(Uri.EscapeDataString(unit))).Append("\">Phiếu kết quả (JSON)</a></li><li><a href=\"/api/public/years/").Append(year.ToString(CultureInfo.InvariantCulture))
          .Append("/decision.pdf\">Quyết định công bố (PDF)</a></li></ul>\n");

        sb.Append("<h2>Điểm theo lĩnh vực</h2>\n<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Bảng điểm theo lĩnh vực\"><table>\n<caption>Điểm và chỉ số từng lĩnh vực, so với trung bình của khối</caption>\n<thead><tr>")
          .Append("<th scope=\"col\">Lĩnh vực</th><th scope=\"col\" class=\"num\">Điểm tối đa</th><th scope=\"col\" class=\"num\">Điểm đạt</th>")
          .Append("<th scope=\"col\" class=\"num\">Điểm bị trừ</th><th scope=\"col\" class=\"num\">Chỉ số</th><th scope=\"col\" class=\"num\">Trung bình khối</th></tr></thead>\n<tbody>\n");
        foreach (var a in Arr(s, "areas"))
        {
            var lost = Value(a, "maximum") - Value(a, "points");
            sb.Append("<tr><th scope=\"row\">").Append(E(Str(a, "code"))).Append(". ").Append(E(Str(a, "name"))).Append("</th><td class=\"num\">").Append(E(Text(a, "maximum")))
              .Append("</td><td class=\"num\">").Append(E(Text(a, "points"))).Append("</td><td class=\"num\">").Append(E(format.Format(lost)))
              .Append("</td><td class=\"num\">").Append(E(Text(a, "index"))).Append("</td><td class=\"num\">").Append(E(Text(a, "groupAverageIndex"))).Append("</td></tr>\n");
        }
        sb.Append("</tbody></table></div>\n");

        var biggest = Arr(s, "biggestLosses").Select(e => e.GetString()).ToHashSet(StringComparer.Ordinal);
        sb.Append("<h2>Điểm bị trừ theo tiêu chí</h2>\n<p>Các tiêu chí bị trừ nhiều điểm nhất được đánh dấu “nhiều nhất”.</p>\n<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Bảng điểm theo tiêu chí\"><table>\n")
          .Append("<caption>Điểm từng tiêu chí: tối đa, tự đánh giá, điểm cuối cùng và điểm bị trừ</caption>\n<thead><tr><th scope=\"col\">Tiêu chí</th>")
          .Append("<th scope=\"col\" class=\"num\">Tối đa</th><th scope=\"col\" class=\"num\">Tự đánh giá</th><th scope=\"col\" class=\"num\">Điểm cuối cùng</th>")
          .Append("<th scope=\"col\" class=\"num\">Bị trừ</th></tr></thead>\n<tbody>\n");
        foreach (var l in Arr(s, "leaves"))
        {
            var code = Str(l, "code");
            sb.Append("<tr><th scope=\"row\">").Append(E(code)).Append(". ").Append(E(Str(l, "name")));
            if (code is not null && biggest.Contains(code)) sb.Append(" <strong>(nhiều nhất)</strong>");
            sb.Append("</th><td class=\"num\">").Append(E(Text(l, "maximum"))).Append("</td><td class=\"num\">").Append(E(Text(l, "self") ?? "—"))
              .Append("</td><td class=\"num\">").Append(E(Text(l, "final") ?? "—")).Append("</td><td class=\"num\">").Append(E(Text(l, "lost") ?? "—")).Append("</td></tr>\n");
        }
        sb.Append("</tbody></table></div>\n");
        return sb.ToString();
    }

    public static JsonElement? Obj(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    public static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    /// <summary>The display text of a figure (<c>{value, text}</c>).</summary>
    public static string? Text(JsonElement e, string name) => Obj(e, name) is { } f ? Str(f, "text") : null;

    private static decimal Value(JsonElement e, string name) =>
        Obj(e, name) is { } f && f.TryGetProperty("value", out var v) && v.TryGetDecimal(out var d) ? d : 0m;

    private static IEnumerable<JsonElement> Arr(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];
}
