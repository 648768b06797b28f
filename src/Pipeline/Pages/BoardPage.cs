using System.Globalization;
using System.Text;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Api.Contracts;
using ParServerless.Pipeline.Problems;
using ParServerless.Pipeline.Publication;
using static ParServerless.Pipeline.Pages.Html;

namespace ParServerless.Pipeline.Pages;

/// <summary>
/// Sở Nội vụ's board (bảng theo dõi của Sở Nội vụ), signed in with the admin key (kept in an HttpOnly, SameSite=Strict session
/// cookie, never in a URL): per round who has submitted, who was rejected and why, who is missing and the time to the
/// deadline (<see cref="StatusBoard"/>); the draft results per group (<see cref="AdminApi.PreviewAsync"/>); and the
/// publication checklist in the words of the publish route's refusals, with the publish button behind a confirmation.
/// </summary>
public sealed class BoardPage(StatusBoard board, AdminApi admin, PublicationJobStore jobs)
{
    /// <summary>The session cookie holding the admin key, scoped to the board's path.</summary>
    public const string Cookie = "par_so_noi_vu";

    /// <summary>The form field that confirms publication (a required checkbox, checked again by the server).</summary>
    public const string ConfirmField = "xac-nhan";

    public static PageReply SignIn(int year, string? error = null)
    {
        var sb = new StringBuilder();
        sb.Append("<h1>Bảng theo dõi năm ").Append(Y(year)).Append(" của Sở Nội vụ</h1>\n");
        if (error is not null) sb.Append("<p class=\"note\" role=\"alert\">").Append(E(error)).Append("</p>\n");
        sb.Append("<form method=\"post\" action=\"").Append(PageRoutes.BoardPath(year)).Append("/dang-nhap\">\n")
          .Append("<p><label for=\"khoa\">Khóa quản trị</label><br><input id=\"khoa\" name=\"khoa\" type=\"password\" required autocomplete=\"current-password\"></p>\n")
          .Append("<p><button type=\"submit\">Đăng nhập</button></p>\n</form>\n");
        return new PageReply(error is null ? 200 : 401, Document(Head(year, "Đăng nhập bằng khóa quản trị để theo dõi tiến độ nộp hồ sơ."), sb.ToString()), false);
    }

    /// <param name="result">HTML to show above the board: the answer of a publication.</param>
    public async Task<PageReply> BoardAsync(int year, string? result, CancellationToken ct)
    {
        if (await board.BuildAsync(year, ct).ConfigureAwait(false) is not { } view)
            return new PageReply(404, Document(Head(year, "Chưa có năm này."), "<h1>Chưa có năm " + Y(year) + "</h1>\n<p>Năm này chưa được mở để đánh giá.</p>\n"), false);
        var sb = new StringBuilder();
        sb.Append("<h1>Bảng theo dõi năm ").Append(Y(year)).Append("</h1>\n")
          .Append("<form method=\"post\" action=\"").Append(PageRoutes.BoardPath(year)).Append("/dang-xuat\"><button type=\"submit\">Đăng xuất</button></form>\n")
          .Append("<p class=\"lead\">").Append(view.Units.ToString(CultureInfo.InvariantCulture)).Append(" đơn vị được đánh giá; ")
          .Append(view.Status == "Published" ? "kết quả đã công bố" : "chưa công bố").Append(". Cập nhật lúc ").Append(E(PublicPages.DateTime(view.Now))).Append(".</p>\n");
        if (result is not null) sb.Append(result);
        sb.Append("<nav aria-label=\"Trong trang\"><ul class=\"links\"><li><a href=\"#cac-dot\">Các đợt nộp</a></li><li><a href=\"#ket-qua-tam\">Kết quả dự thảo</a></li>")
          .Append("<li><a href=\"#cong-bo\">Điều kiện công bố</a></li></ul></nav>\n");
        sb.Append("<h2 id=\"cac-dot\">Các đợt nộp</h2>\n");
        foreach (var round in view.Rounds) Round(sb, round, view.Units);
        sb.Append(await DraftAsync(year, ct).ConfigureAwait(false));
        Checklist(sb, year, view.Checklist);
        Publications(sb, (await jobs.ListAsync(year, ct).ConfigureAwait(false)).Take(3));
        return new PageReply(200, Document(Head(year, "Tiến độ nộp hồ sơ, kết quả dự thảo và điều kiện công bố."), sb.ToString()), false);
    }

