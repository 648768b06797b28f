using System.Net;
using System.Text.Json.Nodes;
using ParServerless.Testing;
using ParServerless.Files;
using ParServerless.Samples;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace ParServerless.Functions.Tests.Pipeline;

/// <summary>The year end: the timer publishes, the public routes open, a replay changes nothing.</summary>
public sealed class PublicationTest(ITestOutputHelper output) : IAsyncLifetime
{
    private Support.Pipeline _p = null!;

    public async Task InitializeAsync()
    {
        _p = await Support.Pipeline.StartAsync(new TestLogging(output));
        await _p.SetUpHueAsync();
    }

    public async Task DisposeAsync() => await _p.DisposeAsync();

    /// <summary>Blank council appraisal templates: every unit appraised (all zeros), enough for the workflow to allow publication.</summary>
    private async Task UploadAppraisalsAsync()
    {
        foreach (var group in HueSample.Scheme.Groups)
        {
            var members = HueSample.Units.Where(u => u.GroupCode == group.Code).ToList();
            var file = TemplateWriter.Write(HueSample.Scheme, new TemplateRequest(2021, group.Code, FileKind.Appraisal, members, 1));
            await _p.UploadBlobAsync("appraisals", $"2021/1/tham-dinh-{group.Code}.xlsx", file);
        }
        await _p.WaitUntilQuietAsync();
    }

    private async Task<HttpStatusCode> RunTimerAsync()
    {
        using var response = await _p.Http.PostAsync("/admin/functions/GenerateDecision", new StringContent("{}"));
        return response.StatusCode;
    }

    [Fact]
    public async Task Timer_WithProvisionalResults_PublishesNothing()
    {
        Assert.Equal(HttpStatusCode.Accepted, await RunTimerAsync());
        await Eventually.TrueAsync(() => _p.Logging.Entries.Any(e => e.Message.Contains("no appraisal", StringComparison.Ordinal)), "the timer's refusal");
        using var response = await _p.Http.GetAsync("/api/public/years/2021/results");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var year = await _p.AdminJsonAsync(HttpMethod.Get, "/api/admin/years/2021");
        Assert.Equal("Open", (string?)year["status"]);
    }

