using ParServerless.Scoring.Problems;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Pipeline.Problems;

/// <summary>
/// The one catalogue of the pipeline's own problems: PAR-I… (ingestion of an upload) and PAR-A… (the HTTP API), each with
/// its code, status and both texts. Score-file problems (PAR-E…) live in Files, scheme problems (PAR-S…) in Scoring.
/// docs/PIPELINE.md lists every code; a code never changes meaning once published.
/// </summary>
public static class PipelineProblems
{
    // ---- PAR-I: ingestion -------------------------------------------------------------------------------------------------

    public static Refusal BadPath(string container, string blobName, string shape) => new("PAR-I001", 400,
        $"Đường dẫn tệp '{container}/{blobName}' không đúng quy ước; cần dạng '{shape}'.",
        $"The upload path '{container}/{blobName}' does not follow the convention '{shape}'.");

    public static Refusal BadPathYear(string yearText) => new("PAR-I001", 400,
        $"Năm '{yearText}' trong đường dẫn không hợp lệ.", $"The year '{yearText}' in the path is not a year.");

    public static Refusal BadPathRound(string round) => new("PAR-I001", 400,
        $"Lần thẩm định '{round}' trong đường dẫn phải là 1 hoặc 2.", $"The appraisal round '{round}' in the path must be 1 or 2.");

    /// <summary>The year does not exist (Sở Nội vụ has not opened it).</summary>
    public static Refusal YearNotOpen(int year) => new("PAR-I002", 404,
        $"Năm {year} chưa được mở để đánh giá.", $"Year {year} is not open for evaluation.");

    public static Refusal YearPublished(int year) => new("PAR-I003", 409,
        $"Kết quả năm {year} đã được công bố; không nhận thêm tệp.", $"Results of {year} are published; no more uploads are taken.");

    public static Refusal RoundClosed(int year, string round, string deadline, string uploadedAt) => new("PAR-I004", 409,
        $"Đợt '{round}' năm {year} đã hết hạn nộp lúc {deadline} (giờ Việt Nam); tệp nộp lúc {uploadedAt} không được tiếp nhận.",
        $"The '{round}' round of {year} closed at {deadline} (Vietnam time); the file uploaded at {uploadedAt} is not taken.");

    public static Refusal RoundNotYetOpen(int year, string round, string opens) => new("PAR-I004", 409,
        $"Đợt '{round}' năm {year} chưa mở; mở lúc {opens} (giờ Việt Nam).",
        $"The '{round}' round of {year} is not open yet; it opens at {opens} (Vietnam time).");

    /// <summary>The year exists but names a scheme that is not registered: a different fault from a missing year.</summary>
    public static Refusal SchemeNotRegistered(int year, SchemeRef scheme) => new("PAR-I006", 409,
        $"Bộ tiêu chí {scheme} của năm {year} chưa được đăng ký.", $"The scheme {scheme} of year {year} is not registered.");

    /// <summary>A file name (or a path segment) that the one naming rule refuses: same code at the API, the dry run and ingestion.</summary>
    public static Refusal BadUploadName(string name, string reasonVi, string reasonEn) => new("PAR-I007", 400,
        $"Tên '{Shown(name)}' không được chấp nhận: {reasonVi}. Dùng tên ngắn, không có \\ / : * ? \" < > | # % và không có '..'.",
        $"The name '{Shown(name)}' is not accepted: {reasonEn}. Use a short name without \\ / : * ? \" < > | # % or '..'.");

    /// <summary>Storage would refuse the file's rows whatever the retry (a value or row above the service's limits): a rejection, not a fault.</summary>
    public static Refusal TooLargeForStorage(string detail) => new("PAR-I008", 400,
        $"Tệp có nội dung quá lớn để lưu (một ô hoặc một dòng vượt giới hạn lưu trữ: {detail}); hãy rút gọn ghi chú hoặc minh chứng.",
        $"The file holds content too large to store (a value or a row above the storage limits: {detail}); shorten the notes or evidence.");

    /// <summary>A name as shown in a message: at most 80 characters, control and bidi characters made visible.</summary>
    private static string Shown(string name)
    {
        var cut = name.Length > 80 ? name[..80] + "…" : name;
        var sb = new System.Text.StringBuilder(cut.Length);
        foreach (var c in cut)
            sb.Append(char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') || char.IsSurrogate(c)
                ? FormattableString.Invariant($"\\u{(int)c:X4}") : c.ToString());
        return sb.ToString();
    }