    /// <summary>
    /// Publishes through the publish route's own operation. What the checklist shows unmet is answered at once, in the same
    /// words, without queuing a job bound to be refused; otherwise the job is queued and its progress shows on the board.
    /// </summary>
    public async Task<string> PublishAsync(int year, bool confirmed, CancellationToken ct)
    {
        if (!confirmed)
            return "<section class=\"note\" role=\"alert\"><h2>Chưa công bố</h2><p>Hãy đánh dấu ô xác nhận trước khi công bố.</p></section>\n";
        if (await board.BuildAsync(year, ct).ConfigureAwait(false) is { Checklist: { Ready: false, Published: false, Refusals: [var first, ..] } })
            return Refused(first.Code, first.Vi, first.Problems.Select(p => (p.Code, p.Vi)));
        var reply = await admin.GenerateAsync(year, publish: true, ct).ConfigureAwait(false);
        return reply switch
        {
            RefusalReply r => Refused(r.Refusal.Code, r.Refusal.Vietnamese, (r.Refusal.Problems ?? []).Select(p => (p.Code, p.Vietnamese))),
            // The status URL is an admin API route (a key in a header, which a browser form cannot send): the board shows the job instead.
            JsonReply { Status: 202 } => "<section class=\"note\" role=\"status\" aria-labelledby=\"tra-loi\"><h2 id=\"tra-loi\">Đã nhận yêu cầu công bố</h2>" +
                "<p>Việc công bố đang chạy nền. Tiến độ ở mục <a href=\"#luot-cong-bo\">Lượt công bố</a>; tải lại trang để cập nhật.</p></section>\n",
            _ => "<section class=\"note\" role=\"status\"><h2>Đã gửi yêu cầu công bố</h2></section>\n",
        };
    }

    private static string Refused(string code, string vi, IEnumerable<(string Code, string Vi)> problems) =>
        "<section class=\"note\" role=\"alert\" aria-labelledby=\"tra-loi\"><h2 id=\"tra-loi\">Chưa công bố được</h2>" + Refusal(code, vi, problems) + "</section>\n";

    /// <summary>Lượt công bố: the latest publication jobs, with their phase, progress and outcome.</summary>
    private static void Publications(StringBuilder sb, IEnumerable<PublicationJob> latest)
    {
        var views = latest.Select(PublicationStatusView.Of).ToList();
        if (views.Count == 0) return;
        sb.Append("<h2 id=\"luot-cong-bo\">Lượt công bố</h2>\n<ul class=\"problems\">\n");
        foreach (var v in views)
        {
            sb.Append("<li>").Append(v.Kind == "publish" ? "Công bố" : "Dự thảo").Append(", yêu cầu lúc ").Append(E(PublicPages.DateTime(v.RequestedAt)))
              .Append(": ").Append(JobState(v.State));
            if (!v.Finished) sb.Append(" (").Append(JobPhase(v.Phase)).Append(", ").Append(N(v.UnitsRendered)).Append('/').Append(N(v.UnitsTotal)).Append(" đơn vị)");
            if (v.Outcome is { } o) sb.Append(". ").Append(Refusal(o.Code, o.Vi, (o.Problems ?? []).Select(p => (p.Code, p.Vi))));
            sb.Append("</li>\n");
        }
        sb.Append("</ul>\n");
    }

