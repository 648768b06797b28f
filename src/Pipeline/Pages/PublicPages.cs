using System.Collections.Concurrent;
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
/// The public pages (trang công khai): the years published, a year's results per group, a unit's working sheet, in
/// Vietnamese and in English, and the group charts as PNG for link previews. They read only through
/// <see cref="PublishedCache"/> and <see cref="PublicApi"/>, so the embargo is the API's: a year that is not published
/// renders the very page a year that does not exist renders (<see cref="NotFound()"/>).
/// </summary>
/// <remarks>
/// A published year's content never changes (it is named by its hash), so a page's content is rendered once per published
/// hash, signed original and language, and kept for the process's life, like the API's JSON bodies. Only the absolute
/// preview URLs (which name the request's host) are added per request. Nothing is kept for an unpublished or unknown year
/// or unit, so what is kept is bounded by what has been published.
/// </remarks>
public sealed class PublicPages(PublishedCache cache, SchemeStore schemes, PublicApi api)
{
    private readonly ConcurrentDictionary<(int Year, string Hash, string Key), Rendered> _rendered = new();

    /// <summary>
    /// A page's content, without the request's host; and the whole page as UTF-8 for the last host it was asked through
    /// (one deployment answers under one name, so this is nearly always a hit, and it stays one slot whatever the requests).
    /// </summary>
    private sealed class Rendered(Head head, string main, string crumbs)
    {
        private sealed record Encoded(string Origin, byte[] Bytes);

        private Encoded? _last;

        public byte[] Bytes(Lang l, string origin)
        {
            var last = Volatile.Read(ref _last);
            if (last is not null && string.Equals(last.Origin, origin, StringComparison.Ordinal)) return last.Bytes;
            var bytes = Encoding.UTF8.GetBytes(Document(head, main, crumbs, l, origin));
            Volatile.Write(ref _last, new Encoded(origin, bytes));
            return bytes;
        }
    }

    public Task<PageReply> YearsAsync(CancellationToken ct) => YearsAsync(PageLanguage.Vietnamese, "", ct);

    public Task<PageReply> YearAsync(int year, CancellationToken ct) => YearAsync(year, PageLanguage.Vietnamese, "", ct);

    public Task<PageReply> UnitAsync(int year, string unit, CancellationToken ct) => UnitAsync(year, unit, PageLanguage.Vietnamese, "", ct);

    public async Task<PageReply> YearsAsync(PageLanguage language, string origin, CancellationToken ct)
    {
        var l = new Lang(language);
        var years = (await cache.PublishedYearsAsync(ct).ConfigureAwait(false)).OrderByDescending(y => y.Year).ToList();
        var main = new StringBuilder("<h1>").Append(l.T("Chỉ số cải cách hành chính: các năm đã công bố", "Public Administration Reform Index: published years")).Append("</h1>\n");
        main.Append("<p class=\"lead\">").Append(l.T(
            "Kết quả xác định Chỉ số cải cách hành chính (PAR INDEX) của các sở, ban, ngành và địa phương, theo từng năm đã công bố.",
            "The Public Administration Reform Index (PAR INDEX) of the province's departments and districts, for each year published.")).Append("</p>\n");
        if (years.Count == 0) main.Append("<p>").Append(l.T("Chưa có năm nào được công bố.", "No year has been published yet.")).Append("</p>\n");
        else
        {
            main.Append("<ul class=\"years\">\n");
            foreach (var y in years)
            {
                main.Append("<li><a href=\"").Append(l.YearPath(y.Year)).Append("\">").Append(l.T("Năm ", "Year ")).Append(l.Int(y.Year)).Append("</a>");
                if (y.PublishedAt is { } at) main.Append(l.T(" (công bố ngày ", " (published on ")).Append(E(l.Date(at))).Append(')');
                main.Append("</li>\n");
            }
            main.Append("</ul>\n");
        }
        var head = new Head(l.T("Chỉ số cải cách hành chính: các năm đã công bố", "Public Administration Reform Index: published years"),
            years.Count == 0 ? l.T("Chưa có năm nào được công bố.", "No year has been published yet.")
                : l.T("Kết quả Chỉ số cải cách hành chính các năm ", "Public Administration Reform Index results for ") + string.Join(", ", years.Select(y => y.Year)) + ".",
            l.YearsPath, null, l.Other.YearsPath);
        return new PageReply(200, Document(head, main.ToString(), "", l, origin), true);
    }

