using System.Globalization;
using System.Text;
using System.Text.Json;
using ParServerless.Files.Workflow;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Registry;
using static ParServerless.Pipeline.Pages.Html;

namespace ParServerless.Pipeline.Pages;

/// <summary>
/// The agency's upload desk (bàn nộp hồ sơ của cơ quan): sign in with the unit key (kept in an HttpOnly, SameSite=Strict
/// session cookie, never in a URL), download the templates, check a file (the dry run), send it, and see earlier uploads.
/// Every operation is <see cref="AgencyApi"/>'s; replies are read through their JSON wire contracts.
/// </summary>
public sealed class AgencyDesk(AgencyApi api, YearStore years, TimeProvider time)
{
    /// <summary>The session cookie: <c>{unit}|{key}</c>, scoped to the desk's path.</summary>
    public const string Cookie = "par_don_vi";

    /// <summary>The agency's own steps (self-assessment, explanation) by their route kinds, in workflow order.</summary>
    public static IReadOnlyList<string> Kinds { get; } = WorkflowSteps.UploadKindsOf(StepActor.Agency);

    public static string KindName(string kind) => WorkflowSteps.ByUploadKind(kind)?.Vietnamese ?? kind;

    public static PageReply SignIn(int year, string? error = null)
    {
        var sb = new StringBuilder();
        sb.Append("<h1>Nộp hồ sơ tự đánh giá năm ").Append(Y(year)).Append("</h1>\n");
        if (error is not null) sb.Append("<p class=\"note\" role=\"alert\">").Append(E(error)).Append("</p>\n");
        sb.Append("<form method=\"post\" action=\"").Append(PageRoutes.DeskPath(year)).Append("/dang-nhap\">\n")
          .Append("<p><label for=\"don-vi\">Mã đơn vị</label><br><input id=\"don-vi\" name=\"don-vi\" required autocomplete=\"username\"></p>\n")
          .Append("<p><label for=\"khoa\">Khóa của đơn vị</label><br><input id=\"khoa\" name=\"khoa\" type=\"password\" required autocomplete=\"current-password\"></p>\n")
          .Append("<p><button type=\"submit\">Đăng nhập</button></p>\n</form>\n");
        return new PageReply(error is null ? 200 : 401, Document(new Head($"Nộp hồ sơ năm {year}", "Đăng nhập bằng khóa của đơn vị để nộp hồ sơ tự đánh giá.", PageRoutes.DeskPath(year)), sb.ToString()), false);
    }

    public async Task<PageReply> DeskAsync(int year, string unit, string? result, CancellationToken ct)
    {
        var rounds = await RoundsAsync(year, ct).ConfigureAwait(false);
        var sb = new StringBuilder();
        sb.Append("<h1>Nộp hồ sơ năm ").Append(Y(year)).Append(": đơn vị ").Append(E(unit)).Append("</h1>\n");
        sb.Append("<form method=\"post\" action=\"").Append(PageRoutes.DeskPath(year)).Append("/dang-xuat\"><button type=\"submit\">Đăng xuất</button></form>\n");
        if (result is not null) sb.Append(result);
        sb.Append(DeadlineNotice(rounds));
        sb.Append("<h2>Các đợt nộp</h2>\n<ul>\n");
        foreach (var r in rounds) sb.Append("<li><strong>").Append(KindName(r.Kind)).Append("</strong>: ").Append(r.Text).Append("</li>\n");
        sb.Append("</ul>\n");
        sb.Append("<h2>Tải mẫu</h2>\n<ul class=\"links\">\n");
        foreach (var kind in Kinds)
            foreach (var format in new[] { "xlsx", "csv", "json" })
                sb.Append("<li><a href=\"").Append(PageRoutes.DeskPath(year)).Append("/mau/").Append(kind).Append("?format=").Append(format).Append("\">Mẫu ")
                  .Append(KindName(kind).ToLowerInvariant()).Append(" (").Append(format.ToUpperInvariant()).Append(")</a></li>\n");
        sb.Append("</ul>\n<h2>Kiểm tra và gửi tệp</h2>\n")
          .Append("<form method=\"post\" enctype=\"multipart/form-data\" data-progress=\"tien-do\" action=\"").Append(PageRoutes.DeskPath(year)).Append("/kiem-tra\">\n")
          .Append("<p><label for=\"loai\">Loại hồ sơ</label><br><select id=\"loai\" name=\"loai\">");
        foreach (var kind in Kinds)
        {
            sb.Append("<option value=\"").Append(kind).Append("\">").Append(KindName(kind));
            if (rounds.FirstOrDefault(r => r.Kind == kind) is { State: RoundState.Passed }) sb.Append(" (đã hết hạn)");
            sb.Append("</option>");
        }
        sb.Append("</select></p>\n<p><label for=\"tep\">Tệp (XLSX, CSV hoặc JSON)</label><br><input id=\"tep\" name=\"tep\" type=\"file\" required accept=\".xlsx,.csv,.json\"></p>\n")
          .Append("<p><button type=\"submit\">Kiểm tra thử</button> <button type=\"submit\" formaction=\"").Append(PageRoutes.DeskPath(year)).Append("/gui\">Gửi chính thức</button></p>\n")
          // Shown by the script while a file travels (an upload of several megabytes on a slow line takes a while); without
          // script the form posts plainly and the browser shows its own progress.
          .Append("<div id=\"tien-do\" class=\"progress\" hidden data-sending=\"Đang gửi tệp: {p}%\" data-waiting=\"Đã gửi xong tệp, đang chờ kết quả kiểm tra…\" data-failed=\"Không gửi được tệp (mất kết nối). Hãy thử lại.\">")
          .Append("<label for=\"tien-do-thanh\">Tiến độ gửi tệp</label><br><progress id=\"tien-do-thanh\" max=\"100\" value=\"0\"></progress> <span role=\"status\" aria-live=\"polite\"></span></div>\n")
          .Append("</form>\n");
        sb.Append(await UploadsAsync(year, unit, ct).ConfigureAwait(false));
        return new PageReply(200, Document(new Head($"Nộp hồ sơ năm {year}: {unit}", "Bàn nộp hồ sơ của đơn vị.", PageRoutes.DeskPath(year)), sb.ToString()), false);
    }