    private static void Round(StringBuilder sb, BoardRound round, int units)
    {
        var id = "dot-" + round.Round;
        sb.Append("<section aria-labelledby=\"").Append(id).Append("\"><h3 id=\"").Append(id).Append("\">").Append(E(round.Name)).Append("</h3>\n")
          .Append("<p>").Append(E(Capital(round.TimeLeft))).Append(".</p>\n<ul class=\"stats\">")
          .Append("<li>Đã nộp: <strong>").Append(N(round.Submitted.Count)).Append("</strong>/").Append(N(units)).Append("</li>")
          .Append("<li>Bị từ chối: <strong>").Append(N(round.Rejected.Count)).Append("</strong></li>")
          .Append("<li>").Append(round.Required ? "Chưa nộp" : "Chưa nộp (không bắt buộc)").Append(": <strong>").Append(N(round.Missing.Count)).Append("</strong></li></ul>\n");
        if (round.Rejected.Count > 0)
        {
            // A list, not a table: on a phone each rejection reads top to bottom, its problems under it.
            sb.Append("<p><strong>Bị từ chối:</strong></p>\n<ul class=\"rejected\">\n");
            foreach (var r in round.Rejected)
            {
                sb.Append("<li><strong>").Append(r.Unit is { } u ? E(u.Code + " – " + u.Name) : "Cả tệp (chưa đọc được đơn vị)").Append("</strong>: ")
                  .Append(r.Outcome == "Refused" ? "từ chối khi nộp" : "tệp bị từ chối").Append(" (").Append(E(string.Join(", ", r.Codes))).Append("), ")
                  .Append(E(PublicPages.DateTime(r.At))).Append("; tệp <span style=\"overflow-wrap:anywhere\">").Append(E(r.File)).Append("</span>");
                if (r.Problems.Count > 0)
                {
                    sb.Append("<ul class=\"problems\">");
                    foreach (var p in r.Problems) sb.Append("<li><strong>").Append(E(p.Code)).Append("</strong> (").Append(E(p.Where)).Append("): ").Append(E(p.Vi)).Append("</li>");
                    sb.Append("</ul>");
                }
                sb.Append("</li>\n");
            }
            sb.Append("</ul>\n");
        }
        Units(sb, "Đã nộp", round.Submitted, true);
        Units(sb, round.Required ? "Chưa nộp" : "Chưa nộp (không bắt buộc)", round.Missing, false);
        sb.Append("</section>\n");
    }

    /// <summary>A compact list of units: code, name and, for a submitted one, when its file came.</summary>
    private static void Units(StringBuilder sb, string title, IReadOnlyList<BoardUnit> units, bool when)
    {
        if (units.Count == 0) return;
        sb.Append("<p><strong>").Append(E(title)).Append(":</strong> ");
        sb.AppendJoin("; ", units.Select(u => E(u.Code) + " (" + E(u.Name) + (when && u.At is { } at ? ", " + E(PublicPages.DateTime(at)) : "") + ")"));
        sb.Append(".</p>\n");
    }

