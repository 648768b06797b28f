using System.Text;
using System.Text.Json;
using ParServerless.Documents;
using ParServerless.Documents.Decision;
using ParServerless.Documents.ResultSheet;
using ParServerless.Pipeline.Publication;
using ParServerless.Pipeline.Registry;
using ParServerless.Scoring.Decisions;
using ParServerless.Scoring.Results;

namespace ParServerless.Bench.Publication;

/// <summary>
/// The publication path before issue #14, kept here only as the benchmark's baseline: <c>DecisionService.GenerateAsync</c>
/// at commit 79c3c8d, inside the synchronous <c>POST …/publish</c>: compute, render the Decision, its twin and JSON, then per unit
/// the sheet PDF and JSON one at a time, each write awaited, the manifest, the results, the year row.
/// </summary>
internal static class SequentialBaseline
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static async Task<int> PublishAsync(YearComputation computation, YearStore years, ResultStore results, DocumentStore documents, int year, CancellationToken ct)
    {
        var computed = (await computation.ComputeAsync(year, ct)).Value ?? throw new InvalidOperationException("no year");
        var record = computed.Year;
        var now = DateTimeOffset.UtcNow;
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Vietnam).DateTime);
        var model = DecisionBuilder.Build(computed.Scheme, year, date, computed.Standings, record.Decision, computed.Changes);
        var hash = model.InputSha256;
        await documents.WriteAsync(year, hash, DocumentStore.DecisionPdf, DecisionDocument.Render(model, DocumentStage.Final), "application/pdf", ct);
        await documents.WriteAsync(year, hash, DocumentStore.DecisionTwinPdf, DecisionDocument.Render(model, DocumentStage.MachineReadableTwin), "application/pdf", ct);
        await documents.WriteAsync(year, hash, DocumentStore.DecisionJson, Encoding.UTF8.GetBytes(DecisionJson.Serialize(model)), "application/json", ct);
        var context = new ResultSheetContext(string.Join(" ", model.IssuingBody), date, model.Citation, DocumentStage.Final);
        var units = new List<string>();
        foreach (var standing in computed.Standings)
        {
            foreach (var row in standing.Rows)
            {
                var code = row.Result.Unit.Code;
                var change = computed.Changes is { } c && c.TryGetValue(code, out var ch) ? ch : null;
                var sheet = WorkingSheet.Build(computed.Scheme, standing, code, change);
                await documents.WriteAsync(year, hash, DocumentStore.UnitPdf(code), ResultSheetDocument.Render(sheet, computed.Scheme, context, standing), "application/pdf", ct);
                await documents.WriteAsync(year, hash, DocumentStore.UnitJson(code), WorkingSheetView.Utf8(sheet, computed.Scheme), "application/json", ct);
                units.Add(code);
            }
        }
        var manifest = new { format = "par-documents/1", year, inputSha256 = hash, decision = DocumentStore.DecisionPdf, units };
        await documents.WriteAsync(year, hash, DocumentStore.Manifest, JsonSerializer.SerializeToUtf8Bytes(manifest, Json), "application/json", ct);
        await results.SaveAsync(year, ResultStage.Published, computed.Standings, hash, ct);
        var change2 = await years.ApplyAsync(year, y => y.Publish(hash, now), ct);
        if (change2.Refusal is { } refused) throw new InvalidOperationException(refused.English);
        return units.Count;
    }
}