    /// <summary>Codes of rejections that only awaited configuration; the same file sent again is read again.</summary>
    public static IReadOnlySet<string> AwaitingConfiguration { get; } = new HashSet<string>(StringComparer.Ordinal) { "PAR-I002", "PAR-I006" };

    // ---- PAR-A: the API ---------------------------------------------------------------------------------------------------

    public static Refusal BadKind(string kind, IEnumerable<string> allowed) => new("PAR-A010", 400,
        $"Loại tệp '{kind}' không hợp lệ; dùng {string.Join(", ", allowed)}.", $"File kind '{kind}' is not valid; use {string.Join(", ", allowed)}.");

    public static Refusal BadFormat(string format, IEnumerable<string> allowed) => new("PAR-A011", 400,
        $"Định dạng '{format}' không được hỗ trợ; dùng {string.Join(", ", allowed)}.", $"Format '{format}' is not supported; use {string.Join(", ", allowed)}.");

    public static Refusal UnitNotEvaluated(int year, string unit) => new("PAR-A012", 404,
        $"Đơn vị '{unit}' không có trong danh sách đánh giá năm {year}.", $"Unit '{unit}' is not evaluated in {year}.");

    public static Refusal BadFileName(string fileName) => new("PAR-A013", 400,
        $"Tên tệp '{fileName}' không hợp lệ; cần đuôi .xlsx, .csv hoặc .json.", $"File name '{fileName}' is not valid; use a .xlsx, .csv or .json name.");

    public static Refusal EmptyFile() => new("PAR-A014", 400, "Tệp trống (0 byte).", "The file is empty (0 bytes).");

    public static Refusal AppraisalRoundMissing() => new("PAR-A015", 400,
        "Cần chỉ rõ lần thẩm định: ?round=1 hoặc ?round=2.", "Name the appraisal round: ?round=1 or ?round=2.");

    public static Refusal UnitMissing() => new("PAR-A016", 400,
        "Tệp tự đánh giá/giải trình cần ?unit=mã đơn vị.", "A self-assessment or explanation needs ?unit=<code>.");

    public static Refusal SchemeInvalid(string code, IReadOnlyList<Problem> problems) => new(code, 400,
        "Bộ tiêu chí không hợp lệ; xem danh sách lỗi.", "The scheme is not valid; see the problems.", problems);

    public static Refusal YearSettingsInvalid(IReadOnlyList<Problem> problems) => new("PAR-A021", 400,
        "Thông tin năm đánh giá không hợp lệ.", "The year's settings are not valid.", problems);

    public static Refusal YearSchemeNotRegistered(SchemeRef? scheme) => new("PAR-A022", 400,
        $"Bộ tiêu chí {scheme} chưa được đăng ký.", $"Scheme {scheme} is not registered.");

    public static Refusal SchemeDoesNotCoverYear(Scheme scheme, int year) => new("PAR-A023", 400,
        $"Bộ tiêu chí {scheme.Ref} áp dụng cho {scheme.FromYear}–{scheme.ToYear}, không gồm năm {year}.",
        $"Scheme {scheme.Ref} applies to {scheme.FromYear}–{scheme.ToYear}, not {year}.");

    public static Refusal DecisionPlaceMissing() => new("PAR-A024", 400,
        "Cần tên tỉnh (province) và địa danh (place) của Quyết định.", "The Decision needs the province and the place.");

    /// <summary>Every transition of a published year is refused: a published Decision does not change.</summary>
    public static Refusal YearIsPublished(int year) => new("PAR-A025", 409,
        $"Năm {year} đã công bố; không sửa được.", $"Year {year} is published and can no longer change.");

    public static Refusal ConcurrentChange() => new("PAR-A026", 409,
        "Năm vừa được thay đổi đồng thời; hãy thử lại.", "The year changed concurrently; try again.");

    /// <summary>The year exists but its scheme is not registered (admin and agency routes that need the scheme).</summary>
    public static Refusal YearSchemeMissing(int year, SchemeRef scheme) => new("PAR-A027", 409,
        $"Bộ tiêu chí {scheme} của năm {year} chưa được đăng ký; hãy đăng ký bộ tiêu chí trước.",
        $"The scheme {scheme} of year {year} is not registered; register the scheme first.");

    public static Refusal UnitListInvalid(IReadOnlyList<Problem> problems) => new("PAR-A030", 400,
        "Danh sách đơn vị không hợp lệ; xem danh sách lỗi.", "The unit list is not valid; see the problems.", problems);

