using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ParServerless.Testing;
using ParServerless.Samples;
using Xunit.Abstractions;

namespace ParServerless.Functions.Tests.Pipeline;

/// <summary>
/// Upload → results for a whole real year: the 66 Huế 2021 score files uploaded to their blob paths, ingested by the triggers,
/// published by the timer, and the public results equal the province's published Decision (scores, ranks, bands).
/// </summary>
public sealed class HueYearTest(ITestOutputHelper output)
{
    [Fact]
    public async Task UploadEverySampleFile_TimerPublishes_ResultsEqualThePublishedDecision()
    {
        await using var p = await Support.Pipeline.StartAsync(new TestLogging(output));
        await p.SetUpHueAsync();
        var uploads = SampleUploads.Hue2021();
        foreach (var upload in uploads)
            await p.UploadBlobAsync(upload.Container, upload.BlobPath, upload.Content);
        await Eventually.TrueAsync(async () => (await p.UploadsAsync()).Count == uploads.Count, "every file to be ingested", TimeSpan.FromMinutes(4));
        var rows = await p.UploadsAsync();
        Assert.All(rows, r => Assert.Equal("Accepted", (string?)r!["outcome"]));
        Assert.All(rows, r => Assert.Equal(0, (int)r!["errors"]!));

        using (var timer = await p.Http.PostAsync("/admin/functions/GenerateDecision", new StringContent("{}")))
            Assert.Equal(HttpStatusCode.Accepted, timer.StatusCode);
        var results = await Eventually.ReturnsAsync(async () =>
        {
            using var r = await p.Http.GetAsync("/api/public/years/2021/results");
            return r.IsSuccessStatusCode ? JsonNode.Parse(await r.Content.ReadAsStringAsync()) : null;
        }, "the publication");

        var served = results["groups"]!.AsArray().SelectMany(g => g!["units"]!.AsArray())
            .ToDictionary(u => (string)u!["unit"]!, u => u!);
        Assert.Equal(HueSample.Published.Count, served.Count);
        foreach (var published in HueSample.Published)
        {
            var row = served[published.UnitCode!];
            Assert.Equal(published.Rank, (int?)row["rank"]);
            Assert.Equal(published.Band, (string?)row["band"]);
            Assert.Equal(published.Score, (decimal)row["index"]!["value"]!);
            Assert.Equal(published.Score.ToString("N3", CultureInfo.GetCultureInfo("vi-VN")), (string?)row["index"]!["text"]);
            Assert.Equal("AppraisedTwice", (string?)row["status"]);
        }
    }
}
