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
    public sealed record Head(string Title, string Description, string Path);

    /// <summary>The whole document: head with preview tags, skip link, header navigation, the main content and the footer.</summary>
    public static string Document(Head head, string main, string breadcrumb = "")
    {
        var sb = new StringBuilder(main.Length + 8192);
        sb.Append("<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>").Append(E(head.Title)).Append("</title>\n")
          .Append("<meta name=\"description\" content=\"").Append(E(head.Description)).Append("\">\n")
          .Append("<meta property=\"og:type\" content=\"website\">\n")
          .Append("<meta property=\"og:locale\" content=\"vi_VN\">\n")
          .Append("<meta property=\"og:site_name\" content=\"Chỉ số cải cách hành chính (PAR INDEX)\">\n")
          .Append("<meta property=\"og:title\" content=\"").Append(E(head.Title)).Append("\">\n")
          .Append("<meta property=\"og:description\" content=\"").Append(E(head.Description)).Append("\">\n")
          .Append("<meta property=\"og:url\" content=\"").Append(E(head.Path)).Append("\">\n")
          .Append("<style>").Append(PageAssets.Css).Append("</style>\n</head>\n<body>\n")
          .Append("<a class=\"skip\" href=\"#noi-dung\">Bỏ qua, đến nội dung chính</a>\n")
          .Append("<header class=\"site\"><div class=\"wrap\"><a class=\"brand\" href=\"").Append(PageRoutes.YearsPath)
          .Append("\">Chỉ số cải cách hành chính</a>")
          .Append("<nav aria-label=\"Liên kết chính\"><ul><li><a href=\"").Append(PageRoutes.YearsPath).Append("\">Các năm đã công bố</a></li>")
          .Append("<li><a href=\"/api/openapi/v1.json\">Mô tả API (OpenAPI)</a></li></ul></nav></div></header>\n");
        if (breadcrumb.Length > 0) sb.Append("<nav class=\"crumbs wrap\" aria-label=\"Vị trí\">").Append(breadcrumb).Append("</nav>\n");
        sb.Append("<main id=\"noi-dung\" class=\"wrap\" tabindex=\"-1\">\n").Append(main).Append("</main>\n")
          .Append("<footer class=\"site\"><div class=\"wrap\"><p>Số liệu công khai theo Quyết định công bố Chỉ số cải cách hành chính. ")
          .Append("Dữ liệu mở và API: xem <a href=\"/api/openapi/v1.json\">mô tả API</a>.</p></div></footer>\n")
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
