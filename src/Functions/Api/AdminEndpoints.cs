using System.Text.Json;
using ParServerless.Functions.Ingestion;
using ParServerless.Functions.Publication;
using ParServerless.Functions.Registry;
using ParServerless.Scoring.Decisions;
using ParServerless.Scoring.Problems;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;

namespace ParServerless.Functions.Api;

/// <summary>Year settings as Sở Nội vụ sends them.</summary>
/// <param name="PublishAt">Publication moment (ISO 8601 with offset, e.g. 2022-01-06T09:00:00+07:00); the timer publishes once it has come.</param>
public sealed record YearRequest(SchemeRef Scheme, DecisionSettings Decision, DateTimeOffset? PublishAt);

/// <summary>A unit to register (đơn vị được đánh giá) with its group and the earlier units it replaces.</summary>
public sealed record UnitRequest(string Code, string Name, string Group, bool? Ranked, IReadOnlyList<string>? Predecessors);

/// <summary>A round's window; null bounds are open.</summary>
public sealed record RoundRequest(DateTimeOffset? Opens, DateTimeOffset? Deadline);

/// <summary>Admin routes (Sở Nội vụ) under <c>/api/admin</c>, all needing the admin key.</summary>
internal static class AdminEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/admin").WithTags("Admin (Sở Nội vụ)").RequireAdmin();
        g.MapGet("/schemes", async (SchemeStore schemes, CancellationToken ct) => TypedResults.Ok(await schemes.ListAsync(ct).ConfigureAwait(false)))
            .WithSummary("Registered schemes (bộ tiêu chí)");
        g.MapPut("/schemes", PutScheme).WithSummary("Register a scheme version (body: scheme JSON, see docs/SCHEMES.md); versions are immutable");
        g.MapGet("/years", async (YearStore years, CancellationToken ct) => TypedResults.Ok((await years.ListAsync(ct).ConfigureAwait(false)).Select(YearView.Of)))
            .WithSummary("Every year with its status");
        g.MapGet("/years/{year:int}", async (int year, YearStore years, CancellationToken ct) =>
            await years.GetAsync(year, ct).ConfigureAwait(false) is { } y ? TypedResults.Ok(YearView.Of(y)) : NoYear(year)).WithSummary("One year");
        g.MapPut("/years/{year:int}", PutYear).WithSummary("Open or change a year: scheme, Decision texts, publication moment");
        g.MapGet("/years/{year:int}/units", ListUnits).WithSummary("The year's units with their upload keys");
        g.MapPut("/years/{year:int}/units", PutUnits).WithSummary("Register the year's units and groups with the predecessor map (replaces the list)");
        g.MapPut("/years/{year:int}/rounds/{round}", PutRound).WithSummary("Open a round with its window (self-assessment, appraisal-1, explanation, appraisal-2, survey, bonus-penalty, history)");
        g.MapPost("/years/{year:int}/rounds/{round}/close", CloseRound).WithSummary("Close a round now: later uploads are rejected (PAR-I004)");
        g.MapPost("/years/{year:int}/uploads/{kind}/{fileName}", Upload).WithSummary("Council upload: appraisal (?round=1|2), survey, bonus-penalty, history; or any kind for a unit (?unit=)");
        g.MapGet("/years/{year:int}/uploads", async (int year, string? unit, UploadStore uploads, CancellationToken ct) =>
            TypedResults.Ok(await uploads.ListAsync(year, unit, ct).ConfigureAwait(false))).WithSummary("Audit: every upload of the year (who, when, path, hash, outcome)");
        g.MapGet("/years/{year:int}/uploads/{sha256}", (int year, string sha256, UploadGateway gateway, CancellationToken ct) => gateway.StatusAsync(year, null, sha256, ct))
            .WithSummary("One upload's status and report");
        g.MapGet("/years/{year:int}/results", Preview).WithSummary("Draft results computed now from the raw marks (never public)");
        g.MapPost("/years/{year:int}/decision", (int year, DecisionService decisions, CancellationToken ct) => Generate(year, false, decisions, ct))
            .WithSummary("Generate the draft Decision and result sheets now (not published)");
        g.MapGet("/years/{year:int}/decision.pdf", (int year, YearStore years, DocumentStore documents, CancellationToken ct) => Draft(year, DocumentStore.DecisionPdf, "application/pdf", years, documents, ct))
            .WithSummary("The latest generated Decision PDF (draft or published)");
        g.MapGet("/years/{year:int}/decision.json", (int year, YearStore years, DocumentStore documents, CancellationToken ct) => Draft(year, DocumentStore.DecisionJson, "application/json", years, documents, ct))
            .WithSummary("The latest generated Decision JSON");
        g.MapGet("/years/{year:int}/units/{unit}/sheet.pdf", (int year, string unit, YearStore years, DocumentStore documents, CancellationToken ct) => Draft(year, DocumentStore.UnitPdf(unit), "application/pdf", years, documents, ct))
            .WithSummary("A unit's latest generated result sheet");
        g.MapPost("/years/{year:int}/publish", async (int year, DecisionService decisions, PublishedCache cache, CancellationToken ct) =>
            {
                var result = await Generate(year, true, decisions, ct).ConfigureAwait(false);
                cache.Forget(year);
                return result;
            })
            .WithSummary("Publish now: generate if needed, store the published results, open the public routes");
    }

    private static IResult NoYear(int year) => ApiProblem.NotFound($"Chưa có năm {year}.", $"Year {year} does not exist.");

    private static async Task<IResult> PutScheme(HttpRequest request, SchemeStore schemes, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
        var (result, created) = await schemes.PutAsync(json, ct).ConfigureAwait(false);
        if (!result.Accepted)
            return ApiProblem.Invalid(result.Report.Problems.FirstOrDefault(p => p.Severity == Severity.Error)?.Code ?? "PAR-A020",
                "Bộ tiêu chí không hợp lệ; xem danh sách lỗi.", "The scheme is not valid; see the problems.", result.Report.Problems);
        var s = result.Value!;
        var body = new { id = s.Ref.Id, version = s.Ref.Version, name = s.Name, leaves = s.Leaves.Count, created, warnings = result.Report.Problems.Select(ProblemView.Of) };
        return created ? TypedResults.Created($"/api/admin/schemes/{s.Ref.Id}/{s.Ref.Version}", body) : TypedResults.Ok(body);
    }

    private static async Task<IResult> PutYear(int year, YearRequest body, YearStore years, SchemeStore schemes, CancellationToken ct)
    {
        var bag = new ProblemBag();
        var scheme = body.Scheme is null ? null : await schemes.GetAsync(body.Scheme, ct).ConfigureAwait(false);
        if (scheme is null)
            bag.Error("PAR-A022", new Location(Field: "scheme"), $"Bộ tiêu chí {body.Scheme} chưa được đăng ký.", $"Scheme {body.Scheme} is not registered.");
        else if (!scheme.CoversYear(year))
            bag.Error("PAR-A023", new Location(Field: "scheme"), $"Bộ tiêu chí {scheme.Ref} áp dụng cho {scheme.FromYear}–{scheme.ToYear}, không gồm năm {year}.",
                $"Scheme {scheme.Ref} applies to {scheme.FromYear}–{scheme.ToYear}, not {year}.");
        if (body.Decision is null || string.IsNullOrWhiteSpace(body.Decision.Province) || string.IsNullOrWhiteSpace(body.Decision.Place))
            bag.Error("PAR-A024", new Location(Field: "decision"), "Cần tên tỉnh (province) và địa danh (place) của Quyết định.", "The Decision needs the province and the place.");
        if (bag.HasErrors) return ApiProblem.Invalid("PAR-A021", "Thông tin năm đánh giá không hợp lệ.", "The year's settings are not valid.", bag.ToReport().Problems);

        var existing = await years.GetAsync(year, ct).ConfigureAwait(false);
        if (existing is { Status: YearStatus.Published })
            return ApiProblem.Of(StatusCodes.Status409Conflict, "PAR-A025", $"Năm {year} đã công bố; không sửa được.", $"Year {year} is published and can no longer change.");
        var saved = existing is null
            ? await years.SaveAsync(new YearRecord(year, body.Scheme!, body.Decision!, new Dictionary<RoundName, RoundWindow>(), body.PublishAt, YearStatus.Open, null, null, null, null), ct).ConfigureAwait(false)
            : await years.UpdateAsync(year, y => y.Status == YearStatus.Published ? null : y with { Scheme = body.Scheme!, Decision = body.Decision!, PublishAt = body.PublishAt }, ct).ConfigureAwait(false);
        return saved is null
            ? ApiProblem.Of(StatusCodes.Status409Conflict, "PAR-A026", "Năm vừa được thay đổi đồng thời; hãy thử lại.", "The year changed concurrently; try again.")
            : TypedResults.Ok(YearView.Of(saved));
    }

    private static async Task<IResult> ListUnits(int year, UnitStore units, ApiKeys keys, CancellationToken ct) =>
        TypedResults.Ok((await units.ListAsync(year, ct).ConfigureAwait(false)).Select(u => new
        {
            code = u.Unit.Code, name = u.Unit.Name, group = u.Unit.GroupCode, ranked = u.Unit.Ranked, predecessors = u.Predecessors,
            key = keys.UnitKey(u.Unit.Code),
        }));

    private static async Task<IResult> PutUnits(int year, UnitRequest[] body, YearStore years, SchemeStore schemes, UnitStore units, ApiKeys keys, CancellationToken ct)
    {
        if (await years.GetAsync(year, ct).ConfigureAwait(false) is not { } record) return NoYear(year);
        if (record.Status == YearStatus.Published)
            return ApiProblem.Of(StatusCodes.Status409Conflict, "PAR-A025", $"Năm {year} đã công bố; không sửa được.", $"Year {year} is published and can no longer change.");
        var scheme = await schemes.GetAsync(record.Scheme, ct).ConfigureAwait(false);
        var bag = new ProblemBag();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < body.Length; i++)
        {
            var u = body[i];
            var at = new Location(Row: i + 1, Field: $"[{i}]");
            if (string.IsNullOrWhiteSpace(u.Code) || u.Code.Length > 64 || u.Code.Any(c => c is '/' or '\\' or '#' or '?' or ' ' or ',' || char.IsControl(c)))
                bag.Error("PAR-A030", at, $"Mã đơn vị '{u.Code}' không hợp lệ (không dấu cách, / \\ # ? ,).", $"Unit code '{u.Code}' is not valid (no spaces, / \\ # ? ,).");
            else if (!seen.Add(u.Code))
                bag.Error("PAR-A031", at, $"Mã đơn vị '{u.Code}' bị trùng.", $"Unit code '{u.Code}' appears twice.");
            if (string.IsNullOrWhiteSpace(u.Name))
                bag.Error("PAR-A032", at, $"Đơn vị '{u.Code}' thiếu tên.", $"Unit '{u.Code}' has no name.");
            if (scheme?.FindGroup(u.Group ?? "") is null)
                bag.Error("PAR-A033", at, $"Khối '{u.Group}' không có trong bộ tiêu chí {record.Scheme}.", $"Group '{u.Group}' is not in scheme {record.Scheme}.");
        }
        if (bag.HasErrors) return ApiProblem.Invalid("PAR-A030", "Danh sách đơn vị không hợp lệ; xem danh sách lỗi.", "The unit list is not valid; see the problems.", bag.ToReport().Problems);
        var entries = body.Select(u => new UnitEntry(
            new Unit(u.Code, ParServerless.Scoring.Text.Nfc(u.Name.Trim()), u.Group, u.Ranked ?? true), u.Predecessors ?? [])).ToList();
        await units.ReplaceAsync(year, entries, ct).ConfigureAwait(false);
        // After the rows: a reader that cached the old list under the old version now sees a new version and reloads.
        await years.UpdateAsync(year, y => y with { UnitsVersion = y.UnitsVersion + 1 }, ct).ConfigureAwait(false);
        return await ListUnits(year, units, keys, ct).ConfigureAwait(false);
    }

    private static async Task<IResult> PutRound(int year, string round, RoundRequest body, YearStore years, CancellationToken ct)
    {
        var name = RoundNames.Parse(round);
        if (name == RoundName.Invalid) return BadRound(round);
        if (body.Opens is { } o && body.Deadline is { } d && d <= o)
            return ApiProblem.Invalid("PAR-A041", "Hạn nộp phải sau thời điểm mở.", "The deadline must come after the opening.");
        var saved = await years.UpdateAsync(year, y => y.Status == YearStatus.Published ? null
            : y with { Rounds = new Dictionary<RoundName, RoundWindow>(y.Rounds) { [name] = new RoundWindow(body.Opens, body.Deadline) } }, ct).ConfigureAwait(false);
        return saved is null ? NoYear(year) : TypedResults.Ok(YearView.Of(saved));
    }

    private static async Task<IResult> CloseRound(int year, string round, YearStore years, TimeProvider time, CancellationToken ct)
    {
        var name = RoundNames.Parse(round);
        if (name == RoundName.Invalid) return BadRound(round);
        // Whole seconds: blob last-modified times (the upload moment ingestion checks) have no finer precision.
        var now = time.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        var saved = await years.UpdateAsync(year, y => y with
        {
            Rounds = new Dictionary<RoundName, RoundWindow>(y.Rounds) { [name] = y.WindowFor(name) with { Deadline = now } },
        }, ct).ConfigureAwait(false);
        return saved is null ? NoYear(year) : TypedResults.Ok(YearView.Of(saved));
    }

    private static IResult BadRound(string round) => ApiProblem.Invalid("PAR-A040",
        $"Đợt '{round}' không hợp lệ; dùng {string.Join(", ", RoundNames.All.Select(RoundNames.Text))}.",
        $"Round '{round}' is not valid; use {string.Join(", ", RoundNames.All.Select(RoundNames.Text))}.");

    private static async Task<IResult> Upload(int year, string kind, string fileName, int? round, string? unit, HttpRequest request, UploadGateway gateway, CancellationToken ct)
    {
        if (!UploadGateway.KindsByRoute.TryGetValue(kind, out var k))
            return ApiProblem.Invalid("PAR-A010", $"Loại tệp '{kind}' không hợp lệ; dùng {string.Join(", ", UploadGateway.KindsByRoute.Keys)}.",
                $"File kind '{kind}' is not valid; use {string.Join(", ", UploadGateway.KindsByRoute.Keys)}.");
        var needsUnit = k is Files.FileKind.SelfAssessment or Files.FileKind.Explanation;
        if (needsUnit && string.IsNullOrEmpty(unit))
            return ApiProblem.Invalid("PAR-A016", "Tệp tự đánh giá/giải trình cần ?unit=mã đơn vị.", "A self-assessment or explanation needs ?unit=<code>.");
        return await gateway.UploadAsync(year, k, needsUnit ? unit : null, k == Files.FileKind.Appraisal ? round : null, fileName, request, "admin",
            $"/api/admin/years/{year}/uploads", ct).ConfigureAwait(false);
    }

    private static async Task<IResult> Preview(int year, YearComputation computation, HttpContext http, CancellationToken ct)
    {
        if (await computation.ComputeAsync(year, ct).ConfigureAwait(false) is not { } computed) return NoYear(year);
        var rows = ResultStore.RowsOf(year, computed.Standings, "");
        return TypedResults.Ok(ResultsView.Of(computed.Year with { Status = YearStatus.Open }, computed.Scheme, rows, null));
    }

    private static async Task<IResult> Generate(int year, bool publish, DecisionService decisions, CancellationToken ct)
    {
        var result = await decisions.GenerateAsync(year, publish, ct).ConfigureAwait(false);
        if (result is null) return NoYear(year);
        if (publish && !result.Published)
            return ApiProblem.Of(StatusCodes.Status409Conflict, "PAR-A050",
                $"Chưa công bố được: {result.NotAppraised.Count} đơn vị chưa có điểm thẩm định ({string.Join(", ", result.NotAppraised)}).",
                $"Cannot publish: {result.NotAppraised.Count} units have no appraisal yet ({string.Join(", ", result.NotAppraised)}).");
        return TypedResults.Ok(new
        {
            result.Year, result.InputSha256, result.Published, result.Rendered, result.Units,
            decisionPdf = result.Published ? $"/api/public/years/{year}/decision.pdf" : $"/api/admin/years/{year}/decision.pdf",
        });
    }

    private static async Task<IResult> Draft(int year, string file, string contentType, YearStore years, DocumentStore documents, CancellationToken ct)
    {
        if (await years.GetAsync(year, ct).ConfigureAwait(false) is not { } y) return NoYear(year);
        var hash = y.DraftHash ?? y.PublishedHash;
        var content = hash is null ? null : await documents.ReadAsync(year, hash, file, ct).ConfigureAwait(false);
        return content is null
            ? ApiProblem.NotFound($"Chưa tạo tài liệu '{file}' cho năm {year}; hãy chạy POST /api/admin/years/{year}/decision.", $"No '{file}' generated for {year} yet; POST /api/admin/years/{year}/decision first.")
            : TypedResults.File(content.ToArray(), contentType);
    }
}
