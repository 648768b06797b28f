using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ParServerless.Files;
using ParServerless.Samples;
using ParServerless.Scoring.Units;
using ParServerless.Testing;
using Xunit.Abstractions;

namespace ParServerless.Functions.Tests.Pipeline;

/// <summary>
/// Publication survives its worker: the worker process is killed mid-rendering, the host (DevHost) restarts it, the queue
/// message comes back after its visibility timeout, and the next delivery resumes. The year ends up published with every
/// document, and the public routes never show it half-published.
/// </summary>
public sealed class PublicationCrashTest(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Units = 240;
    private Support.Pipeline _p = null!;

    public async Task InitializeAsync() =>
        _p = await Support.Pipeline.StartAsync(new TestLogging(output), o => o with { BlobMessageVisibilityTimeout = TimeSpan.FromSeconds(4) });

    public async Task DisposeAsync() => await _p.DisposeAsync();

    [Fact]
    public async Task WorkerKilledMidPublication_YearEndsUpPublishedWithEveryDocument_NeverHalf()
    {
        await _p.SetUpHueAsync();
        var groups = HueSample.Scheme.Groups.Select(g => g.Code).ToList();
        var units = Enumerable.Range(1, Units).Select(i => new Unit($"DV-{i:D4}", $"Đơn vị số {i}", groups[i % groups.Count])).ToList();
        await _p.AdminJsonAsync(HttpMethod.Put, "/api/admin/years/2021/units", units.Select(u => new { code = u.Code, name = u.Name, group = u.GroupCode }).ToArray());
        foreach (var group in units.GroupBy(u => u.GroupCode))
            await _p.UploadBlobAsync("appraisals", $"2021/1/tham-dinh-{group.Key}.xlsx",
                TemplateWriter.Write(HueSample.Scheme, new TemplateRequest(2021, group.Key, FileKind.Appraisal, group.ToList(), 1)));
        await _p.WaitUntilQuietAsync();

        using var request = Support.Pipeline.Admin(HttpMethod.Post, "/api/admin/years/2021/publish");
        using var accepted = await _p.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var statusUrl = accepted.Headers.Location!.ToString();

        // Kill the worker once some sheets, not all, are rendered.
        var midway = await Eventually.ReturnsAsync(async () =>
        {
            var status = await StatusAsync(statusUrl);
            if (status is null) return null;
            var rendered = (int)status["unitsRendered"]!;
            return (string?)status["phase"] == "rendering" && rendered > 0 && rendered < Units ? status : null;
        }, "rendering to be under way");
        var killed = _p.Host.Worker!.Process.ProcessId;
        Process.GetProcessById(killed).Kill(entireProcessTree: true);
        output.WriteLine($"killed worker {killed} at {midway["unitsRendered"]} of {Units} units");

        // Until the year row flips, nothing of 2021 is public; once it does, every document is.
        var published = false;
        JsonNode? final = null;
        while (final is null)
        {
            using (var year = await _p.Http.GetAsync("/api/public/years/2021"))
            {
                // While the worker restarts the front door may answer 5xx; 404 is "not public".
                if (year.StatusCode == HttpStatusCode.OK) published = true;
                else if (year.StatusCode == HttpStatusCode.NotFound) Assert.False(published, "a published year became unpublished");
            }
            var status = await StatusAsync(statusUrl);
            if (status is not null && (bool)status["finished"]!) final = status;
            else await Task.Delay(250);
        }

        Assert.Equal(("succeeded", "PAR-A080"), ((string?)final["state"], (string?)final["outcome"]!["code"]));
        Assert.True((int)final["attempts"]! >= 2, final.ToJsonString());
        Assert.Equal((Units, Units), ((int)final["unitsRendered"]!, (int)final["unitsTotal"]!));
        Assert.NotEqual(killed, _p.Host.Worker!.Process.ProcessId);
        Assert.Contains(_p.Logging.Entries, e => e.Message.Contains("resuming", StringComparison.Ordinal));

        // Every document is there, through the public routes.
        var meta = await Eventually.ReturnsAsync(async () =>
        {
            using var r = await _p.Http.GetAsync("/api/public/years/2021");
            return r.IsSuccessStatusCode ? JsonNode.Parse(await r.Content.ReadAsStringAsync()) : null;
        }, "the public year");
        Assert.Equal((string?)final["inputSha256"], (string?)meta["inputSha256"]);
        using (var decision = await _p.Http.GetAsync("/api/public/years/2021/decision.pdf"))
            Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        foreach (var unit in units)
        {
            using var sheet = await _p.Http.GetAsync($"/api/public/years/2021/units/{unit.Code}/sheet.pdf");
            Assert.True(sheet.StatusCode == HttpStatusCode.OK, $"{unit.Code}: {(int)sheet.StatusCode}");
            using var json = await _p.Http.GetAsync($"/api/public/years/2021/units/{unit.Code}");
            Assert.True(json.StatusCode == HttpStatusCode.OK, $"{unit.Code} JSON: {(int)json.StatusCode}");
        }
        Assert.Equal(0, await PoisonAsync());
    }

    /// <summary>The job's status, or null while the worker that serves HTTP is down (it was just killed).</summary>
    private async Task<JsonNode?> StatusAsync(string url)
    {
        using var request = Support.Pipeline.Admin(HttpMethod.Get, url);
        try
        {
            using var response = await _p.Http.SendAsync(request);
            return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private async Task<int> PoisonAsync()
    {
        var queue = new Azure.Storage.Queues.QueueClient(_p.Storage, "par-publications-poison");
        try { return (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount; }
        catch (Azure.RequestFailedException e) when (e.Status == 404) { return 0; }
    }
}