    public async Task<PageReply> YearAsync(int year, PageLanguage language, string origin, CancellationToken ct)
    {
        var l = new Lang(language);
        if (await cache.PublishedYearAsync(year, ct).ConfigureAwait(false) is not { } y) return NotFound(l);
        var key = "year/" + l.Code + "/" + (y.SignedDecision?.Sha256 ?? "");
        if (!_rendered.TryGetValue((year, y.PublishedHash!, key), out var page))
        {
            if (await RenderYearAsync(y, l, ct).ConfigureAwait(false) is not { } rendered) return NotFound(l);
            page = _rendered.GetOrAdd((year, y.PublishedHash!, key), rendered);
        }
        return new PageReply(200, page.Bytes(l, origin), true);
    }

    private async Task<Rendered?> RenderYearAsync(YearRecord y, Lang l, CancellationToken ct)
    {
        var year = y.Year;
        if (await api.YearAsync(year, ct).ConfigureAwait(false) is not JsonReply { Body: PublishedYearView view }) return null;
        var scheme = await SchemeAsync(y, ct).ConfigureAwait(false);
        var format = ScoreFormat.For(scheme);
        var results = PublicApi.Results(y, scheme, await cache.ResultsAsync(y, ct).ConfigureAwait(false), null);
        var changes = ChangeColumn.FromDecision(await cache.DocumentAsync(y, DocumentStore.DecisionJson, ct).ConfigureAwait(false));
        var main = new StringBuilder();
        main.Append("<h1>").Append(l.T("Chỉ số cải cách hành chính năm ", "Public Administration Reform Index ")).Append(l.Int(year)).Append("</h1>\n");
        if (view.Subject is { } subject) main.Append("<p class=\"lead\">").Append(l.IsEnglish ? "Decision: " : "").Append(E(subject)).Append("</p>\n");
        if (view.NumberLine is not null || view.PlaceAndDate is not null)
            main.Append("<p>").Append(E(string.Join(", ", new[] { view.NumberLine, view.PlaceAndDate }.Where(s => s is not null)))).Append("</p>\n");
        main.Append(YearLinksHtml(view, l));
        if (results.Groups.Count > 1)
        {
            main.Append("<nav aria-label=\"").Append(l.T("Các khối", "Groups")).Append("\"><h2>").Append(l.T("Các khối", "Groups")).Append("</h2><ul class=\"links\">");
            foreach (var g in results.Groups) main.Append("<li><a href=\"#khoi-").Append(E(g.Code)).Append("\">").Append(E(g.Name)).Append("</a></li>");
            main.Append("</ul></nav>\n");
        }
        foreach (var g in results.Groups) main.Append(GroupHtml(year, g, scheme, format, changes, l));
        var units = results.Groups.Sum(g => g.Units.Count);
        var head = new Head(l.T($"Chỉ số cải cách hành chính năm {year}", $"Public Administration Reform Index {year}"),
            l.T($"Kết quả, xếp hạng và xếp loại Chỉ số cải cách hành chính năm {year} của {units} đơn vị, theo {results.Groups.Count} khối.",
                $"Results, ranks and bands of the {year} Public Administration Reform Index for {units} units, in {results.Groups.Count} groups."),
            l.YearPath(year), results.Groups.Count > 0 ? l.ChartPath(year, results.Groups[0].Code) : null, l.Other.YearPath(year));
        return new Rendered(head, main.ToString(), Crumbs((l.T("Các năm", "Years"), l.YearsPath), (l.T($"Năm {year}", $"Year {year}"), null)));
    }