    private async Task<string> DraftAsync(int year, CancellationToken ct)
    {
        var sb = new StringBuilder("<h2 id=\"ket-qua-tam\">Kết quả dự thảo (chưa công bố)</h2>\n");
        if (await admin.PreviewAsync(year, ct).ConfigureAwait(false) is not JsonReply { Body: ResultsView results })
            return sb.Append("<p>Chưa tính được kết quả dự thảo.</p>\n").ToString();
        foreach (var group in results.Groups)
        {
            sb.Append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Kết quả dự thảo: ").Append(E(group.Name)).Append("\"><table><caption>")
              .Append(E(group.Name)).Append(" (").Append(N(group.Units.Count)).Append(" đơn vị)</caption>\n<thead><tr><th scope=\"col\" class=\"num\">Hạng</th><th scope=\"col\">Đơn vị</th>")
              .Append("<th scope=\"col\" class=\"num\">Chỉ số</th><th scope=\"col\">Xếp loại</th><th scope=\"col\">Trạng thái</th></tr></thead><tbody>\n");
            foreach (var u in group.Units)
                sb.Append("<tr><td class=\"num\">").Append(u.Rank is { } rank ? N(rank) : "–").Append("</td><th scope=\"row\">").Append(E(u.Name)).Append("</th><td class=\"num\">")
                  .Append(E(u.Index.Text)).Append("</td><td>").Append(E(u.Band ?? "–")).Append("</td><td>").Append(E(Status(u.Status))).Append("</td></tr>\n");
            sb.Append("</tbody></table></div>\n");
        }
        return sb.ToString();
    }

    private static void Checklist(StringBuilder sb, int year, BoardChecklist checklist)
    {
        sb.Append("<h2 id=\"cong-bo\">Điều kiện công bố</h2>\n");
        if (checklist.Published)
        {
            sb.Append("<p>Kết quả năm ").Append(Y(year)).Append(" đã được công bố.</p>\n");
            return;
        }
        if (checklist.Ready) sb.Append("<p>Đã đủ điều kiện công bố.</p>\n");
        else
        {
            sb.Append("<p>Còn ").Append(N(checklist.Refusals.Count)).Append(" điều kiện chưa đạt; khi công bố, hệ thống sẽ trả lời như sau:</p>\n<ul class=\"problems\">\n");
            foreach (var r in checklist.Refusals) sb.Append("<li>").Append(Refusal(r.Code, r.Vi, r.Problems.Select(p => (p.Code, p.Vi)))).Append("</li>\n");
            sb.Append("</ul>\n");
        }
        sb.Append("<form method=\"post\" action=\"").Append(PageRoutes.BoardPath(year)).Append("/cong-bo\">\n")
          .Append("<p><input type=\"checkbox\" id=\"").Append(ConfirmField).Append("\" name=\"").Append(ConfirmField).Append("\" value=\"co\" required> ")
          .Append("<label for=\"").Append(ConfirmField).Append("\">Tôi xác nhận công bố kết quả năm ").Append(Y(year)).Append("; Quyết định đã công bố không thể sửa.</label></p>\n")
          .Append("<p><button type=\"submit\">Công bố</button></p>\n</form>\n");
    }

    private static string Refusal(string code, string vi, IEnumerable<(string Code, string Vi)> problems)
    {
        var sb = new StringBuilder("<p><strong>").Append(E(code)).Append("</strong>: ").Append(E(vi)).Append("</p>");
        var list = problems.ToList();
        if (list.Count > 0) sb.Append("<ul>").AppendJoin("", list.Select(p => "<li><strong>" + E(p.Code) + "</strong>: " + E(p.Vi) + "</li>")).Append("</ul>");
        return sb.ToString();
    }

    private static string JobState(string state) => state switch
    {
        "queued" => "đang chờ",
        "running" => "đang chạy",
        "succeeded" => "xong",
        "refused" => "không thực hiện được",
        "failed" => "thất bại",
        _ => E(state),
    };

    private static string JobPhase(string phase) => phase switch
    {
        "queued" => "trong hàng đợi",
        "computing" => "đang tính điểm",
        "rendering" => "đang tạo tài liệu",
        "saving" => "đang lưu kết quả",
        "publishing" => "đang công bố",
        _ => E(phase),
    };

    private static string Status(string status) => status switch
    {
        "Provisional" => "Tạm tính (chưa thẩm định)",
        "AppraisedOnce" => "Đã thẩm định lần 1",
        "AppraisedTwice" => "Đã thẩm định lần 2",
        _ => status,
    };

    private static Head Head(int year, string description) => new($"Bảng theo dõi năm {year}", description, PageRoutes.BoardPath(year));

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.GetCultureInfo("vi-VN")) + text[1..];

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Y(int year) => year.ToString(CultureInfo.InvariantCulture);
}