    public static Refusal BadUnitCode(string? code) => new("PAR-A030", 400,
        $"Mã đơn vị '{code}' không hợp lệ (không dấu cách, / \\ # ? ,).", $"Unit code '{code}' is not valid (no spaces, / \\ # ? ,).");

    public static Refusal DuplicateUnitCode(string code) => new("PAR-A031", 400,
        $"Mã đơn vị '{code}' bị trùng.", $"Unit code '{code}' appears twice.");

    public static Refusal UnitNameMissing(string? code) => new("PAR-A032", 400,
        $"Đơn vị '{code}' thiếu tên.", $"Unit '{code}' has no name.");

    public static Refusal UnknownGroup(string? group, SchemeRef scheme) => new("PAR-A033", 400,
        $"Khối '{group}' không có trong bộ tiêu chí {scheme}.", $"Group '{group}' is not in scheme {scheme}.");

    public static Refusal BadRound(string round, IEnumerable<string> allowed) => new("PAR-A040", 400,
        $"Đợt '{round}' không hợp lệ; dùng {string.Join(", ", allowed)}.", $"Round '{round}' is not valid; use {string.Join(", ", allowed)}.");

    public static Refusal DeadlineBeforeOpening() => new("PAR-A041", 400,
        "Hạn nộp phải sau thời điểm mở.", "The deadline must come after the opening.");

    public static Refusal NotAppraised(IReadOnlyList<string> units) => new("PAR-A050", 409,
        $"Chưa công bố được: {units.Count} đơn vị chưa có điểm thẩm định ({string.Join(", ", units)}).",
        $"Cannot publish: {units.Count} units have no appraisal yet ({string.Join(", ", units)}).");

    /// <summary>Publication refused while the Decision has a missing setting; <paramref name="problems"/> lists each (PAR-D…).</summary>
    public static Refusal DecisionNotReady(int year, IReadOnlyList<Problem> problems) => new("PAR-A052", 409,
        $"Chưa công bố được Quyết định năm {year}: còn thiếu {problems.Count} thông tin (số, ngày, người ký, căn cứ…); xem danh sách.",
        $"The {year} Decision cannot be published: {problems.Count} settings are missing (number, date, signer, legal bases…); see the problems.",
        problems);

    public static Refusal NoDraft(int year, string file) => new("PAR-A051", 404,
        $"Chưa tạo tài liệu '{file}' cho năm {year}; hãy chạy POST /api/admin/years/{year}/decision.",
        $"No '{file}' generated for {year} yet; POST /api/admin/years/{year}/decision first.");

    public static Refusal SignedBeforePublication(int year) => new("PAR-A070", 409,
        $"Năm {year} chưa công bố; chỉ tải bản gốc đã ký của Quyết định đã công bố.",
        $"Year {year} is not published; only the signed original of a published Decision can be uploaded.");

    public static Refusal NotAPdf() => new("PAR-A071", 400,
        "Tệp không phải PDF (không bắt đầu bằng %PDF-); hãy tải bản PDF đã ký hoặc bản quét.",
        "The file is not a PDF (it does not start with %PDF-); upload the signed PDF or a scan.");

    // ---- PAR-A08x: publication as background work (công bố chạy nền) ----------------------------------------------------

    /// <summary>The outcome of a publication job that published the year.</summary>
    public static Notice PublicationPublished(int year, string inputSha256) => new("PAR-A080",
        $"Đã công bố kết quả năm {year} (mã đầu vào {inputSha256[..Math.Min(12, inputSha256.Length)]}).",
        $"The results of {year} are published (inputs {inputSha256[..Math.Min(12, inputSha256.Length)]}).");

    /// <summary>The outcome of a job that generated the draft documents (dự thảo).</summary>
    public static Notice PublicationDrafted(int year, string inputSha256) => new("PAR-A081",
        $"Đã tạo bản dự thảo năm {year} (mã đầu vào {inputSha256[..Math.Min(12, inputSha256.Length)]}).",
        $"The draft documents of {year} are generated (inputs {inputSha256[..Math.Min(12, inputSha256.Length)]}).");

