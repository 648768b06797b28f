using System.Text;

namespace ParServerless.Pipeline.Pages;

/// <summary>HTML text building: every value from data goes through <see cref="E"/> (text and attribute values alike).</summary>
public static class Html
{
    /// <summary>Encodes text for an element or a quoted attribute. Vietnamese letters stay as they are (the page is UTF-8).</summary>
    public static string E(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ when char.IsControl(c) && c is not '\n' and not '\t' => "",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    /// <summary>What the page's head says about it: the title, a description and the link preview (Open Graph).</summary>
    /// <param name="Image">Path of the preview image (a group's chart), or null.</param>
    /// <param name="Alternate">Path of the same page in the other language, or null when there is none.</param>
    public sealed record Head(string Title, string Description, string Path, string? Image = null, string? Alternate = null);

    /// <summary>The whole document in Vietnamese (the agency desk, the not-found page).</summary>
    public static string Document(Head head, string main, string breadcrumb = "") => Document(head, main, breadcrumb, Lang.Vietnamese, "");

    /// <summary>
    /// The whole document: head with preview tags, skip link, header navigation (with the link to the other language), the
    /// main content and the footer. <paramref name="origin"/> (scheme and host, e.g. "https://par.example") makes the
    /// preview's URLs absolute, as link previews need; empty leaves them relative.
    /// </summary>
    internal static string Document(Head head, string main, string breadcrumb, Lang l, string origin)
    {
        var sb = new StringBuilder(main.Length + 8192);
        sb.Append("<!doctype html>\n<html lang=\"").Append(l.Code).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>").Append(E(head.Title)).Append("</title>\n")
          .Append("<meta name=\"description\" content=\"").Append(E(head.Description)).Append("\">\n")
          .Append("<meta property=\"og:type\" content=\"website\">\n")
          .Append("<meta property=\"og:locale\" content=\"").Append(l.OgLocale).Append("\">\n")
          .Append("<meta property=\"og:site_name\" content=\"").Append(l.T("Chỉ số cải cách hành chính (PAR INDEX)", "Public Administration Reform Index (PAR INDEX)")).Append("\">\n")
          .Append("<meta property=\"og:title\" content=\"").Append(E(head.Title)).Append("\">\n")
          .Append("<meta property=\"og:description\" content=\"").Append(E(head.Description)).Append("\">\n")
          .Append("<meta property=\"og:url\" content=\"").Append(E(origin + head.Path)).Append("\">\n");
        if (head.Image is not null)
            sb.Append("<meta property=\"og:image\" content=\"").Append(E(origin + head.Image)).Append("\">\n")
              .Append("<meta property=\"og:image:type\" content=\"image/png\">\n")
              .Append("<meta property=\"og:image:width\" content=\"").Append(ChartImage.Width).Append("\">\n")
              .Append("<meta property=\"og:image:height\" content=\"").Append(ChartImage.Height).Append("\">\n")
              .Append("<meta property=\"og:image:alt\" content=\"").Append(E(l.T("Biểu đồ chỉ số của khối, theo thứ hạng", "Chart of the group's indices, in rank order"))).Append("\">\n")
              .Append("<meta name=\"twitter:card\" content=\"summary_large_image\">\n");
        if (head.Alternate is not null)
            sb.Append("<link rel=\"alternate\" hreflang=\"").Append(l.Other.Code).Append("\" href=\"").Append(E(head.Alternate)).Append("\">\n");
        sb.Append("<style>").Append(PageAssets.Css).Append("</style>\n</head>\n<body>\n")
          .Append("<a class=\"skip\" href=\"#noi-dung\">").Append(l.T("Bỏ qua, đến nội dung chính", "Skip to the main content")).Append("</a>\n")
          .Append("<header class=\"site\"><div class=\"wrap\"><a class=\"brand\" href=\"").Append(l.YearsPath)
          .Append("\">").Append(l.T("Chỉ số cải cách hành chính", "Public Administration Reform Index")).Append("</a>")
          .Append("<nav aria-label=\"").Append(l.T("Liên kết chính", "Main links")).Append("\"><ul><li><a href=\"").Append(l.YearsPath).Append("\">")
          .Append(l.T("Các năm đã công bố", "Published years")).Append("</a></li>")
          .Append("<li><a href=\"/api/openapi/v1.json\">").Append(l.T("Mô tả API (OpenAPI)", "API description (OpenAPI)")).Append("</a></li>");
        if (head.Alternate is not null)
            sb.Append("<li><a href=\"").Append(E(head.Alternate)).Append("\" hreflang=\"").Append(l.Other.Code).Append("\" lang=\"").Append(l.Other.Code).Append("\">")
              .Append(l.IsEnglish ? "Tiếng Việt" : "English").Append("</a></li>");
        sb.Append("</ul></nav></div></header>\n");
        if (breadcrumb.Length > 0) sb.Append("<nav class=\"crumbs wrap\" aria-label=\"").Append(l.T("Vị trí", "You are here")).Append("\">").Append(breadcrumb).Append("</nav>\n");
        sb.Append("<main id=\"noi-dung\" class=\"wrap\" tabindex=\"-1\">\n").Append(main).Append("</main>\n")
          .Append("<footer class=\"site\"><div class=\"wrap\"><p>")
          .Append(l.T("Số liệu công khai theo Quyết định công bố Chỉ số cải cách hành chính. Dữ liệu mở và API: xem <a href=\"/api/openapi/v1.json\">mô tả API</a>.",
              "Figures as published in the Decision announcing the PAR Index. Open data and API: see the <a href=\"/api/openapi/v1.json\">API description</a>."))
          .Append("</p></div></footer>\n")
          .Append("<script>").Append(PageAssets.Script).Append("</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>A breadcrumb trail; the last item is the current page.</summary>
    public static string Crumbs(params (string Text, string? Href)[] items)
    {
        var sb = new StringBuilder("<ol>");
        foreach (var (text, href) in items)
        {
            sb.Append("<li>");
            if (href is null) sb.Append("<span aria-current=\"page\">").Append(E(text)).Append("</span>");
            else sb.Append("<a href=\"").Append(E(href)).Append("\">").Append(E(text)).Append("</a>");
            sb.Append("</li>");
        }
        return sb.Append("</ol>").ToString();
    }
}
