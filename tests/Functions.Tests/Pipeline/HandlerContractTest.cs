using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ParServerless.DevHost.Tests.Support;
using ParServerless.Files;
using ParServerless.Samples;
using Xunit.Abstractions;

namespace ParServerless.Functions.Tests.Pipeline;

/// <summary>
/// The handler fed directly with the host's payload shapes (shared HOSTING.md), quirks included, as the real host would send
/// them: the answer is the custom-handler response, and the effect is recorded under the right path.
/// </summary>
public sealed class HandlerContractTest(ITestOutputHelper output) : IAsyncLifetime
{
    private Support.Pipeline _p = null!;
    private HttpClient _handler = null!;

    public async Task InitializeAsync()
    {
        _p = await Support.Pipeline.StartAsync(new TestLogging(output), o => o with { EnableTriggers = false });
        await _p.SetUpHueAsync();
        _handler = new HttpClient { BaseAddress = _p.Host.HandlerAddress };
    }

    public async Task DisposeAsync()
    {
        _handler.Dispose();
        await _p.DisposeAsync();
    }

    private static string Content() => Convert.ToBase64String(
        TemplateWriter.Write(HueSample.Scheme, 2021, HueSample.Units.Single(u => u.Code == "SO-TP"), FileKind.SelfAssessment));

    private async Task<(HttpStatusCode Status, JsonNode Body)> InvokeAsync(string function, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/" + function) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        request.Headers.Add("X-Azure-Functions-HostVersion", "4.1040.300.0");
        request.Headers.UserAgent.ParseAdd("Azure-Functions-Host/4.1040.300.0");
        using var response = await _handler.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Theory]
    // The current host: double-encoded strings, Properties an object whose ETag is {}, no BlobTrigger.
    [InlineData("""{"Uri": "\"http://127.0.0.1:10000/devstoreaccount1/submissions/2021/SO-TP/a.xlsx\"", "Properties": {"ContentLength": 1, "ETag": {}, "LastModified": "2026-11-22T19:50:15+00:00"}, "Metadata": {"uploadedby": "\"SO-TP\""}, "year": "\"2021\"", "unit": "\"SO-TP\"", "name": "\"a.xlsx\"", "sys": {"MethodName": "IngestSubmission", "UtcNow": "2026-11-22T19:50:16Z", "RandGuid": "0f8fad5b-d9cb-469f-a165-70867728950e"}}""", "2021/SO-TP/a.xlsx")]
    // Older hosts: Properties and Metadata as JSON strings (azure-functions-host#5815).
    [InlineData("""{"Uri": "\"https://acct.blob.core.windows.net/submissions/2021/SO-TP/b.xlsx\"", "Properties": "{\"LastModified\":\"2026-11-22T19:50:15+00:00\",\"ETag\":{}}", "Metadata": "{}", "year": "\"2021\"", "unit": "\"SO-TP\"", "name": "\"b.xlsx\""}""", "2021/SO-TP/b.xlsx")]
    // No Uri: the name rebuilt from the double-encoded path parameters.
    [InlineData("""{"year": "\"2021\"", "unit": "\"SO-TP\"", "name": "\"c.xlsx\""}""", "2021/SO-TP/c.xlsx")]
    public async Task BlobInvocation_EveryHostShape_IsIngested_AndAnsweredInTheHandlerFormat(string metadata, string blobName)
    {
        var (status, body) = await InvokeAsync("IngestSubmission", $$"""{"Data": {"scoreFile": "{{Content()}}"}, "Metadata": {{metadata}}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(body["Outputs"]);
        Assert.Equal("Accepted", (string?)body["ReturnValue"]);
        Assert.Contains(blobName, (string?)body["Logs"]![0], StringComparison.Ordinal);
        var row = Assert.Single(await _p.UploadsAsync())!;
        Assert.Equal(blobName, (string?)row["blobName"]);
    }

    [Fact]
    public async Task TimerInvocation_MonitorNullAndPastDue_AnswersWithLogs()
    {
        var (status, body) = await InvokeAsync("GenerateDecision",
            """{"Data": {"timer": {"Schedule": {"AdjustForDST": true}, "ScheduleStatus": null, "IsPastDue": true}}, "Metadata": {"sys": {"MethodName": "GenerateDecision", "UtcNow": "2026-11-22T19:50:16Z", "RandGuid": "x"}}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var logs = body["Logs"]!.AsArray().Select(l => (string?)l).ToList();
        Assert.Contains(logs, l => l!.Contains("past due", StringComparison.Ordinal));
        // The Huế year's publication date has come, but nothing is appraised: the timer says so and publishes nothing.
        Assert.Contains(logs, l => l!.Contains("no appraisal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Readiness_IsCheap_AndAnswersWithoutStorage()
    {
        using var response = await _handler.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