    /// <summary>A job that failed every attempt (storage or a bug); the host moved its message to the poison queue.</summary>
    public static Refusal PublicationFailed(int year, int attempts) => new("PAR-A082", 500,
        $"Công bố năm {year} thất bại sau {attempts} lần thử; chưa có gì được công bố. Hãy gửi lại yêu cầu; phần đã tạo được giữ lại.",
        $"Publication of {year} failed after {attempts} attempts; nothing was published. Ask again: what was already rendered is kept.");

    public static Refusal PublicationNotFound(int year, string id) => new("PAR-A083", 404,
        $"Không có lượt công bố '{id}' của năm {year}.", $"No publication job '{id}' for {year}.");

    /// <summary>The queue could not take the job: nothing was started; try again.</summary>
    public static Refusal PublicationNotQueued(int year) => new("PAR-A084", 503,
        $"Chưa xếp được lượt công bố năm {year} vào hàng đợi; chưa có gì thay đổi, hãy thử lại.",
        $"The publication of {year} could not be queued; nothing changed, try again.");

    // ---- PAR-A100–A109: the council's templates and Sở Nội vụ's board ---------------------------------------------------

    /// <summary>A group template without its group (<c>?group=</c>).</summary>
    public static Refusal TemplateGroupMissing() => new("PAR-A100", 400,
        "Cần chỉ rõ khối của mẫu: ?group=SO (mã khối).", "Name the template's group: ?group=SO (a group's code).");

    /// <summary>A group template for a group with no unit evaluated this year (or no such group).</summary>
    public static Refusal TemplateGroupEmpty(int year, string group) => new("PAR-A101", 404,
        $"Khối '{group}' không có đơn vị nào được đánh giá năm {year}.", $"Group '{group}' has no unit evaluated in {year}.");

    public static Refusal YearMissing(int year) => new("PAR-A060", 404, $"Chưa có năm {year}.", $"Year {year} does not exist.");

    public static Refusal UploadNotFound(int year, string sha256) => new("PAR-A061", 404,
        $"Không tìm thấy tệp có mã {sha256} của năm {year}.", $"No upload {sha256} in {year}.");

    /// <summary>The same answer for "does not exist" and "not yet published", so the embargo leaks not even existence.</summary>
    public static Refusal NotPublished(int year) => new("PAR-A404", 404,
        $"Chưa có kết quả công bố của năm {year}.", $"No published results for {year}.");

    public static Refusal NoSuchDocument(int year, string file) => new("PAR-A404", 404,
        $"Không có tài liệu '{file}' trong kết quả công bố năm {year}.", $"No document '{file}' in the published results of {year}.");

    public static Refusal NoSuchGroup(int year, string group) => new("PAR-A404", 404,
        $"Không có khối '{group}' trong năm {year}.", $"There is no group '{group}' in {year}.");

    public static Refusal NoSuchRoute() => new("PAR-A404", 404, "Không có đường dẫn này trong API.", "No such API route.");

    public static Refusal AdminKeyNeeded() => new("PAR-A401", 401,
        "Cần khóa quản trị (Sở Nội vụ) để thực hiện yêu cầu này.", "This request needs the admin key (Department of Home Affairs).");

    public static Refusal UnitKeyNeeded() => new("PAR-A401", 401,
        "Cần khóa của đơn vị để thực hiện yêu cầu này.", "This request needs the unit's key.");

    public static Refusal AdminDisabled() => new("PAR-A402", 403,
        "Chức năng quản trị chưa được cấu hình khóa (PAR_ADMIN_KEY).", "Admin routes are disabled: PAR_ADMIN_KEY is not set.");

    public static Refusal WrongAdminKey() => new("PAR-A403", 403, "Khóa quản trị không đúng.", "The admin key is wrong.");

    public static Refusal WrongUnitKey() => new("PAR-A403", 403,
        "Khóa không đúng hoặc không phải của đơn vị này; mỗi đơn vị chỉ nộp tệp của chính mình.",
        "The key is wrong or belongs to another unit; a unit uploads only its own files.");

    public static Refusal BadRequestBody(string? detail = null) => new("PAR-A400", 400,
        "Yêu cầu không hợp lệ: thân JSON hoặc tham số không đọc được." + (detail is null ? "" : $" ({detail})"),
        "The request is not valid: its JSON body or a parameter could not be read." + (detail is null ? "" : $" ({detail})"));

    public static Refusal MethodNotAllowed(string method, IEnumerable<string> allowed) => new("PAR-A405", 405,
        $"Phương thức {method} không dùng được cho đường dẫn này; dùng {string.Join(", ", allowed)}.",
        $"The method {method} is not allowed on this route; use {string.Join(", ", allowed)}.");