    /// <summary>The dry run's report, or the coded refusal, as HTML to show above the desk.</summary>
    /// <param name="length">The file's declared size, so an oversize file is refused with its size as the upload would be.</param>
    public async Task<string> CheckAsync(int year, string unit, string kind, string fileName, Stream file, long? length, CancellationToken ct)
    {
        var reply = await api.ValidateAsync(year, unit, kind, fileName, file, length, ct).ConfigureAwait(false);
        if (Json(reply) is not { } view) return Refused(reply);
        var v = view.RootElement;
        var accepted = v.GetProperty("accepted").GetBoolean();
        var sb = new StringBuilder("<section class=\"note\" role=\"status\" aria-labelledby=\"ket-qua\" tabindex=\"-1\" data-focus><h2 id=\"ket-qua\">Kết quả kiểm tra thử: ");
        sb.Append(accepted ? "tệp hợp lệ" : "tệp bị từ chối").Append("</h2>\n<p>Lỗi: ").Append(v.GetProperty("errors").GetInt32().ToString(CultureInfo.InvariantCulture))
          .Append(", cảnh báo: ").Append(v.GetProperty("warnings").GetInt32().ToString(CultureInfo.InvariantCulture)).Append(". Chưa có gì được ghi nhận.</p>\n");
        sb.Append(Problems(v.GetProperty("problems")));
        return sb.Append("</section>\n").ToString();
    }

    public async Task<string> SendAsync(int year, string unit, string kind, string fileName, Stream file, long? length, CancellationToken ct)
    {
        var reply = await api.UploadAsync(year, unit, kind, fileName, file, length, unit, ct).ConfigureAwait(false);
        if (Json(reply) is not { } view) return Refused(reply);
        var sha = view.RootElement.TryGetProperty("sha256", out var s) ? s.GetString() : null;
        return "<section class=\"note\" role=\"status\" tabindex=\"-1\" data-focus><h2>Đã nhận tệp</h2><p>Tệp đã được nhận và đang được xử lý (mã băm " + E(sha?[..Math.Min(12, sha.Length)]) +
               "…). Trạng thái và báo cáo hiện ở danh sách bên dưới khi xử lý xong.</p></section>\n";
    }

    private enum RoundState { NotOpen, Open, Passed }

    /// <summary>One of the agency's rounds: its state now and the sentence that says it (window in Vietnam time, time left).</summary>
    private sealed record RoundLine(string Kind, RoundState State, string Text, DateTimeOffset? Deadline);

    /// <summary>The agency's rounds with their window in Vietnam time and the time left; a passed deadline said plainly.</summary>
    private async Task<IReadOnlyList<RoundLine>> RoundsAsync(int year, CancellationToken ct)
    {
        if (await years.GetAsync(year, ct).ConfigureAwait(false) is not { } record) return [];
        var now = time.GetUtcNow();
        var lines = new List<RoundLine>();
        foreach (var step in WorkflowSteps.All.Where(s => s.Actor == StepActor.Agency))
        {
            var kind = step.UploadKind;
            var w = record.WindowFor(step.Step);
            lines.Add(w switch
            {
                { Opens: { } opens } when now < opens => new RoundLine(kind, RoundState.NotOpen, "chưa mở; mở lúc " + E(PublicPages.DateTime(opens)), w.Deadline),
                { Deadline: { } deadline } when now >= deadline => new RoundLine(kind, RoundState.Passed,
                    "<strong>đã hết hạn</strong> lúc " + E(PublicPages.DateTime(deadline)) + "; tệp gửi bây giờ sẽ bị từ chối", deadline),
                { Deadline: { } due } => new RoundLine(kind, RoundState.Open, "đang nhận hồ sơ; hạn nộp " + E(PublicPages.DateTime(due)) + ", còn " + E(Left(due - now)), due),
                _ => new RoundLine(kind, RoundState.Open, "đang nhận hồ sơ; chưa đặt hạn nộp", null),
            });
        }
        return lines;
    }