    public async Task<PageReply> UnitAsync(int year, string unit, PageLanguage language, string origin, CancellationToken ct)
    {
        var l = new Lang(language);
        if (await cache.PublishedYearAsync(year, ct).ConfigureAwait(false) is not { } y) return NotFound(l);
        var key = "unit/" + l.Code + "/" + unit;
        if (!_rendered.TryGetValue((year, y.PublishedHash!, key), out var page))
        {
            if (await RenderUnitAsync(y, unit, l, ct).ConfigureAwait(false) is not { } rendered) return NotFound(l);
            page = _rendered.GetOrAdd((year, y.PublishedHash!, key), rendered);
        }
        return new PageReply(200, page.Bytes(l, origin), true);
    }

    private async Task<Rendered?> RenderUnitAsync(YearRecord y, string unit, Lang l, CancellationToken ct)
    {
        var year = y.Year;
        if (await api.DocumentAsync(year, DocumentStore.UnitJson(unit), "application/json", null, ct).ConfigureAwait(false) is not ContentReply json)
            return null;
        var scheme = await SchemeAsync(y, ct).ConfigureAwait(false);
        using var doc = JsonDocument.Parse(json.Content);
        var s = doc.RootElement;
        var format = ScoreFormat.For(scheme);
        var main = UnitPage.Render(s, format, year, unit, l);
        var name = UnitPage.Str(s, "unitName") ?? unit;
        var index = UnitPage.Num(s, "index", format, l);
        var rank = UnitPage.Int(s, "rank") is { } r ? l.Int(r) : "—";
        var of = UnitPage.Int(s, "rankedInGroup") is { } n ? l.Int(n) : "—";
        var band = UnitPage.Str(s, "band");
        var head = new Head(l.T($"{name}: Chỉ số cải cách hành chính năm {year}", $"{name}: Public Administration Reform Index {year}"),
            l.T($"{name}: chỉ số {index}, hạng {rank}/{of}, xếp loại {band ?? "chưa xếp loại"}; điểm bị trừ theo lĩnh vực và tiêu chí.",
                $"{name}: index {index}, rank {rank} of {of}, band {band ?? "not banded"}; points lost by area and criterion."),
            l.UnitPath(year, unit), UnitPage.Str(s, "group") is { } group ? l.ChartPath(year, group) : null, l.Other.UnitPath(year, unit));
        return new Rendered(head, main, Crumbs((l.T("Các năm", "Years"), l.YearsPath), (l.T($"Năm {year}", $"Year {year}"), l.YearPath(year)), (name, null)));
    }

    /// <summary>A group's chart as a PNG (the Open Graph image), or null when the year is not published or has no such group.</summary>
    public async Task<byte[]?> ChartAsync(int year, string group, PageLanguage language, CancellationToken ct)
    {
        var l = new Lang(language);
        if (await cache.PublishedYearAsync(year, ct).ConfigureAwait(false) is not { } y) return null;
        var scheme = await SchemeAsync(y, ct).ConfigureAwait(false);
        if (!scheme.Groups.Any(g => string.Equals(g.Code, group, StringComparison.Ordinal))) return null;
        var results = PublicApi.Results(y, scheme, await cache.ResultsAsync(y, ct).ConfigureAwait(false), group);
        if (results.Groups is not [var g]) return null;
        return cache.Rendered(y, "page-chart/" + l.Code + "/" + group, () => ChartImage.Render(g, scheme, year, l));
    }

    /// <summary>The one answer for a year, unit or page that does not exist or is not published: nothing tells them apart.</summary>
    public static PageReply NotFound() => NotFound(Lang.Vietnamese);

    public static PageReply NotFound(PageLanguage language) => NotFound(new Lang(language));

    private static readonly PageReply NotFoundVietnamese = RenderNotFound(Lang.Vietnamese);
    private static readonly PageReply NotFoundEnglish = RenderNotFound(Lang.English);

    private static PageReply NotFound(Lang l) => l.IsEnglish ? NotFoundEnglish : NotFoundVietnamese;

