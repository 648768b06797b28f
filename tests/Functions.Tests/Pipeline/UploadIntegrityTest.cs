using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ParServerless.Files;
using ParServerless.Samples;
using ParServerless.Scoring.Marks;
using ParServerless.Testing;
using Xunit.Abstractions;

namespace ParServerless.Functions.Tests.Pipeline;

/// <summary>Through the real worker: two API uploads of one name are both kept, ingested in order and audited; refusals are audited.</summary>
public sealed class UploadIntegrityTest(ITestOutputHelper output) : IAsyncLifetime
{
    private Support.Pipeline _p = null!;

    public async Task InitializeAsync()
    {
        _p = await Support.Pipeline.StartAsync(new TestLogging(output));
        await _p.SetUpHueAsync();
    }

    public async Task DisposeAsync() => await _p.DisposeAsync();

    internal static byte[] Filled(decimal total, FileFormat format = FileFormat.Csv)
    {
        var unit = HueSample.Units.Single(u => u.Code == "SO-TP");
        var sheets = SampleMarks.Generate(HueSample.Scheme, unit, 2021, total).Where(s => s.Source == MarkSource.SelfAssessment).ToList();
        return FilledFileWriter.Write(HueSample.Scheme, new TemplateRequest(2021, unit.GroupCode, FileKind.SelfAssessment, [unit], null), sheets, format);
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string key, string path, byte[] content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(content) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await _p.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(string key, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await _p.Http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task SameNameTwice_ThroughTheApi_BothKept_TheLaterCurrent_BothAudited()
    {
        var key = await _p.UnitKeyAsync("SO-TP");
        var first = await PostAsync(key, "/api/agency/2021/SO-TP/uploads/self-assessment/tu-danh-gia.csv", Filled(60m));
        var second = await PostAsync(key, "/api/agency/2021/SO-TP/uploads/self-assessment/tu-danh-gia.csv", Filled(70m));
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.Status, second.Status));
        await _p.WaitUntilQuietAsync();

        var statuses = new List<JsonNode>();
        foreach (var upload in new[] { first.Body!, second.Body! })
        {
            var (status, body) = await GetAsync(key, (string)upload["status"]!);
            Assert.Equal(HttpStatusCode.OK, status);
            statuses.Add(body!);
        }
        Assert.Equal(["Accepted", "Accepted"], statuses.Select(s => (string?)s["upload"]!["outcome"]));
        Assert.Equal([false, true], statuses.Select(s => (bool)s["current"]!));
        var audit = await _p.UploadsAsync();
        Assert.Equal(2, audit.Count);
        Assert.Equal(0, await _p.PoisonCountAsync());
    }

    [Fact]
    public async Task BackslashName_IsRefusedWithACode_AndTheAttemptIsAudited()
    {
        var key = await _p.UnitKeyAsync("SO-TP");
        var refused = await PostAsync(key, "/api/agency/2021/SO-TP/uploads/self-assessment/" + Uri.EscapeDataString("..\\x.csv"), Filled(50m));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("PAR-I007", (string?)refused.Body!["code"]);
        var row = Assert.Single(await _p.UploadsAsync())!;
        Assert.Equal(("Refused", "SO-TP"), ((string?)row["outcome"], (string?)row["uploadedBy"]));
        Assert.Equal(["PAR-I007"], row["codes"]!.AsArray().Select(c => (string?)c));
    }
}
