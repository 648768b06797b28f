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
    public static string Render(JsonElement s, ScoreFormat format, int year, string unit, Lang l)
    {
        string N(JsonElement e, string name) => E(Num(e, name, format, l));
        var name = Str(s, "unitName") ?? unit;
        var y = l.Int(year);
        var sb = new StringBuilder();
        sb.Append("<h1>").Append(E(name)).Append("</h1>\n<p class=\"lead\">").Append(l.T("Chỉ số cải cách hành chính năm ", "Public Administration Reform Index ")).Append(y)
          .Append(", ").Append(E(Str(s, "groupName"))).Append("</p>\n");
        sb.Append("<ul class=\"stats\"><li>").Append(l.T("Chỉ số", "Index")).Append(": <strong>").Append(N(s, "index")).Append("</strong></li>")
          .Append("<li>").Append(l.T("Hạng", "Rank")).Append(": <strong>").Append(Int(s, "rank") is { } rank ? l.Int(rank) : "—").Append("</strong> / ")
          .Append(Int(s, "rankedInGroup") is { } ranked ? l.Int(ranked) : "—").Append(l.T(" đơn vị của khối", " units in the group")).Append("</li>")
          .Append("<li>").Append(l.T("Xếp loại", "Band")).Append(": <strong>").Append(E(Str(s, "band") ?? l.T("Chưa xếp loại", "Not banded"))).Append("</strong></li>")
          .Append("<li>").Append(l.T("Tổng điểm", "Total points")).Append(": ").Append(N(s, "total")).Append("</li></ul>\n");
        sb.Append("<h2>").Append(l.T("Khoảng cách", "Gaps")).Append("</h2>\n<ul>\n");
        if (Obj(s, "nextBand") is { } nb)
            sb.Append("<li>").Append(l.T("Đến xếp loại ", "To band ")).Append("<strong>").Append(E(Str(nb, "band"))).Append("</strong>")
              .Append(l.T(": thiếu ", ": ")).Append(N(nb, "indexPoints")).Append(l.T(" điểm chỉ số (", " index points short (")).Append(N(nb, "points"))
              .Append(l.T(" điểm).", " points).")).Append("</li>\n");
        else sb.Append("<li>").Append(l.T("Đơn vị đang ở xếp loại cao nhất.", "The unit is in the highest band.")).Append("</li>\n");
        if (Obj(s, "nextRank") is { } nr)
            sb.Append("<li>").Append(l.T("Đến hạng ", "To rank ")).Append("<strong>").Append(Int(nr, "rank") is { } next ? l.Int(next) : "—").Append("</strong>")
              .Append(l.T(": thiếu ", ": ")).Append(N(nr, "indexPoints")).Append(l.T(" điểm chỉ số (", " index points short (")).Append(N(nr, "points"))
              .Append(l.T(" điểm).", " points).")).Append("</li>\n");
        else sb.Append("<li>").Append(l.T("Đơn vị đang đứng đầu khối.", "The unit is first in its group.")).Append("</li>\n");
        if (Obj(s, "change") is { } c)
        {
            sb.Append("<li>").Append(l.T("So với năm ", "Compared with ")).Append(Int(c, "previousYear") is { } py ? l.Int(py) : "—").Append(": ");
            sb.Append(Obj(c, "pointsChange") is { } pc && pc.TryGetProperty("value", out var v) && v.TryGetDecimal(out var change)
                ? E(l.Change(format, change)) + l.T(" điểm", " points")
                : l.T("không so sánh được", "not comparable"));
            if (Int(c, "previousRank") is { } pr) sb.Append(l.T(", hạng năm trước ", ", rank the year before ")).Append(l.Int(pr));
            sb.Append(".</li>\n");
        }
        sb.Append("</ul>\n");
        var api = "/api/public/years/" + y;
        var escaped = E(Uri.EscapeDataString(unit));
        sb.Append("<ul class=\"links\"><li><a href=\"").Append(api).Append("/units/").Append(escaped).Append("/sheet.pdf\">").Append(l.T("Phiếu kết quả (PDF)", "Result sheet (PDF, Vietnamese)"))
          .Append("</a></li><li><a href=\"").Append(api).Append("/units/").Append(escaped).Append("\">").Append(l.T("Phiếu kết quả (JSON)", "Result sheet (JSON)"))
          .Append("</a></li><li><a href=\"").Append(api).Append("/decision.pdf\">").Append(l.T("Quyết định công bố (PDF)", "The Decision (PDF, Vietnamese)")).Append("</a></li></ul>\n");

        sb.Append("<h2>").Append(l.T("Điểm theo lĩnh vực", "Points by area")).Append("</h2>\n<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"")
          .Append(l.T("Bảng điểm theo lĩnh vực", "Table of points by area")).Append("\"><table>\n<caption>")
          .Append(l.T("Điểm và chỉ số từng lĩnh vực, so với trung bình của khối", "Points and index of each area, against the group's average")).Append("</caption>\n<thead><tr>")
          .Append("<th scope=\"col\">").Append(l.T("Lĩnh vực", "Area")).Append("</th><th scope=\"col\" class=\"num\">").Append(l.T("Điểm tối đa", "Maximum"))
          .Append("</th><th scope=\"col\" class=\"num\">").Append(l.T("Điểm đạt", "Obtained")).Append("</th>")
          .Append("<th scope=\"col\" class=\"num\">").Append(l.T("Điểm bị trừ", "Lost")).Append("</th><th scope=\"col\" class=\"num\">").Append(l.T("Chỉ số", "Index"))
          .Append("</th><th scope=\"col\" class=\"num\">").Append(l.T("Trung bình khối", "Group average")).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var a in Arr(s, "areas"))
        {
            var lost = Value(a, "maximum") - Value(a, "points");
            sb.Append("<tr><th scope=\"row\">").Append(E(Str(a, "code"))).Append(". ").Append(E(Str(a, "name"))).Append("</th><td class=\"num\">").Append(N(a, "maximum"))
              .Append("</td><td class=\"num\">").Append(N(a, "points")).Append("</td><td class=\"num\">").Append(E(l.Number(format, lost)))
              .Append("</td><td class=\"num\">").Append(N(a, "index")).Append("</td><td class=\"num\">").Append(N(a, "groupAverageIndex")).Append("</td></tr>\n");
        }
        sb.Append("</tbody></table></div>\n");

        var biggest = Arr(s, "biggestLosses").Select(e => e.GetString()).ToHashSet(StringComparer.Ordinal);
        var most = l.T("nhiều nhất", "most");
        sb.Append("<h2>").Append(l.T("Điểm bị trừ theo tiêu chí", "Points lost by criterion")).Append("</h2>\n<p>")
          .Append(l.T("Các tiêu chí bị trừ nhiều điểm nhất được đánh dấu “nhiều nhất”.", "The criteria that lost the most points are marked “most”.")).Append("</p>\n")
          .Append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"").Append(l.T("Bảng điểm theo tiêu chí", "Table of points by criterion")).Append("\"><table>\n")
          .Append("<caption>").Append(l.T("Điểm từng tiêu chí: tối đa, tự đánh giá, điểm cuối cùng và điểm bị trừ", "Points of each criterion: maximum, self-assessed, final and lost"))
          .Append("</caption>\n<thead><tr><th scope=\"col\">").Append(l.T("Tiêu chí", "Criterion")).Append("</th>")
          .Append("<th scope=\"col\" class=\"num\">").Append(l.T("Tối đa", "Maximum")).Append("</th><th scope=\"col\" class=\"num\">").Append(l.T("Tự đánh giá", "Self-assessed"))
          .Append("</th><th scope=\"col\" class=\"num\">").Append(l.T("Điểm cuối cùng", "Final")).Append("</th>")
          .Append("<th scope=\"col\" class=\"num\">").Append(l.T("Bị trừ", "Lost")).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var leaf in Arr(s, "leaves"))
        {
            var code = Str(leaf, "code");
            sb.Append("<tr><th scope=\"row\">").Append(E(code)).Append(". ").Append(E(Str(leaf, "name")));
            if (code is not null && biggest.Contains(code)) sb.Append(" <strong>(").Append(most).Append(")</strong>");
            sb.Append("</th><td class=\"num\">").Append(N(leaf, "maximum")).Append("</td><td class=\"num\">").Append(Dash(N(leaf, "self")))
              .Append("</td><td class=\"num\">").Append(Dash(N(leaf, "final"))).Append("</td><td class=\"num\">").Append(Dash(N(leaf, "lost"))).Append("</td></tr>\n");
        }
        sb.Append("</tbody></table></div>\n");
        return sb.ToString();
    }

    private static string Dash(string text) => text.Length == 0 ? "—" : text;

    public static JsonElement? Obj(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    public static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    /// <summary>A figure (<c>{value, text}</c>) written for this page's language: the API's vi-VN text, or the value in English; "" when absent.</summary>
    public static string Num(JsonElement e, string name, ScoreFormat format, Lang l) =>
        Obj(e, name) is not { } f ? ""
        : !l.IsEnglish ? Str(f, "text") ?? ""
        : f.TryGetProperty("value", out var v) && v.TryGetDecimal(out var d) ? l.Number(format, d) : "";

    private static decimal Value(JsonElement e, string name) =>
        Obj(e, name) is { } f && f.TryGetProperty("value", out var v) && v.TryGetDecimal(out var d) ? d : 0m;

    private static IEnumerable<JsonElement> Arr(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];
}