    private static PageReply RenderNotFound(Lang l)
    {
        var main = "<h1>" + l.T("Không tìm thấy trang", "Page not found") + "</h1>\n<p>" + l.T("Trang này không có hoặc chưa được công bố.", "This page does not exist or has not been published.") +
                   "</p>\n<p><a href=\"" + l.YearsPath + "\">" + l.T("Xem các năm đã công bố", "See the published years") + "</a></p>\n";
        return new PageReply(404, Document(new Head(l.T("Không tìm thấy trang", "Page not found"), l.T("Trang này không có hoặc chưa được công bố.", "This page does not exist or has not been published."), l.YearsPath), main, "", l, ""), false);
    }

    private async Task<Scheme> SchemeAsync(YearRecord y, CancellationToken ct) =>
        await schemes.GetAsync(y.Scheme, ct).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"Published year {y.Year} names unregistered scheme {y.Scheme}.");

    private static string YearLinksHtml(PublishedYearView view, Lang l)
    {
        var links = view.Links;
        var signed = view.Document.Kind == "signed-original";
        var sb = new StringBuilder("<h2>").Append(l.T("Văn bản và dữ liệu mở", "Documents and open data")).Append("</h2>\n<ul class=\"links\">\n");
        sb.Append("<li><a href=\"").Append(E(links.DecisionPdf)).Append("\">")
          .Append(signed ? l.T("Quyết định công bố (bản gốc đã ký, PDF)", "The Decision (signed original, PDF, Vietnamese)") : l.T("Quyết định công bố (PDF)", "The Decision (PDF, Vietnamese)")).Append("</a></li>\n");
        if (signed) sb.Append("<li><a href=\"").Append(E(view.Document.GeneratedPdf)).Append("\">").Append(l.T("Bản điện tử do hệ thống tạo (PDF)", "The text generated by the system (PDF)")).Append("</a></li>\n");
        sb.Append("<li><a href=\"").Append(E(links.ExportCsv)).Append("\">").Append(l.T("Dữ liệu mở (CSV)", "Open data (CSV)")).Append("</a></li>\n")
          .Append("<li><a href=\"").Append(E(links.ExportXlsx)).Append("\">").Append(l.T("Dữ liệu mở (XLSX)", "Open data (XLSX)")).Append("</a></li>\n")
          .Append("<li><a href=\"").Append(E(links.ExportJson)).Append("\">").Append(l.T("Dữ liệu mở (JSON)", "Open data (JSON)")).Append("</a></li>\n")
          .Append("<li><a href=\"/api/openapi/v1.json\">").Append(l.T("Mô tả API (OpenAPI)", "API description (OpenAPI)")).Append("</a></li>\n</ul>\n")
          .Append("<p class=\"note\">").Append(E(l.T(view.Document.Vi, view.Document.En))).Append("</p>\n");
        return sb.ToString();
    }

    private static string GroupHtml(int year, GroupResults g, Scheme scheme, ScoreFormat format, IReadOnlyDictionary<string, UnitChange> changes, Lang l)
    {
        var id = "khoi-" + g.Code;
        var table = "bang-" + g.Code;
        var sb = new StringBuilder();
        sb.Append("<section aria-labelledby=\"").Append(E(id)).Append("\">\n<h2 id=\"").Append(E(id)).Append("\">").Append(E(g.Name)).Append("</h2>\n");
        var indices = g.Units.Select(u => u.Index.Value).ToList();
        sb.Append("<ul class=\"stats\">");
        sb.Append("<li>").Append(l.T("Số đơn vị: ", "Units: ")).Append(l.Int(g.Units.Count)).Append("</li>");
        if (indices.Count > 0) sb.Append("<li>").Append(l.T("Chỉ số trung bình của khối: ", "Group average index: ")).Append(E(l.Number(format, indices.Average()))).Append("</li>");
        foreach (var band in scheme.BandsFor(g.Code).Bands)
            sb.Append("<li>").Append(E(band.Name)).Append(": ").Append(l.Int(g.Units.Count(u => u.Band == band.Name))).Append("</li>");
        var unbanded = g.Units.Count(u => u.Band is null);
        if (unbanded > 0) sb.Append("<li>").Append(l.T("Chưa xếp loại: ", "Not banded: ")).Append(l.Int(unbanded)).Append("</li>");
        sb.Append("</ul>\n");
        sb.Append("<div class=\"search\" data-search-for=\"").Append(E(table)).Append("\" hidden><label for=\"tim-").Append(E(g.Code))
          .Append("\">").Append(l.T("Tìm đơn vị trong khối", "Find a unit in the group")).Append("</label><input id=\"tim-").Append(E(g.Code)).Append("\" type=\"search\" autocomplete=\"off\">")
          .Append("<p role=\"status\" aria-live=\"polite\" data-found=\"").Append(l.T("Tìm thấy {n} đơn vị.", "{n} units found.")).Append("\"></p></div>\n");
        var previousYear = ChangeColumn.PreviousYear(changes);
        sb.Append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"").Append(l.T("Bảng kết quả ", "Results table: ")).Append(E(g.Name)).Append("\"><table id=\"").Append(E(table)).Append("\" data-sortable>\n<caption>")
          .Append(l.T("Kết quả ", "Results of ")).Append(E(g.Name)).Append(l.T(" năm ", ", ")).Append(l.Int(year)).Append(l.T(", theo thứ hạng", ", in rank order")).Append("</caption>\n<thead><tr>")
          .Append("<th scope=\"col\" class=\"num\" data-sort=\"num\">").Append(l.T("Hạng", "Rank")).Append("</th><th scope=\"col\" data-sort=\"text\">").Append(l.T("Đơn vị", "Unit")).Append("</th>")
          .Append("<th scope=\"col\" class=\"num\" data-sort=\"num\">").Append(l.T("Chỉ số", "Index")).Append("</th><th scope=\"col\" data-sort=\"text\">").Append(l.T("Xếp loại", "Band")).Append("</th>");
        if (previousYear is { } py) sb.Append(ChangeColumn.Header(l, py));
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var u in g.Units)
        {
            sb.Append("<tr data-name=\"").Append(E(u.Name)).Append("\"><td class=\"num\" data-value=\"").Append(u.Rank?.ToString(CultureInfo.InvariantCulture) ?? "")
              .Append("\">").Append(u.Rank is { } rank ? l.Int(rank) : "—").Append("</td>")
              .Append("<th scope=\"row\"><a href=\"").Append(E(l.UnitPath(year, u.Unit))).Append("\">").Append(E(u.Name)).Append("</a></th>")
              .Append("<td class=\"num\" data-value=\"").Append(u.Index.Value.ToString(CultureInfo.InvariantCulture)).Append("\">").Append(E(l.Number(format, u.Index.Value))).Append("</td>")
              .Append("<td>").Append(E(u.Band ?? l.T("Chưa xếp loại", "Not banded"))).Append("</td>");
            if (previousYear is not null) sb.Append(ChangeColumn.Cell(l, format, changes.GetValueOrDefault(u.Unit)));
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table></div>\n");
        var max = indices.Count > 0 && indices.Max() > 100 ? indices.Max() : 100m;
        sb.Append("<figure><figcaption id=\"bd-").Append(E(g.Code)).Append("-c\">").Append(l.T("Biểu đồ chỉ số ", "Chart of the indices: ")).Append(E(g.Name))
          .Append(l.T(" (số liệu ở bảng trên)", " (figures in the table above)")).Append("</figcaption>\n")
          .Append(BarChart.Render("bd-" + g.Code, l.T($"Chỉ số {g.Name} năm {year}, theo thứ hạng", $"Indices of {g.Name}, {year}, in rank order"),
              g.Units.Select(u => new BarChart.Bar((u.Rank is { } r ? l.Int(r) + ". " : "") + u.Name, u.Index.Value, l.Number(format, u.Index.Value))).ToList(), max, table))
          .Append("</figure>\n</section>\n");
        return sb.ToString();
    }

    /// <summary>A moment in Vietnam time (giờ Việt Nam), e.g. "14:05 ngày 30/11/2026".</summary>
    internal static string DateTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.GetCultureInfo("vi-VN")) + " (giờ Việt Nam)";
}
