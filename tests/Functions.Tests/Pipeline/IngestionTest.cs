using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using ParServerless.Testing;
using ParServerless.Files;
using ParServerless.Samples;
using Xunit.Abstractions;

namespace ParServerless.Functions.Tests.Pipeline;

/// <summary>Ingestion through real blob triggers: idempotency, rejections, deadlines.</summary>
public sealed class IngestionTest(ITestOutputHelper output) : IAsyncLifetime
{
    private Support.Pipeline _p = null!;

    public async Task InitializeAsync()
    {
        _p = await Support.Pipeline.StartAsync(new TestLogging(output));
        await _p.SetUpHueAsync();
    }

    public async Task DisposeAsync() => await _p.DisposeAsync();

    private static byte[] Template(string unit) =>
        TemplateWriter.Write(HueSample.Scheme, 2021, HueSample.Units.Single(u => u.Code == unit), FileKind.SelfAssessment);

    private static async Task<List<string>> NamesAsync(string storage, string container)
    {
        var names = new List<string>();
        var client = new BlobContainerClient(storage, container);
        if (await client.ExistsAsync())
            await foreach (var blob in client.GetBlobsAsync()) names.Add(blob.Name);
        return names;
    }

    [Fact]
    public async Task SameBlob_DeliveredThreeTimes_HasExactlyOneEffect()
    {
        var bytes = Template("SO-TP");
        // Three uploads of the same bytes: three ETags, so DevHost (like the host) delivers three times.
        for (var i = 0; i < 3; i++)
        {
            await _p.UploadBlobAsync("submissions", "2021/SO-TP/tu-danh-gia.xlsx", bytes);
            await _p.WaitUntilQuietAsync();
        }
        // Three deliveries (the worker's logs, relayed by DevHost): one ingestion, two no-ops.
        Assert.Single(_p.Logging.Entries, e => e.Message.Contains("tu-danh-gia.xlsx: Accepted", StringComparison.Ordinal));
        var uploads = await _p.UploadsAsync();
        var row = Assert.Single(uploads);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), (string?)row!["sha256"]);
        Assert.Equal("Accepted", (string?)row["outcome"]);
        Assert.Single(await NamesAsync(_p.Storage, "originals"));
        Assert.Empty(await NamesAsync(_p.Storage, "reports")); // a report that fits travels in the status row (one round trip fewer)
        Assert.Equal(2, _p.Logging.Entries.Count(e => e.Message.Contains("Already ingested submissions/2021/SO-TP/tu-danh-gia.xlsx ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CorruptFile_GetsRejectionReport_NoPoison_OriginalKept()
    {
        byte[] corrupt = [0x50, 0x4B, 0x03, 0x04, 0xFF, 0xFF, 0x00, 0x13, 0x37];
        await _p.UploadBlobAsync("submissions", "2021/SO-TP/hong.xlsx", corrupt);
        await _p.WaitUntilQuietAsync();

        var row = Assert.Single(await _p.UploadsAsync())!;
        Assert.Equal("Rejected", (string?)row["outcome"]);
        Assert.True((int)row["errors"]! > 0);
        Assert.Equal(0, await _p.PoisonCountAsync());
        var sha = (string)row["sha256"]!;
        var status = await _p.AdminJsonAsync(HttpMethod.Get, $"/api/admin/years/2021/uploads/{sha}");
        var problems = status["report"]!["problems"]!.AsArray();
        Assert.NotEmpty(problems);
        Assert.All(problems, p =>
        {
            Assert.StartsWith("PAR-E", (string?)p!["code"], StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace((string?)p["vi"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)p["en"]));
        });
        var original = await new BlobContainerClient(_p.Storage, "originals").GetBlobClient((string)row["originalBlob"]!).DownloadContentAsync();
        Assert.Equal(corrupt, original.Value.Content.ToArray());
    }

    [Fact]
    public async Task ZeroLengthBlob_IsIgnored_WithoutRecordOrPoison()
    {
        await _p.UploadBlobAsync("submissions", "2021/SO-TP/trong.xlsx", []);
        await _p.WaitUntilQuietAsync();
        Assert.Empty(await _p.UploadsAsync());
        Assert.Equal(0, await _p.PoisonCountAsync());
        Assert.Empty(await NamesAsync(_p.Storage, "originals"));
    }

    [Fact]
    public async Task MalformedPath_IsRecordedAsRejection_WithPathCode()
    {
        await _p.UploadBlobAsync("appraisals", "2021/3/tham-dinh.xlsx", Template("SO-TP"));
        await _p.WaitUntilQuietAsync();
        var row = Assert.Single(await _p.UploadsAsync())!;
        Assert.Equal("Rejected", (string?)row["outcome"]);
        Assert.Contains("PAR-I001", row["codes"]!.AsArray().Select(c => (string?)c));
    }

    [Fact]
    public async Task DeadlinePassed_ApiRefusesWithCode_AndDirectBlobIsRejected()
    {
        var closed = await _p.AdminJsonAsync(HttpMethod.Post, "/api/admin/years/2021/rounds/self-assessment/close");
        Assert.NotNull(closed["rounds"]?["self-assessment"]?["deadline"]);
        Assert.Equal("Open", (string?)closed["status"]);
        var key = await _p.UnitKeyAsync("SO-TP");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/agency/2021/SO-TP/uploads/self-assessment/tre-han.xlsx") { Content = new ByteArrayContent(Template("SO-TP")) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using (var response = await _p.Http.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("PAR-I004", (string?)problem["code"]);
            Assert.Contains("hết hạn", (string?)problem["vi"], StringComparison.Ordinal);
        }
        Assert.Empty(await NamesAsync(_p.Storage, "submissions"));

        // Straight into storage (bypassing the API) after the deadline: ingested as a rejection with the same code.
        await _p.UploadBlobAsync("submissions", "2021/SO-TP/tre-han.xlsx", Template("SO-TP"));
        await _p.WaitUntilQuietAsync();
        var rows = await _p.UploadsAsync();
        // The API's refusal is in the audit too (issue 10), apart from the direct blob's rejection.
        Assert.Single(rows, r => (string?)r!["outcome"] == "Refused" && (string?)r["codes"]![0] == "PAR-I004");
        var row = Assert.Single(rows, r => (string?)r!["outcome"] != "Refused")!;
        Assert.Equal("Rejected", (string?)row["outcome"]);
        Assert.Equal(["PAR-I004"], row["codes"]!.AsArray().Select(c => (string?)c));
    }

    [Fact]
    public async Task AgencyUpload_ThroughApi_IsIngested_AndStatusShowsTheReport()
    {
        var key = await _p.UnitKeyAsync("SO-TP");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/agency/2021/SO-TP/uploads/self-assessment/tu-danh-gia.xlsx") { Content = new ByteArrayContent(Template("SO-TP")) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await _p.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var statusUrl = (string)accepted["status"]!;
        Assert.Equal(statusUrl, response.Headers.Location?.ToString());

        var status = await Eventually.ReturnsAsync(async () =>
        {
            var r = new HttpRequestMessage(HttpMethod.Get, statusUrl);
            r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var s = await _p.Http.SendAsync(r);
            return s.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(await s.Content.ReadAsStringAsync()) : null;
        }, "the upload to be ingested");
        Assert.Equal("ingested", (string?)status["status"]);
        Assert.Equal("SO-TP", (string?)status["upload"]!["uploadedBy"]);
        Assert.Equal("Accepted", (string?)status["report"]!["outcome"]);
        Assert.True((bool)status["current"]!);
    }

    [Fact]
    public async Task NewerUpload_SupersedesOlder_WhichStaysInHistory()
    {
        var unit = HueSample.Units.Single(u => u.Code == "SO-TP");
        var request = new TemplateRequest(2021, unit.GroupCode, FileKind.SelfAssessment, [unit]);
        var older = TemplateWriter.Write(HueSample.Scheme, request, FileFormat.Xlsx);
        var newer = TemplateWriter.Write(HueSample.Scheme, request, FileFormat.Csv);
        await _p.UploadBlobAsync("submissions", "2021/SO-TP/lan-1.xlsx", older);
        await _p.WaitUntilQuietAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.1)); // upload times have whole-second precision; the second upload is later
        await _p.UploadBlobAsync("submissions", "2021/SO-TP/lan-2.csv", newer);
        await _p.WaitUntilQuietAsync();

        var rows = await _p.UploadsAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("Accepted", (string?)r!["outcome"]));
        var current = new Dictionary<string, bool>();
        foreach (var row in rows)
        {
            var status = await _p.AdminJsonAsync(HttpMethod.Get, $"/api/admin/years/2021/uploads/{(string)row!["sha256"]!}");
            current[(string)row["blobName"]!] = (bool)status["current"]!;
        }
        Assert.False(current["2021/SO-TP/lan-1.xlsx"]);
        Assert.True(current["2021/SO-TP/lan-2.csv"]);

        // The older file delivered again later (a new ETag for the same bytes) is a replay: it does not take the head back.
        await _p.UploadBlobAsync("submissions", "2021/SO-TP/lan-1.xlsx", older);
        await _p.WaitUntilQuietAsync();
        var again = await _p.AdminJsonAsync(HttpMethod.Get, $"/api/admin/years/2021/uploads/{Convert.ToHexStringLower(SHA256.HashData(newer))}");
        Assert.True((bool)again["current"]!);
    }

    [Fact]
    public async Task UploadedAt_IsTheBlobsLastModified_ReadByTheWorkerItself()
    {
        await using var old = await Support.Pipeline.StartAsync(new TestLogging(output));
        await old.SetUpHueAsync();
        await old.UploadBlobAsync("submissions", "2021/SO-TP/tu-danh-gia.xlsx", Template("SO-TP"));
        await old.WaitUntilQuietAsync();
        var row = Assert.Single(await old.UploadsAsync())!;
        Assert.Equal("Accepted", (string?)row["outcome"]);
        var uploadedAt = DateTimeOffset.Parse((string)row["uploadedAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        var blob = await new BlobContainerClient(old.Storage, "submissions").GetBlobClient("2021/SO-TP/tu-danh-gia.xlsx").GetPropertiesAsync();
        Assert.Equal(blob.Value.LastModified, uploadedAt); // read from the blob by the worker (BlobClient binding)
    }

    [Fact]
    public async Task UploadBeforeTheYearIsOpen_IsRejected_ThenTheSameFileAgainIsReadOnceItIs()
    {
        await using var fresh = await Support.Pipeline.StartAsync(new TestLogging(output));
        var bytes = Template("SO-TP");
        await fresh.UploadBlobAsync("submissions", "2021/SO-TP/som.xlsx", bytes);
        await fresh.WaitUntilQuietAsync();
        await fresh.SetUpHueAsync();
        var first = Assert.Single(await fresh.UploadsAsync())!;
        Assert.Equal("Rejected", (string?)first["outcome"]);
        Assert.Equal(["PAR-I002"], first["codes"]!.AsArray().Select(c => (string?)c));

        // The agency sends the very same file again: not the stale refusal, a real reading.
        await fresh.UploadBlobAsync("submissions", "2021/SO-TP/som.xlsx", bytes);
        await fresh.WaitUntilQuietAsync();
        var row = Assert.Single(await fresh.UploadsAsync())!;
        Assert.Equal("Accepted", (string?)row["outcome"]);
        var status = await fresh.AdminJsonAsync(HttpMethod.Get, $"/api/admin/years/2021/uploads/{(string)row["sha256"]!}");
        Assert.Equal("Accepted", (string?)status["report"]!["outcome"]);
    }
}
