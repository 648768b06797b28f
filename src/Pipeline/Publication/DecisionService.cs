using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ParServerless.Documents;
using ParServerless.Documents.Decision;
using ParServerless.Documents.ResultSheet;
using ParServerless.Pipeline.Problems;
using ParServerless.Pipeline.Registry;
using ParServerless.Scoring.Decisions;
using ParServerless.Scoring.Results;

namespace ParServerless.Pipeline.Publication;

/// <summary>What a generation produced.</summary>
/// <param name="InputSha256">Hash of every input; names the documents.</param>
/// <param name="Rendered">False when documents with this hash already existed (a replay).</param>
/// <param name="NotAppraised">Units still provisional (no appraisal): publication is refused while any remain.</param>
public sealed record GenerationResult(int Year, string InputSha256, bool Published, bool Rendered, int Units, IReadOnlyList<string> NotAppraised);

/// <summary>
/// Generates a year's Decision (Quyết định công bố) and per-unit result sheets from its raw marks, stores the derived
/// results, and publishes when asked. Idempotent: the same inputs give the same hash, names and bytes, so a replayed timer
/// occurrence or a second "publish" changes nothing.
/// </summary>
/// <remarks>
/// Rendering runs in parallel (<see cref="PublicationOptions"/>) and resumes: documents are named by the input hash and
/// written once, so an attempt after a crash lists what exists and renders only the rest. The manifest is written last and
/// the year row flips after the results: a half-finished publication is never public.
/// </remarks>
public sealed partial class DecisionService(
    YearComputation computation, YearStore years, ResultStore results, DocumentStore documents, PublicationOptions options, TimeProvider time,
    ILogger<DecisionService> logger)
{
    internal static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Years whose publication moment has come and that are not yet published.</summary>
    public async Task<IReadOnlyList<int>> DueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return (await years.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(y => y.Status == YearStatus.Open && y.PublishAt is { } at && at <= now)
            .Select(y => y.Year).ToList();
    }

    /// <returns>What was generated, or the refusal: no such year (PAR-A060), its scheme not registered (PAR-A027).</returns>
    /// <remarks>Units still provisional are not a refusal here: the result lists them and says it did not publish.</remarks>
    public Task<Outcome<GenerationResult>> GenerateAsync(int year, bool publish, CancellationToken cancellationToken) =>
        GenerateAsync(year, publish, null, cancellationToken);

    /// <param name="progress">Told each phase and each unit rendered, from any thread; must be cheap.</param>
    public async Task<Outcome<GenerationResult>> GenerateAsync(int year, bool publish, IProgress<PublicationProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new PublicationProgress(PublicationPhase.Computing, 0, 0));
        var started = time.GetTimestamp();
        var outcome = await computation.ComputeAsync(year, cancellationToken).ConfigureAwait(false);
        var computedAt = time.GetTimestamp();
        if (!outcome.IsOk) return outcome.Refusal;
        var computed = outcome.Value;
        var record = computed.Year;
        if (record.Status == YearStatus.Published)
            return new GenerationResult(year, record.PublishedHash!, true, false, computed.Units.Count, []);
        // Tạm tính results are never published (DOMAIN.md): every unit must have been appraised at least once.
        var notAppraised = computed.Standings.SelectMany(s => s.Rows).Where(r => r.Result.Status == ResultStatus.Provisional)
            .Select(r => r.Result.Unit.Code).ToList();
        if (publish && notAppraised.Count > 0)
        {
            LogNotAppraised(year, notAppraised.Count);
            return new GenerationResult(year, "", false, false, computed.Units.Count, notAppraised);
        }

        var now = time.GetUtcNow();
        // The Decision's date is the publication date in Vietnam, so a replay on another day still hashes alike.
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(publish && record.PublishAt is { } at && at <= now ? at : now, Vietnam).DateTime);
        var model = DecisionBuilder.Build(computed.Scheme, year, date, computed.Standings, record.Decision, computed.Changes);
        var hash = model.InputSha256;
        // Nothing unfinished is ever published: every missing setting (number, date, signer, legal bases) is listed at once.
        if (publish && DecisionReadiness.Check(record.Decision, year) is { Accepted: false } unready)
        {
            LogNotReady(year, string.Join(", ", unready.Codes));
            return PipelineProblems.DecisionNotReady(year, unready.Problems);
        }

        var total = computed.Standings.Sum(s => s.Rows.Count);
        var renderStarted = time.GetTimestamp();
        var rendered = !await documents.ExistsAsync(year, hash, draft: !publish, cancellationToken).ConfigureAwait(false);
        // The results are written while the documents render (they need only the hash): public routes read neither until the
        // year row flips, which still comes last, after both.
        var saving = results.SaveAsync(publish ? ResultStage.Published : ResultStage.Draft, computed, hash, cancellationToken);
        var rendering = rendered ? RenderAsync(computed, model, date, publish, progress, cancellationToken) : Task.CompletedTask;
        try
        {
            await rendering.ConfigureAwait(false);
        }
        finally
        {
            // Never leave the save running unobserved; a rendering failure wins over a save failure.
            if (rendering.IsCompletedSuccessfully) await saving.ConfigureAwait(false);
            else await saving.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }
        var renderedAt = time.GetTimestamp();
        progress?.Report(new PublicationProgress(PublicationPhase.Saving, total, total));
        // The year row flips last: until it says Published, public routes show nothing of this year.
        progress?.Report(new PublicationProgress(PublicationPhase.Publishing, total, total));
        var change = await years.ApplyAsync(year, y => publish ? y.Publish(hash, now) : y.RecordDraft(hash), cancellationToken).ConfigureAwait(false);
        if (change.Refusal is { } refused) return refused; // published meanwhile by another run with other inputs
        LogGenerated(year, hash, publish, rendered);
        var (computeMs, renderMs, saveMs) = (time.GetElapsedTime(started, computedAt).TotalMilliseconds,
            time.GetElapsedTime(renderStarted, renderedAt).TotalMilliseconds, time.GetElapsedTime(renderedAt).TotalMilliseconds);
        LogTimings(year, total, computeMs, renderMs, saveMs);
        return new GenerationResult(year, hash, publish, rendered, computed.Units.Count, notAppraised);
    }

    /// <summary>
    /// Renders the documents of one stage: drafts (marked DỰ THẢO, missing fields highlighted) under <c>draft/</c>, or the
    /// final ones, with the Decision also as its labelled machine-readable twin for when the signed original is published.
    /// What an earlier attempt already wrote is listed once and not rendered again; the manifest comes last.
    /// </summary>
    private async Task RenderAsync(YearResults computed, DecisionModel model, DateOnly date, bool final, IProgress<PublicationProgress>? progress,
        CancellationToken cancellationToken)
    {
        var year = computed.Year.Year;
        var hash = model.InputSha256;
        var stage = final ? DocumentStage.Final : DocumentStage.Draft;
        string Named(string file) => final ? file : DocumentStore.Draft(file);
        var existing = await documents.ListAsync(year, hash, cancellationToken).ConfigureAwait(false);
        bool Missing(string file) => !existing.Contains(Named(file));

        var work = new List<RenderWork>();
        // The Decision first: the longest item, started while the sheets keep the other renderers busy.
        var (pdfMissing, twinMissing) = (Missing(DocumentStore.DecisionPdf), final && Missing(DocumentStore.DecisionTwinPdf));
        if (pdfMissing && twinMissing)
        {
            // One layout for both: the twin differs only by its margin label, and laying out the appendices is most of the cost.
            work.Add(new RenderWork(null, () =>
            {
                var (pdf, twin) = DecisionDocument.RenderFinalAndTwin(model);
                return [new RenderedDocument(Named(DocumentStore.DecisionPdf), pdf, "application/pdf"), new RenderedDocument(Named(DocumentStore.DecisionTwinPdf), twin, "application/pdf")];
            }));
        }
        else if (pdfMissing || twinMissing)
        {
            var (file, documentStage) = pdfMissing ? (DocumentStore.DecisionPdf, stage) : (DocumentStore.DecisionTwinPdf, DocumentStage.MachineReadableTwin);
            work.Add(new RenderWork(null, () => [new RenderedDocument(Named(file), DecisionDocument.Render(model, documentStage), "application/pdf")]));
        }
        if (Missing(DocumentStore.DecisionJson))
            work.Add(new RenderWork(null, () => [new RenderedDocument(Named(DocumentStore.DecisionJson), Encoding.UTF8.GetBytes(DecisionJson.Serialize(model)), "application/json")]));

        var context = new ResultSheetContext(string.Join(" ", model.IssuingBody), date, model.Citation, stage);
        var units = new List<string>();
        var total = 0;
        var already = 0;
        foreach (var standing in computed.Standings)
        {
            foreach (var row in standing.Rows)
            {
                var code = row.Result.Unit.Code;
                units.Add(code);
                total++;
                var (pdf, json) = (Missing(DocumentStore.UnitPdf(code)), Missing(DocumentStore.UnitJson(code)));
                if (!pdf && !json)
                {
                    already++;
                    continue;
                }
                var change = computed.Changes is { } c && c.TryGetValue(code, out var ch) ? ch : null;
                work.Add(new RenderWork(code, () =>
                {
                    var sheet = WorkingSheet.Build(computed.Scheme, standing, code, change);
                    var list = new List<RenderedDocument>(2);
                    if (pdf) list.Add(new(Named(DocumentStore.UnitPdf(code)), ResultSheetDocument.Render(sheet, computed.Scheme, context, standing), "application/pdf"));
                    if (json) list.Add(new(Named(DocumentStore.UnitJson(code)), WorkingSheetView.Utf8(sheet, computed.Scheme), "application/json"));
                    return list;
                }));
            }
        }

        var rendered = already;
        if (already > 0) LogResumed(year, hash, already, total);
        progress?.Report(new PublicationProgress(PublicationPhase.Rendering, rendered, total));
        await ParallelRendering.RunAsync(work,
            (d, ct) => documents.WriteAsync(year, hash, d.Name, d.Content, d.ContentType, ct),
            w =>
            {
                if (w.Unit is null) return;
                var now = Interlocked.Increment(ref rendered);
                progress?.Report(new PublicationProgress(PublicationPhase.Rendering, now, total));
            },
            options, cancellationToken).ConfigureAwait(false);

        var manifest = new { format = "par-documents/1", year, inputSha256 = hash, decision = DocumentStore.DecisionPdf, units };
        await documents.WriteAsync(year, hash, Named(DocumentStore.Manifest), JsonSerializer.SerializeToUtf8Bytes(manifest, Json), "application/json", cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Decision {Year}: {Units} units; computed in {ComputeMs:0} ms, rendered (results saved meanwhile) in {RenderMs:0} ms, saved and flipped in {SaveMs:0} ms")]
    private partial void LogTimings(int year, int units, double computeMs, double renderMs, double saveMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Decision {Year} {InputSha256}: resuming, {Already} of {Total} units' sheets exist already")]
    private partial void LogResumed(int year, string inputSha256, int already, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Decision {Year} not published: settings missing ({Codes})")]
    private partial void LogNotReady(int year, string codes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Decision {Year} not published: {Count} units have no appraisal yet")]
    private partial void LogNotAppraised(int year, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Decision {Year} {InputSha256}: published={Published}, rendered={Rendered}")]
    private partial void LogGenerated(int year, string inputSha256, bool published, bool rendered);
}