    [Fact]
    public async Task PublishedYear_ServesCacheableInlineDocuments_AndRefusesEveryChange()
    {
        await UploadAppraisalsAsync();
        using (var publish = await _p.Http.SendAsync(Support.Pipeline.Admin(HttpMethod.Post, "/api/admin/years/2021/publish")))
            Assert.Equal(HttpStatusCode.OK, publish.StatusCode);

        using var pdf = await _p.Http.GetAsync("/api/public/years/2021/decision.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("inline", pdf.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(pdf.Headers.CacheControl?.Public);
        var etag = pdf.Headers.ETag ?? throw new InvalidOperationException("no ETag");

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/public/years/2021/decision.pdf");
        again.Headers.IfNoneMatch.Add(etag);
        using (var notModified = await _p.Http.SendAsync(again))
        {
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        }
        using (var head = await _p.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/public/years/2021/results")))
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal("application/json", head.Content.Headers.ContentType?.MediaType);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }

        // A published Decision does not change: a round's window and a close are refused with a code, not a silent 200.
        using var put = Support.Pipeline.Admin(HttpMethod.Put, "/api/admin/years/2021/rounds/survey",
            System.Net.Http.Json.JsonContent.Create(new { deadline = DateTimeOffset.UtcNow.AddDays(5) }));
        using var close = Support.Pipeline.Admin(HttpMethod.Post, "/api/admin/years/2021/rounds/self-assessment/close");
        foreach (var request in new[] { put, close })
        {
            using var refused = await _p.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("PAR-A025", (string?)JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["code"]);
        }
        var year = await _p.AdminJsonAsync(HttpMethod.Get, "/api/admin/years/2021");
        Assert.Null(year["rounds"]!["self-assessment"]?["deadline"]?.GetValue<DateTimeOffset?>());
    }

    [Fact]
    public async Task Timer_PublishesDueYear_PublicRoutesServeEverything_AndAReplayChangesNothing()
    {
        await UploadAppraisalsAsync();
        Assert.Equal(HttpStatusCode.Accepted, await RunTimerAsync());
        var meta = await Eventually.ReturnsAsync(async () =>
        {
            using var r = await _p.Http.GetAsync("/api/public/years/2021");
            return r.IsSuccessStatusCode ? JsonNode.Parse(await r.Content.ReadAsStringAsync()) : null;
        }, "the publication");
        var hash = (string)meta["inputSha256"]!;
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal("Số: 12/QĐ-UBND", (string?)meta["numberLine"]);

        var pdf = await _p.Http.GetByteArrayAsync("/api/public/years/2021/decision.pdf");
        using (var doc = PdfDocument.Open(pdf))
        {
            var text = string.Join("\n", doc.GetPages().Select(p => p.Text));
            Assert.Contains("QUYẾT ĐỊNH", text, StringComparison.Ordinal);
            Assert.Contains("Sở Tư pháp", text, StringComparison.Ordinal);
        }
        var results = JsonNode.Parse(await _p.Http.GetStringAsync("/api/public/years/2021/results?group=SO"))!;
        var rows = results["groups"]!.AsArray().Single()!["units"]!.AsArray();
        Assert.Equal(HueSample.Units.Count(u => u.GroupCode == "SO"), rows.Count);
        Assert.All(rows, r => Assert.Equal("AppraisedOnce", (string?)r!["status"]));
        var sheet = JsonNode.Parse(await _p.Http.GetStringAsync("/api/public/years/2021/units/SO-TP"))!;
        Assert.Equal("par-working-sheet/1", (string?)sheet["format"]);
        using (var unitPdf = PdfDocument.Open(await _p.Http.GetByteArrayAsync("/api/public/years/2021/units/SO-TP/sheet.pdf")))
            Assert.Contains("Sở Tư pháp", string.Join("\n", unitPdf.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
        var csv = await _p.Http.GetStringAsync("/api/public/years/2021/export.csv");
        Assert.StartsWith("year,group,unit_code,unit_name,self_total", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(HueSample.Units.Count + 1, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var open = JsonNode.Parse(await _p.Http.GetStringAsync("/api/public/years/2021/export.json"))!;
        Assert.Equal("par-open-data/1", (string?)open["schema"]);
        Assert.Equal(csv.TrimStart('\uFEFF').Split("\r\n")[0], string.Join(',', open["columns"]!.AsArray().Select(c => (string?)c)));
        Assert.Equal(HueSample.Units.Count, open["rows"]!.AsArray().Count);
        var xlsx = await _p.Http.GetByteArrayAsync("/api/public/years/2021/export.xlsx");
        using (var book = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx)))
            Assert.Contains(book.Entries, e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));

        // The timer again (a lease-loss replay), and publish through the admin API: nothing changes, nothing is re-rendered.
        Assert.Equal(HttpStatusCode.Accepted, await RunTimerAsync());
        var again = await _p.AdminJsonAsync(HttpMethod.Post, "/api/admin/years/2021/publish");
        Assert.Equal(hash, (string?)again["inputSha256"]);
        Assert.False((bool)again["rendered"]!);
        Assert.Equal(pdf, await _p.Http.GetByteArrayAsync("/api/public/years/2021/decision.pdf"));

        // Published means closed: a late upload is refused at the API and rejected at ingestion.
        await _p.UploadBlobAsync("submissions", "2021/SO-TP/muon.xlsx",
            TemplateWriter.Write(HueSample.Scheme, 2021, HueSample.Units.Single(u => u.Code == "SO-TP"), FileKind.SelfAssessment));
        await _p.WaitUntilQuietAsync();
        var late = (await _p.UploadsAsync()).Single(u => (string?)u!["blobName"] == "2021/SO-TP/muon.xlsx")!;
        Assert.Equal(["PAR-I003"], late["codes"]!.AsArray().Select(c => (string?)c));
    }
}
