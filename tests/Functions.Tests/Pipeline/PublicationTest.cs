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
    public async Task SignedOriginal_BecomesTheDecision_WithItsHash_AndTheGeneratedTextIsLabelledItsTwin()
    {
        await UploadAppraisalsAsync();
        var published = await _p.PublishAsync();
        Assert.Equal(("succeeded", "PAR-A080"), ((string?)published["state"], (string?)published["outcome"]!["code"]));

        // Until a signed original exists, the API says plainly that the published document is the generated text.
        var before = JsonNode.Parse(await _p.Http.GetStringAsync("/api/public/years/2021"))!;
        Assert.Equal("generated", (string?)before["document"]!["kind"]);
        using var generatedResponse = await _p.Http.GetAsync("/api/public/years/2021/decision.pdf");
        Assert.Equal("generated", generatedResponse.Headers.GetValues("X-Par-Document").Single());
        var generated = await generatedResponse.Content.ReadAsByteArrayAsync();

        // The province signs the PDF outside the system (here: a signature dictionary appended as an incremental update).
        var signed = generated.Concat(System.Text.Encoding.Latin1.GetBytes(
            "\n99 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /ByteRange [0 10 20 30] /Name (Nguyen Van Phuong) /M (D:20220106101500+07'00') /Contents <00> >>\nendobj\n%%EOF\n")).ToArray();
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(signed));
        using (var upload = Support.Pipeline.Admin(HttpMethod.Put, "/api/admin/years/2021/decision/signed", new ByteArrayContent(signed)))
        {
            upload.Content!.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            using var response = await _p.Http.SendAsync(upload);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(sha, (string?)body["sha256"]);
            Assert.Equal("Nguyen Van Phuong", (string?)body["declaredSigner"]);
        }

        using var decision = await _p.Http.GetAsync("/api/public/years/2021/decision.pdf");
        Assert.Equal(signed, await decision.Content.ReadAsByteArrayAsync());
        Assert.Equal($"signed-original; sha256={sha}", decision.Headers.GetValues("X-Par-Document").Single());
        var after = JsonNode.Parse(await _p.Http.GetStringAsync("/api/public/years/2021"))!;
        Assert.Equal("signed-original", (string?)after["document"]!["kind"]);
        Assert.Equal(sha, (string?)after["document"]!["sha256"]);
        Assert.Contains("certificate chain is not checked", (string?)after["document"]!["en"], StringComparison.Ordinal);

        // The generated text stays available, labelled on every page as the machine-readable twin of the signed original.
        using var twin = await _p.Http.GetAsync((string)after["links"]!["generatedDecisionPdf"]!);
        Assert.Equal("generated", twin.Headers.GetValues("X-Par-Document").Single());
        using var twinPdf = PdfDocument.Open(await twin.Content.ReadAsByteArrayAsync());
        using var finalPdf = PdfDocument.Open(generated);
        Assert.Equal(finalPdf.NumberOfPages, twinPdf.NumberOfPages);
        Assert.All(twinPdf.GetPages(), page => Assert.Contains("machine-readable twin", page.Text, StringComparison.Ordinal));
        Assert.DoesNotContain("machine-readable twin", string.Concat(finalPdf.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
        Assert.DoesNotContain("DỰ THẢO", string.Concat(finalPdf.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishedYear_ServesCacheableInlineDocuments_AndRefusesEveryChange()
    {
        await UploadAppraisalsAsync();
        var published = await _p.PublishAsync();
        Assert.Equal(("succeeded", "PAR-A080"), ((string?)published["state"], (string?)published["outcome"]!["code"]));

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
        Assert.Equal("par-open-data/2", (string?)open["schema"]);
        Assert.Equal(csv.TrimStart('\uFEFF').Split("\r\n")[0], string.Join(',', open["columns"]!.AsArray().Select(c => (string?)c)));
        Assert.Equal(HueSample.Units.Count, open["rows"]!.AsArray().Count);
        var xlsx = await _p.Http.GetByteArrayAsync("/api/public/years/2021/export.xlsx");
        using (var book = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx)))
            Assert.Contains(book.Entries, e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));

        // The timer again (a lease-loss replay), and publish through the admin API: nothing changes, nothing is re-rendered.
        Assert.Equal(HttpStatusCode.Accepted, await RunTimerAsync());
        var again = await _p.PublishAsync();
        Assert.Equal(("succeeded", hash), ((string?)again["state"], (string?)again["inputSha256"]));
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
