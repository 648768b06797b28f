using System.Globalization;
using System.Text;
using System.Text.Json;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Api.Contracts;
using ParServerless.Pipeline.Publication;
using ParServerless.Pipeline.Registry;
using ParServerless.Scoring.Formatting;
using ParServerless.Scoring.Schemes;
using static ParServerless.Pipeline.Pages.Html;

namespace ParServerless.Pipeline.Pages;

/// <summary>
/// The public pages (trang công khai): the years published, a year's results per group, a unit's working sheet. They read
/// only through <see cref="PublishedCache"/> and <see cref="PublicApi"/>, so the embargo is the API's: a year that is not
/// published renders the very page a year that does not exist renders (<see cref="NotFound"/>).
/// </summary>
public sealed class PublicPages(PublishedCache cache, SchemeStore schemes, PublicApi api)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public async Task<PageReply> YearsAsync(CancellationToken ct)
    {
        var years = (await cache.PublishedYearsAsync(ct).ConfigureAwait(false)).OrderByDescending(y => y.Year).ToList();
        var main = new StringBuilder("<h1>Chỉ số cải cách hành chính: các năm đã công bố</h1>\n");
        main.Append("<p class=\"lead\">Kết quả xác định Chỉ số cải cách hành chính (PAR INDEX) của các sở, ban, ngành và địa phương, theo từng năm đã công bố.</p>\n");
        if (years.Count == 0) main.Append("<p>Chưa có năm nào được công bố.</p>\n");
        else
        {
            main.Append("<ul class=\"years\">\n");
            foreach (var y in years)
            {
                main.Append("<li><a href=\"").Append(PageRoutes.YearPath(y.Year)).Append("\">Năm ").Append(y.Year.ToString(CultureInfo.InvariantCulture)).Append("</a>");
                if (y.PublishedAt is { } at) main.Append(" (công bố ngày ").Append(E(Date(at))).Append(')');
                main.Append("</li>\n");
            }
            main.Append("</ul>\n");
        }
        var head = new Head("Chỉ số cải cách hành chính: các năm đã công bố",
            years.Count == 0 ? "Chưa có năm nào được công bố." : "Kết quả Chỉ số cải cách hành chính các năm " + string.Join(", ", years.Select(y => y.Year)) + ".",
            PageRoutes.YearsPath);
        return new PageReply(200, Document(head, main.ToString()), true);
    }

    public async Task<PageReply> YearAsync(int year, CancellationToken ct)
    {
        if (await cache.PublishedYearAsync(year, ct).ConfigureAwait(false) is not { } y
            || await api.YearAsync(year, ct).ConfigureAwait(false) is not JsonReply { Body: PublishedYearView view })
            return NotFound();
        var scheme = await schemes.GetAsync(y.Scheme, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Published year {year} names unregistered scheme {y.Scheme}.");
        var format = ScoreFormat.For(scheme);
        var results = PublicApi.Results(y, scheme, await cache.ResultsAsync(y, ct).ConfigureAwait(false), null);
        var previous = await PreviousAsync(year, ct).ConfigureAwait(false);
        var main = new StringBuilder();
        main.Append("<h1>Chỉ số cải cách hành chính năm ").Append(year.ToString(CultureInfo.InvariantCulture)).Append("</h1>\n");
        if (view.Subject is { } subject) main.Append("<p class=\"lead\">").Append(E(subject)).Append("</p>\n");
        if (view.NumberLine is not null || view.PlaceAndDate is not null)
            main.Append("<p>").Append(E(string.Join(", ", new[] { view.NumberLine, view.PlaceAndDate }.Where(s => s is not null)))).Append("</p>\n");
        main.Append(YearLinksHtml(view));
        if (results.Groups.Count > 1)
        {
            main.Append("<nav aria-label=\"Các khối\"><h2>Các khối</h2><ul class=\"links\">");
            foreach (var g in results.Groups) main.Append("<li><a href=\"#khoi-").Append(E(g.Code)).Append("\">").Append(E(g.Name)).Append("</a></li>");
            main.Append("</ul></nav>\n");
        }
        foreach (var g in results.Groups) main.Append(GroupHtml(year, g, scheme, format, previous));
        var head = new Head($"Chỉ số cải cách hành chính năm {year}",
            $"Kết quả, xếp hạng và xếp loại Chỉ số cải cách hành chính năm {year} của {results.Groups.Sum(g => g.Units.Count)} đơn vị, theo {results.Groups.Count} khối.",
            PageRoutes.YearPath(year));
        return new PageReply(200, Document(head, main.ToString(), Crumbs(("Các năm", PageRoutes.YearsPath), ($"Năm {year}", null))), true);
    }

    public async Task<PageReply> UnitAsync(int year, string unit, CancellationToken ct)
    {
        if (await cache.PublishedYearAsync(year, ct).ConfigureAwait(false) is not { } y) return NotFound();
        if (await api.DocumentAsync(year, DocumentStore.UnitJson(unit), "application/json", null, ct).ConfigureAwait(false) is not ContentReply json)
            return NotFound();
        var scheme = await schemes.GetAsync(y.Scheme, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Published year {year} names unregistered scheme {y.Scheme}.");
        using var doc = JsonDocument.Parse(json.Content);
        var main = UnitPage.Render(doc.RootElement, ScoreFormat.For(scheme), year, unit);
        var s = doc.RootElement;
        var name = UnitPage.Str(s, "unitName") ?? unit;
        var head = new Head($"{name}: Chỉ số cải cách hành chính năm {year}",
            $"{name}: chỉ số {UnitPage.Text(s, "index")}, hạng {UnitPage.Int(s, "rank")?.ToString(CultureInfo.InvariantCulture) ?? "—"}/{UnitPage.Int(s, "rankedInGroup")}, xếp loại {UnitPage.Str(s, "band") ?? "chưa xếp loại"}; điểm bị trừ theo lĩnh vực và tiêu chí.",
            PageRoutes.UnitPath(year, unit));
        return new PageReply(200, Document(head, main,
            Crumbs(("Các năm", PageRoutes.YearsPath), ($"Năm {year}", PageRoutes.YearPath(year)), (name, null))), true);
    }

    /// <summary>The one answer for a year, unit or page that does not exist or is not published: nothing tells them apart.</summary>
    public static PageReply NotFound()
    {
        var main = "<h1>Không tìm thấy trang</h1>\n<p>Trang này không có hoặc chưa được công bố.</p>\n<p><a href=\"" + PageRoutes.YearsPath + "\">Xem các năm đã công bố</a></p>\n";
        return new PageReply(404, Document(new Head("Không tìm thấy trang", "Trang này không có hoặc chưa được công bố.", PageRoutes.YearsPath), main), false);
    }

    /// <summary>The previous year's published indices by unit code, when that year is published; else empty.</summary>
    private async Task<IReadOnlyDictionary<string, decimal>> PreviousAsync(int year, CancellationToken ct)
    {
        if (await cache.PublishedYearAsync(year - 1, ct).ConfigureAwait(false) is not { } p) return new Dictionary<string, decimal>();
        return (await cache.ResultsAsync(p, ct).ConfigureAwait(false)).ToDictionary(r => r.UnitCode, r => r.Index, StringComparer.Ordinal);
    }

    private static string YearLinksHtml(PublishedYearView view)
    {
        var l = view.Links;
        var signed = view.Document.Kind == "signed-original";
        var sb = new StringBuilder("<h2>Văn bản và dữ liệu mở</h2>\n<ul class=\"links\">\n");
        sb.Append("<li><a href=\"").Append(E(l.DecisionPdf)).Append("\">").Append(signed ? "Quyết định công bố (bản gốc đã ký, PDF)" : "Quyết định công bố (PDF)").Append("</a></li>\n");
        if (signed) sb.Append("<li><a href=\"").Append(E(view.Document.GeneratedPdf)).Append("\">Bản điện tử do hệ thống tạo (PDF)</a></li>\n");
        sb.Append("<li><a href=\"").Append(E(l.ExportCsv)).Append("\">Dữ liệu mở (CSV)</a></li>\n")
          .Append("<li><a href=\"").Append(E(l.ExportXlsx)).Append("\">Dữ liệu mở (XLSX)</a></li>\n")
          .Append("<li><a href=\"").Append(E(l.ExportJson)).Append("\">Dữ liệu mở (JSON)</a></li>\n")
          .Append("<li><a href=\"/api/openapi/v1.json\">Mô tả API (OpenAPI)</a></li>\n</ul>\n")
          .Append("<p class=\"note\">").Append(E(view.Document.Vi)).Append("</p>\n");
        return sb.ToString();
    }

    private static string GroupHtml(int year, GroupResults g, Scheme scheme, ScoreFormat format, IReadOnlyDictionary<string, decimal> previous)
    {
        var id = "khoi-" + g.Code;
        var table = "bang-" + g.Code;
        var sb = new StringBuilder();
        sb.Append("<section aria-labelledby=\"").Append(E(id)).Append("\">\n<h2 id=\"").Append(E(id)).Append("\">").Append(E(g.Name)).Append("</h2>\n");
        var indices = g.Units.Select(u => u.Index.Value).ToList();
        sb.Append("<ul class=\"stats\">");
        sb.Append("<li>Số đơn vị: ").Append(g.Units.Count.ToString(CultureInfo.InvariantCulture)).Append("</li>");
        if (indices.Count > 0) sb.Append("<li>Chỉ số trung bình của khối: ").Append(E(format.Format(indices.Average()))).Append("</li>");
        foreach (var band in scheme.BandsFor(g.Code).Bands)
            sb.Append("<li>").Append(E(band.Name)).Append(": ").Append(g.Units.Count(u => u.Band == band.Name).ToString(CultureInfo.InvariantCulture)).Append("</li>");
        var unbanded = g.Units.Count(u => u.Band is null);
        if (unbanded > 0) sb.Append("<li>Chưa xếp loại: ").Append(unbanded.ToString(CultureInfo.InvariantCulture)).Append("</li>");
        sb.Append("</ul>\n");
        sb.Append("<div class=\"search\" data-search-for=\"").Append(E(table)).Append("\" hidden><label for=\"tim-").Append(E(g.Code))
          .Append("\">Tìm đơn vị trong khối</label><input id=\"tim-").Append(E(g.Code)).Append("\" type=\"search\" autocomplete=\"off\">")
          .Append("<p role=\"status\" aria-live=\"polite\"></p></div>\n");
        sb.Append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Bảng kết quả ").Append(E(g.Name)).Append("\"><table id=\"").Append(E(table)).Append("\" data-sortable>\n<caption>Kết quả ").Append(E(g.Name)).Append(" năm ")
          .Append(year.ToString(CultureInfo.InvariantCulture)).Append(", theo thứ hạng</caption>\n<thead><tr>")
          .Append("<th scope=\"col\" class=\"num\" data-sort=\"num\">Hạng</th><th scope=\"col\" data-sort=\"text\">Đơn vị</th>")
          .Append("<th scope=\"col\" class=\"num\" data-sort=\"num\">Chỉ số</th><th scope=\"col\" data-sort=\"text\">Xếp loại</th>");
        if (previous.Count > 0) sb.Append("<th scope=\"col\" class=\"num\" data-sort=\"num\">So với năm ").Append((year - 1).ToString(CultureInfo.InvariantCulture)).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var u in g.Units)
        {
            sb.Append("<tr data-name=\"").Append(E(u.Name)).Append("\"><td class=\"num\" data-value=\"").Append(u.Rank?.ToString(CultureInfo.InvariantCulture) ?? "")
              .Append("\">").Append(u.Rank?.ToString(CultureInfo.InvariantCulture) ?? "—").Append("</td>")
              .Append("<th scope=\"row\"><a href=\"").Append(E(PageRoutes.UnitPath(year, u.Unit))).Append("\">").Append(E(u.Name)).Append("</a></th>")
              .Append("<td class=\"num\" data-value=\"").Append(u.Index.Value.ToString(CultureInfo.InvariantCulture)).Append("\">").Append(E(u.Index.Text)).Append("</td>")
              .Append("<td>").Append(E(u.Band ?? "Chưa xếp loại")).Append("</td>");
            if (previous.Count > 0)
            {
                if (previous.TryGetValue(u.Unit, out var before))
                {
                    var change = u.Index.Value - before;
                    var text = format.FormatChange(change);
                    var word = format.Round(change) > 0 ? "tăng" : format.Round(change) < 0 ? "giảm" : "không đổi";
                    sb.Append("<td class=\"num ").Append(change > 0 ? "up" : change < 0 ? "down" : "").Append("\" data-value=\"").Append(change.ToString(CultureInfo.InvariantCulture))
                      .Append("\">").Append(E(text)).Append(" <span class=\"sr\">(").Append(word).Append(")</span></td>");
                }
                else sb.Append("<td class=\"num\" data-value=\"\">—</td>");
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table></div>\n");
        var max = indices.Count > 0 && indices.Max() > 100 ? indices.Max() : 100m;
        sb.Append("<figure><figcaption id=\"bd-").Append(E(g.Code)).Append("-c\">Biểu đồ chỉ số ").Append(E(g.Name)).Append(" (số liệu ở bảng trên)</figcaption>\n")
          .Append(BarChart.Render("bd-" + g.Code, $"Chỉ số {g.Name} năm {year}, theo thứ hạng",
              g.Units.Select(u => new BarChart.Bar((u.Rank is { } r ? r.ToString(CultureInfo.InvariantCulture) + ". " : "") + u.Name, u.Index.Value, u.Index.Text)).ToList(), max, table))
          .Append("</figure>\n</section>\n");
        return sb.ToString();
    }

    /// <summary>A moment in Vietnam time (giờ Việt Nam), e.g. "14:05 ngày 30/11/2026".</summary>
    internal static string DateTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Vietnam).ToString("HH:mm 'ngày' dd/MM/yyyy", Vi) + " (giờ Việt Nam)";

    internal static string Date(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Vietnam).ToString("dd/MM/yyyy", Vi);
}