    public static Refusal TooLarge(long maxBytes) => new("PAR-A413", 413,
        $"Tệp vượt quá {maxBytes / 1024 / 1024} MB.", $"The file is larger than {maxBytes / 1024 / 1024} MB.");

    /// <summary>An upload above the size limit; <paramref name="size"/> is the declared length (Content-Length) when the request
    /// had one, so the dry run and the upload of the same request name the same size.</summary>
    public static Refusal TooLarge(long maxBytes, long? size) => size is not { } n ? TooLarge(maxBytes) : new("PAR-A413", 413,
        $"Tệp có {n.ToString("N0", Vi)} byte, vượt quá {maxBytes / 1024 / 1024} MB.",
        $"The file has {n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes, more than {maxBytes / 1024 / 1024} MB.");

    private static readonly System.Globalization.CultureInfo Vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    public static Refusal UnsupportedMediaType(string? contentType, string expected) => new("PAR-A415", 415,
        $"Kiểu nội dung '{contentType}' không được hỗ trợ; gửi {expected}.", $"Unsupported content type '{contentType}'; send {expected}.");

    // ---- PAR-A090–A099: years that hold only an earlier published table, year over year ------------------------------------

    /// <summary>A year opened only to hold an earlier published table takes no other upload (and the API refuses it alike).</summary>
    public static Refusal HistoryOnlyYear(int year, string kind) => new("PAR-A090", 409,
        $"Năm {year} chỉ lưu bảng kết quả đã công bố để so sánh; không nhận tệp loại '{kind}'.",
        $"Year {year} holds only an earlier published table for comparison; it takes no '{kind}' upload.");

    /// <summary>A history-only year has no marks: nothing to compute, draft or publish.</summary>
    public static Refusal HistoryOnlyYearNotScored(int year) => new("PAR-A091", 409,
        $"Năm {year} chỉ lưu bảng kết quả đã công bố (nhập từ tệp); không có điểm để tính, lập dự thảo hay công bố.",
        $"Year {year} holds only an imported published table; there are no marks to compute, draft or publish.");

    /// <summary>A row of an imported table whose group is neither a group code nor a group name of the scheme (a warning in the report).</summary>
    public static Refusal UnknownHistoryGroup(string group, string unit, IEnumerable<string> groups) => new("PAR-A092", 400,
        $"Khối '{group}' của đơn vị '{unit}' không trùng mã hay tên khối nào của bộ chỉ số ({string.Join(", ", groups)}); dòng được lưu nguyên văn nhưng không so sánh vị thứ.",
        $"Group '{group}' of unit '{unit}' matches no group code or name of the scheme ({string.Join(", ", groups)}); the row is kept as typed but its rank is not compared.");

    /// <summary>A row of an imported table naming no unit of the compared year nor any predecessor (a warning in the report).</summary>
    public static Refusal UnmatchedHistoryUnit(string unit, int comparedYear) => new("PAR-A093", 400,
        $"Đơn vị '{unit}' không trùng mã, tên đơn vị nào của năm {comparedYear} hay đơn vị tiền thân nào; dòng được lưu nhưng không được so sánh.",
        $"Unit '{unit}' matches no unit of {comparedYear} by code or name, nor any predecessor; the row is kept but not compared.");

    public static Refusal Internal() => new("PAR-A500", 500,
        "Lỗi hệ thống; yêu cầu chưa được thực hiện.", "Internal error; the request was not carried out.");

    /// <summary>
    /// The refusal for an unexpected exception: storage that could not be reached (the SDK's own retries exhausted, which it
    /// reports as an <see cref="AggregateException"/> of transport faults) is 503, try again; anything else is 500.
    /// </summary>
    public static Refusal ForFault(Exception exception) => IsStorageFault(exception) ? StorageUnavailable() : Internal();

    private static bool IsStorageFault(Exception exception) => exception switch
    {
        Azure.RequestFailedException or HttpRequestException or TimeoutException or IOException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsStorageFault),
        _ => false,
    };

    public static Refusal StorageUnavailable() => new("PAR-A503", 503,
        "Kho lưu trữ tạm thời không truy cập được; vui lòng thử lại sau.", "Storage is temporarily unavailable; try again later.");
}

/// <summary>A coded outcome that is not a refusal (a finished publication job), with both texts.</summary>
public sealed record Notice(string Code, string Vietnamese, string English);