    /// <summary>
    /// The clear message when a deadline has passed, at the top of the desk: which round, since when, that a file sent now is
    /// refused, what still works (the dry run, the earlier uploads) and whom to ask for more time.
    /// </summary>
    private static string DeadlineNotice(IReadOnlyList<RoundLine> rounds)
    {
        var passed = rounds.Where(r => r.State == RoundState.Passed).ToList();
        if (passed.Count == 0) return "";
        var open = rounds.Where(r => r.State == RoundState.Open).ToList();
        var sb = new StringBuilder("<section class=\"alert\" role=\"alert\" aria-labelledby=\"het-han\"><h2 id=\"het-han\">");
        sb.Append(open.Count == 0 ? "Đã hết hạn nộp hồ sơ" : "Một đợt nộp đã hết hạn").Append("</h2>\n<ul>");
        foreach (var r in passed)
            sb.Append("<li>Hạn nộp hồ sơ ").Append(KindName(r.Kind).ToLowerInvariant()).Append(" là ").Append(E(PublicPages.DateTime(r.Deadline!.Value)))
              .Append(": đã qua. Tệp ").Append(KindName(r.Kind).ToLowerInvariant()).Append(" gửi chính thức bây giờ sẽ bị từ chối.</li>");
        sb.Append("</ul>\n<p>Bạn vẫn có thể kiểm tra thử tệp và xem các lần nộp trước. Nếu cần gia hạn, hãy liên hệ Sở Nội vụ.</p></section>\n");
        return sb.ToString();
    }

    private static string Left(TimeSpan left) => left.TotalDays >= 1
        ? FormattableString.Invariant($"{(int)left.TotalDays} ngày {left.Hours} giờ")
        : FormattableString.Invariant($"{left.Hours} giờ {left.Minutes} phút");

    public Task<ApiReply> TemplateAsync(int year, string unit, string kind, string? format, CancellationToken ct) => api.TemplateAsync(year, unit, kind, format, ct);

    private async Task<string> UploadsAsync(int year, string unit, CancellationToken ct)
    {
        var sb = new StringBuilder("<h2>Các lần nộp</h2>\n");
        if (Json(await api.UploadsAsync(year, unit, ct).ConfigureAwait(false)) is not { } list || list.RootElement.GetArrayLength() == 0)
            return sb.Append("<p>Chưa có lần nộp nào.</p>\n").ToString();
        sb.Append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Bảng các lần nộp\"><table><caption>Các lần nộp của đơn vị</caption>\n<thead><tr>")
          .Append("<th scope=\"col\">Tệp</th><th scope=\"col\">Thời điểm</th><th scope=\"col\">Trạng thái</th><th scope=\"col\">Báo cáo</th></tr></thead><tbody>\n");
        foreach (var u in list.RootElement.EnumerateArray())
        {
            sb.Append("<tr><th scope=\"row\">").Append(E(Text(u, "blobName") ?? Text(u, "sha256"))).Append("</th><td>").Append(E(When(u))).Append("</td><td>")
              .Append(E(Text(u, "status"))).Append("</td><td>");
            if (u.TryGetProperty("report", out var report) && report.ValueKind == JsonValueKind.Object && report.TryGetProperty("problems", out var problems))
                sb.Append(Problems(problems));
            sb.Append("</td></tr>\n");
        }
        return sb.Append("</tbody></table></div>\n").ToString();
    }

    private static string Problems(JsonElement problems)
    {
        if (problems.ValueKind != JsonValueKind.Array || problems.GetArrayLength() == 0) return "<p>Không có vấn đề nào.</p>\n";
        var sb = new StringBuilder("<ul class=\"problems\">\n");
        foreach (var p in problems.EnumerateArray())
            sb.Append("<li><strong>").Append(E(Text(p, "code"))).Append("</strong> (").Append(E(Text(p, "where"))).Append("): ").Append(E(Text(p, "vi"))).Append("</li>\n");
        return sb.Append("</ul>\n").ToString();
    }

    private static string Refused(ApiReply reply) => reply is RefusalReply r
        ? "<section class=\"note\" role=\"alert\" tabindex=\"-1\" data-focus><h2>Không thực hiện được</h2><p><strong>" + E(r.Refusal.Code) + "</strong>: " + E(r.Refusal.Vietnamese) + "</p>" +
          (r.Refusal.Problems is { Count: > 0 } ps ? "<ul>" + string.Concat(ps.Select(p => "<li><strong>" + E(p.Code) + "</strong>: " + E(p.Vietnamese) + "</li>")) + "</ul>" : "") + "</section>\n"
        : "<p role=\"alert\">Không thực hiện được.</p>\n";

    private static JsonDocument? Json(ApiReply reply) => reply is JsonReply j
        ? JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(j.Body, j.BodyType, ApiJson.Options))
        : null;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : v.ToString() : null;

    private static string When(JsonElement u)
    {
        var text = Text(u, "uploadedAt") ?? Text(u, "ingestedAt");
        return text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, out var at) ? PublicPages.DateTime(at) : text ?? "";
    }

    private static string Y(int year) => year.ToString(CultureInfo.InvariantCulture);
}
