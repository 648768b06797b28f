using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ParServerless.Testing;
using ParServerless.Files;
using ParServerless.Samples;
using Xunit.Abstractions;

namespace ParServerless.Functions.Tests.Pipeline;

/// <summary>Agency conveniences and admin validation through the forwarded API (no triggers needed).</summary>
public sealed class ApiTest(ITestOutputHelper output) : IAsyncLifetime
{
    private Support.Pipeline _p = null!;

    public async Task InitializeAsync()
    {
        _p = await Support.Pipeline.StartAsync(new TestLogging(output), o => o with { EnableTriggers = false });
        await _p.SetUpHueAsync();
    }

    public async Task DisposeAsync() => await _p.DisposeAsync();

    private async Task<HttpResponseMessage> AsUnitAsync(string unit, HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Par-Key", await _p.UnitKeyAsync(unit));
        return await _p.Http.SendAsync(request);
    }

    [Theory]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("csv", "text/csv")]
    [InlineData("json", "application/json")]
    public async Task Template_IsTheUnitsOwn_AndReadsBackWithoutErrors(string format, string mediaType)
    {
        using var response = await AsUnitAsync("SO-TP", HttpMethod.Get, $"/api/agency/2021/SO-TP/templates/self-assessment?format={format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith($".{format}", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var outcome = SubmissionReader.Read(new SubmissionRequest(2021, FileKind.SelfAssessment, "t." + format, "SO-TP"), bytes, HueSample.Scheme, HueSample.Units);
        Assert.Equal(0, outcome.Report.ErrorCount);
        Assert.Equal("SO-TP", Assert.Single(outcome.Sheets).UnitCode);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task CouncilTemplate_IsTheWholeGroups_AndReadsBackWithoutErrors(string format)
    {
        using var request = Support.Pipeline.Admin(HttpMethod.Get, $"/api/admin/years/2021/templates/appraisal?group=HUYEN&round=2&format={format}");
        using var response = await _p.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"tham-dinh-lan-2_2021_HUYEN.{format}", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var outcome = SubmissionReader.Read(new SubmissionRequest(2021, FileKind.Appraisal, "t." + format, null, 2),
            await response.Content.ReadAsByteArrayAsync(), HueSample.Scheme, HueSample.Units);
        Assert.Equal(0, outcome.Report.ErrorCount);
        Assert.Equal(HueSample.Units.Where(u => u.GroupCode == "HUYEN").Select(u => u.Code).Order(StringComparer.Ordinal),
            outcome.Sheets.Select(s => s.UnitCode).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Board_ListsEveryUnitAsMissing_BeforeAnyUpload_AndTheChecklistRefusals()
    {
        var board = await _p.AdminJsonAsync(HttpMethod.Get, "/api/admin/years/2021/board");
        var self = board["rounds"]!.AsArray().Single(r => (string?)r!["round"] == "self-assessment")!;
        Assert.Equal(HueSample.Units.Count, self["missing"]!.AsArray().Count);
        Assert.Equal("PAR-A050", (string?)board["checklist"]!["refusals"]![0]!["code"]);
    }

    [Fact]
    public async Task Validate_IsADryRun_ReportingEveryProblem_AndRecordingNothing()
    {
        var sample = SampleUploads.Hue2021().First(u => u.Container == "submissions" && u.BlobPath.StartsWith("2021/SO-TP/", StringComparison.Ordinal));
        using (var good = await AsUnitAsync("SO-TP", HttpMethod.Post, $"/api/agency/2021/SO-TP/validate/self-assessment/{sample.FileName}", new ByteArrayContent(sample.Content)))
        {
            var body = JsonNode.Parse(await good.Content.ReadAsStringAsync())!;
            Assert.True((bool)body["accepted"]!);
            Assert.Equal(0, (int)body["errors"]!);
        }
        // Another unit's file, sent as SO-NV's own: refused with the reader's codes, in both languages.
        using (var wrong = await AsUnitAsync("SO-NV", HttpMethod.Post, $"/api/agency/2021/SO-NV/validate/self-assessment/{sample.FileName}", new ByteArrayContent(sample.Content)))
        {
            var body = JsonNode.Parse(await wrong.Content.ReadAsStringAsync())!;
            Assert.False((bool)body["accepted"]!);
            Assert.All(body["problems"]!.AsArray(), p => Assert.StartsWith("PAR-E", (string?)p!["code"], StringComparison.Ordinal));
        }
        Assert.Empty(await _p.UploadsAsync());
    }

    [Fact]
    public async Task UnitRegistration_ListsEveryProblemAtOnce_AsOneProblemResponse()
    {
        using var request = Support.Pipeline.Admin(HttpMethod.Put, "/api/admin/years/2021/units", JsonContent.Create(new object[]
        {
            new { code = "SO-TP", name = "Sở Tư pháp", group = "SO" },
            new { code = "SO-TP", name = "Trùng mã", group = "SO" },
            new { code = "A/B", name = "", group = "KHONG-CO" },
        }));
        using var response = await _p.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var codes = problem["problems"]!.AsArray().Select(p => (string)p!["code"]!).ToList();
        Assert.Equal(["PAR-A031", "PAR-A030", "PAR-A032", "PAR-A033"], codes);
        // Nothing changed.
        var units = await _p.AdminJsonAsync(HttpMethod.Get, "/api/admin/years/2021/units");
        Assert.Equal(HueSample.Units.Count, units.AsArray().Count);
    }

    [Fact]
    public async Task SchemeVersion_IsImmutable_SameJsonIsANoOp_OtherJsonIsRefused()
    {
        var json = ParServerless.Scoring.Schemes.SchemeJson.Save(HueSample.Scheme);
        using (var same = await _p.Http.SendAsync(Support.Pipeline.Admin(HttpMethod.Put, "/api/admin/schemes", new StringContent(json, System.Text.Encoding.UTF8, "application/json"))))
        {
            Assert.Equal(HttpStatusCode.OK, same.StatusCode);
            Assert.False((bool)JsonNode.Parse(await same.Content.ReadAsStringAsync())!["created"]!);
        }
        var changed = json.Replace("\"name\": \"", "\"name\": \"Đã sửa ", StringComparison.Ordinal);
        using var other = await _p.Http.SendAsync(Support.Pipeline.Admin(HttpMethod.Put, "/api/admin/schemes", new StringContent(changed, System.Text.Encoding.UTF8, "application/json")));
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal("PAR-A020", (string?)JsonNode.Parse(await other.Content.ReadAsStringAsync())!["code"]);
    }

    [Fact]
    public async Task AgencyUpload_OfACouncilKind_IsRefusedWithCode()
    {
        using var response = await AsUnitAsync("SO-TP", HttpMethod.Post, "/api/agency/2021/SO-TP/uploads/appraisal/x.xlsx", new ByteArrayContent([1]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("PAR-A010", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]);
    }

    [Fact]
    public async Task MalformedJsonBody_IsACodedProblem_Too()
    {
        using var request = Support.Pipeline.Admin(HttpMethod.Put, "/api/admin/years/2021", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        using var response = await _p.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("PAR-A400", (string?)problem["code"]);
        Assert.False(string.IsNullOrEmpty((string?)problem["vi"]));
    }
}
