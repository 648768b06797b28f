using ParServerless.Files;
using ParServerless.Files.Workflow;
using ParServerless.Pipeline.Api.Contracts;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Problems;
using ParServerless.Pipeline.Publication;
using ParServerless.Pipeline.Registry;
using ParServerless.Scoring.Problems;
using ParServerless.Scoring.Units;

namespace ParServerless.Pipeline.Api;

/// <summary>
/// Sở Nội vụ's operations (quản trị): schemes, years and their rounds, units, council uploads, the audit, draft results and
/// documents, and publication. Keys are checked by the caller. Every change of a year is a transition of
/// <see cref="YearRecord"/>: it either changes the year or is refused with a code, never a silent no-op.
/// </summary>
public sealed class AdminApi(
    SchemeStore schemes, YearStore years, UnitStore units, UploadStore uploads, UploadGateway gateway, YearComputation computation,
    PublicationRequests publications, PublicationJobStore jobs, DocumentStore documents, PublishedCache cache, ApiKeys keys, TimeProvider time)
{
    public async Task<ApiReply> SchemesAsync(CancellationToken ct) => ApiReply.Json(await schemes.ListAsync(ct).ConfigureAwait(false));

    public async Task<ApiReply> PutSchemeAsync(string json, CancellationToken ct)
    {
        var (result, created) = await schemes.PutAsync(json, ct).ConfigureAwait(false);
        if (!result.Accepted)
            return PipelineProblems.SchemeInvalid(result.Report.Problems.FirstOrDefault(p => p.Severity == Severity.Error)?.Code ?? "PAR-A020", result.Report.Problems);
        var s = result.Value!;
        var body = new SchemeRegistered(s.Ref.Id, s.Ref.Version, s.Name, s.Leaves.Count, created, result.Report.Problems.Select(ProblemView.Of).ToList());
        return ApiReply.Json(body, created ? 201 : 200, created ? $"/api/admin/schemes/{s.Ref.Id}/{s.Ref.Version}" : null);
    }

    public async Task<ApiReply> YearsAsync(CancellationToken ct) =>
        ApiReply.Json<IReadOnlyList<YearView>>((await years.ListAsync(ct).ConfigureAwait(false)).Select(YearView.Of).ToList());

    public async Task<ApiReply> YearAsync(int year, CancellationToken ct) =>
        await years.GetAsync(year, ct).ConfigureAwait(false) is { } y ? ApiReply.Json(YearView.Of(y)) : PipelineProblems.YearMissing(year);

    /// <summary>Opens a year, or changes its settings while it is not published.</summary>
    public async Task<ApiReply> PutYearAsync(int year, YearRequest body, CancellationToken ct)
    {
        var existing = await years.GetAsync(year, ct).ConfigureAwait(false);
        if (existing?.ChangeSettings(existing.Scheme, existing.Decision, existing.PublishAt) is YearChange.Refused refused) return refused.Why;
        var bag = new ProblemBag();
        // A year that holds only an earlier published table uses any registered scheme for its groups, and needs no Decision.
        var historyOnly = body.HistoryOnly == true;
        var scheme = body.Scheme is null ? null : await schemes.GetAsync(body.Scheme, ct).ConfigureAwait(false);
        if (scheme is null) bag.Add(PipelineProblems.YearSchemeNotRegistered(body.Scheme).AsProblem(new Location(Field: "scheme")));
        else if (!scheme.CoversYear(year) && !historyOnly) bag.Add(PipelineProblems.SchemeDoesNotCoverYear(scheme, year).AsProblem(new Location(Field: "scheme")));
        if (!historyOnly && (body.Decision is null || string.IsNullOrWhiteSpace(body.Decision.Province) || string.IsNullOrWhiteSpace(body.Decision.Place)))
            bag.Add(PipelineProblems.DecisionPlaceMissing().AsProblem(new Location(Field: "decision")));
        if (bag.HasErrors) return PipelineProblems.YearSettingsInvalid(bag.ToReport().Problems);

        if (existing is null)
        {
            var opened = await years.SaveAsync(historyOnly
                ? YearRecord.OpenHistoryOnly(year, body.Scheme!, body.Decision ?? HistoryDecision)
                : YearRecord.Open(year, body.Scheme!, body.Decision!, body.PublishAt), ct).ConfigureAwait(false);
            if (opened is not null) return ApiReply.Json(YearView.Of(opened));
            // Opened meanwhile by another request: fall through to a change of what now exists.
        }
        return Reply(await years.ApplyAsync(year, y => y.ChangeSettings(body.Scheme!, body.Decision ?? (historyOnly ? HistoryDecision : y.Decision), body.PublishAt, historyOnly), ct).ConfigureAwait(false));
    }

    /// <summary>The Decision settings a history-only year keeps: it never issues a Decision.</summary>
    private static readonly Scoring.Decisions.DecisionSettings HistoryDecision = new() { Province = "", Place = "" };

    public async Task<ApiReply> UnitsAsync(int year, CancellationToken ct) =>
        ApiReply.Json<IReadOnlyList<UnitView>>((await units.ListAsync(year, ct).ConfigureAwait(false)).Select(u =>
            new UnitView(u.Unit.Code, u.Unit.Name, u.Unit.GroupCode, u.Unit.Ranked, u.Predecessors, keys.UnitKey(u.Unit.Code))).ToList());

    /// <summary>Registers the year's units and groups with the predecessor map, replacing the list; every problem at once.</summary>
    public async Task<ApiReply> PutUnitsAsync(int year, IReadOnlyList<UnitRequest> body, CancellationToken ct)
    {
        if (await years.GetAsync(year, ct).ConfigureAwait(false) is not { } record) return PipelineProblems.YearMissing(year);
        if (record.UnitsRegistered() is YearChange.Refused refused) return refused.Why;
        var scheme = await schemes.GetAsync(record.Scheme, ct).ConfigureAwait(false);
        if (scheme is null) return PipelineProblems.YearSchemeMissing(year, record.Scheme);
        var bag = new ProblemBag();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < body.Count; i++)
        {
            var u = body[i];
            var at = new Location(Row: i + 1, Field: $"[{i}]");
            if (string.IsNullOrWhiteSpace(u.Code) || u.Code.Length > 64 || u.Code.Any(c => c is '/' or '\\' or '#' or '?' or ' ' or ',' || char.IsControl(c)))
                bag.Add(PipelineProblems.BadUnitCode(u.Code).AsProblem(at));
            else if (!seen.Add(u.Code))
                bag.Add(PipelineProblems.DuplicateUnitCode(u.Code).AsProblem(at));
            if (string.IsNullOrWhiteSpace(u.Name)) bag.Add(PipelineProblems.UnitNameMissing(u.Code).AsProblem(at));
            if (scheme.FindGroup(u.Group ?? "") is null) bag.Add(PipelineProblems.UnknownGroup(u.Group, record.Scheme).AsProblem(at));
        }
        if (bag.HasErrors) return PipelineProblems.UnitListInvalid(bag.ToReport().Problems);
        var entries = body.Select(u => new UnitEntry(
            new Unit(u.Code, ParServerless.Scoring.Text.Nfc(u.Name.Trim()), u.Group, u.Ranked ?? true), u.Predecessors ?? [])).ToList();
        await units.ReplaceAsync(year, entries, ct).ConfigureAwait(false);
        // After the rows: a reader that cached the old list under the old version now sees a new version and reloads.
        var change = await years.ApplyAsync(year, y => y.UnitsRegistered(), ct).ConfigureAwait(false);
        if (change.Refusal is { } why) return why;
        return await UnitsAsync(year, ct).ConfigureAwait(false);
    }

    public async Task<ApiReply> PutRoundAsync(int year, string round, RoundRequest body, CancellationToken ct)
    {
        if (WorkflowSteps.Named(round) is not { } step) return BadRound(round);
        if (body.Opens is { } o && body.Deadline is { } d && d <= o) return PipelineProblems.DeadlineBeforeOpening();
        return Reply(await years.ApplyAsync(year, y => y.SetRound(step.Step, new RoundWindow(body.Opens, body.Deadline)), ct).ConfigureAwait(false));
    }

    public async Task<ApiReply> CloseRoundAsync(int year, string round, CancellationToken ct)
    {
        if (WorkflowSteps.Named(round) is not { } step) return BadRound(round);
        return Reply(await years.ApplyAsync(year, y => y.CloseRound(step.Step, time.GetUtcNow()), ct).ConfigureAwait(false));
    }

    /// <summary>A council upload: appraisal (round 1 or 2), survey, bonus-penalty, history; or any kind for a unit.</summary>
    public async Task<ApiReply> UploadAsync(int year, string kind, string fileName, int? round, string? unit, Stream body, long? contentLength, CancellationToken ct)
    {
        // Refusals before the gateway's checks are audited like the others (admin: Sở Nội vụ tried).
        if (WorkflowSteps.ByUploadKind(kind) is not { } step)
            return await gateway.RefuseAsync(PipelineProblems.BadKind(kind, WorkflowSteps.UploadKinds), year, kind, "", unit, round, fileName, contentLength ?? 0, null, "admin", ct).ConfigureAwait(false);
        var needsUnit = step.Scope == PathScope.Unit;
        if (needsUnit && string.IsNullOrEmpty(unit))
            return await gateway.RefuseAsync(PipelineProblems.UnitMissing(), year, step.FileKind.ToString(), step.Container, unit, round, fileName, contentLength ?? 0, null, "admin", ct).ConfigureAwait(false);
        return await gateway.UploadAsync(year, step.FileKind, needsUnit ? unit : null, step.Scope == PathScope.Round ? round : null, fileName, body, contentLength, "admin",
            $"/api/admin/years/{year}/uploads", ct).ConfigureAwait(false);
    }

    public async Task<ApiReply> UploadsAsync(int year, string? unit, CancellationToken ct) =>
        ApiReply.Json(await uploads.ListAsync(year, unit, ct).ConfigureAwait(false));

    public Task<ApiReply> UploadStatusAsync(int year, string sha256, CancellationToken ct) => gateway.StatusAsync(year, null, sha256, ct);

    /// <summary>Draft results computed now from the raw marks (never public).</summary>
    public async Task<ApiReply> PreviewAsync(int year, CancellationToken ct)
    {
        var outcome = await computation.ComputeAsync(year, ct).ConfigureAwait(false);
        if (!outcome.IsOk) return outcome.Refusal;
        var computed = outcome.Value;
        var rows = ResultStore.RowsOf(computed, "");
        return ApiReply.Json(PublicApi.Results(computed.Year with { Status = YearStatus.Open }, computed.Scheme, rows, null));
    }

    /// <summary>
    /// Starts generating the draft documents, or publishing (<paramref name="publish"/>), as background work: 202 with the
    /// job's status URL at once. A job of the same kind already queued or running is joined, not doubled. What the year row
    /// alone can refuse is refused at once: no such year (PAR-A060), a Decision setting missing (PAR-A052).
    /// </summary>
    public async Task<ApiReply> GenerateAsync(int year, bool publish, CancellationToken ct)
    {
        if (await years.GetAsync(year, ct).ConfigureAwait(false) is not { } record) return PipelineProblems.YearMissing(year);
        if (publish && record.Status != YearStatus.Published
            && ParServerless.Scoring.Decisions.DecisionReadiness.Check(record.Decision, year) is { Accepted: false } unready)
            return PipelineProblems.DecisionNotReady(year, unready.Problems);
        var (job, _) = await publications.RequestAsync(year, publish, "admin", ct).ConfigureAwait(false);
        var view = PublicationStatusView.Of(job);
        return ApiReply.Json(view, 202, view.StatusUrl);
    }

    /// <summary>A publication job's status: 202 while queued or running, 200 once finished (the outcome says how).</summary>
    public async Task<ApiReply> PublicationAsync(int year, string id, CancellationToken ct)
    {
        if (!PublicationJob.IsWellFormedId(id) || await jobs.GetAsync(year, id, ct).ConfigureAwait(false) is not { } job)
            return PipelineProblems.PublicationNotFound(year, id);
        // The worker published in this or another instance: the public routes must not wait out their negative cache.
        if (job.Publish && job.State == PublicationState.Succeeded) cache.Forget(year);
        return ApiReply.Json(PublicationStatusView.Of(job), job.Finished ? 200 : 202);
    }

    /// <summary>The year's publication jobs, newest first.</summary>
    public async Task<ApiReply> PublicationsAsync(int year, CancellationToken ct) =>
        ApiReply.Json<IReadOnlyList<PublicationStatusView>>((await jobs.ListAsync(year, ct).ConfigureAwait(false)).Select(PublicationStatusView.Of).ToList());

    /// <summary>The latest generated document of a year (draft, or the published one when no later draft exists).</summary>
    public async Task<ApiReply> DraftAsync(int year, string file, string contentType, CancellationToken ct)
    {
        if (await years.GetAsync(year, ct).ConfigureAwait(false) is not { } y) return PipelineProblems.YearMissing(year);
        // Once published, the published documents; before, the latest drafts (marked DỰ THẢO).
        var (hash, name) = y.Status == YearStatus.Published ? (y.PublishedHash, file) : (y.DraftHash, DocumentStore.Draft(file));
        var content = hash is null ? null : await documents.ReadAsync(year, hash, name, ct).ConfigureAwait(false);
        return content is null ? PipelineProblems.NoDraft(year, file) : new ContentReply(content.ToMemory(), contentType);
    }

    /// <summary>The largest signed original taken: a scanned Decision with its appendices, at a legible resolution.</summary>
    public const long MaxSignedBytes = 30L * 1024 * 1024;

    /// <summary>
    /// Stores the signed original (bản gốc đã ký) of a published Decision: the public routes then serve it as the Decision,
    /// with its SHA-256. The bytes are kept under their own hash (never overwritten); the year row names them last.
    /// </summary>
    public async Task<ApiReply> UploadSignedAsync(int year, Stream body, long? contentLength, CancellationToken ct)
    {
        if (await years.GetAsync(year, ct).ConfigureAwait(false) is not { } record) return PipelineProblems.YearMissing(year);
        if (record.Status != YearStatus.Published) return PipelineProblems.SignedBeforePublication(year);
        var content = await UploadGateway.ReadBodyAsync(body, contentLength, MaxSignedBytes, ct).ConfigureAwait(false);
        if (content is null) return PipelineProblems.TooLarge(MaxSignedBytes);
        if (content.Length == 0) return PipelineProblems.EmptyFile();
        if (!content.AsSpan().StartsWith("%PDF-"u8)) return PipelineProblems.NotAPdf();

        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        var signature = PdfSignatureInfo.Read(content);
        await documents.WriteSignedAsync(year, sha, content, ct).ConfigureAwait(false);
        var signed = new SignedOriginal(sha, content.Length, time.GetUtcNow(), "admin", signature.HasSignature, signature.DeclaredSigner, signature.DeclaredSigningTime);
        var change = await years.ApplyAsync(year, y => y.AttachSignedOriginal(signed), ct).ConfigureAwait(false);
        cache.Forget(year);
        if (change.Refusal is { } refused) return refused;
        var stored = change.Result!.SignedDecision!;
        return ApiReply.Json(new SignedOriginalView(year, stored.Sha256, stored.Size, stored.UploadedAt, stored.HasDigitalSignature,
            stored.DeclaredSigner, stored.DeclaredSigningTime, $"/api/public/years/{year}/decision.pdf",
            PublicApi.DocumentOf(change.Result).En));
    }

    private static ApiReply Reply(YearChange change) =>
        change.Result is { } year ? ApiReply.Json(YearView.Of(year)) : change.Refusal!;

    private static Refusal BadRound(string round) =>
        PipelineProblems.BadRound(round, WorkflowSteps.All.Select(s => s.Name));
}
