using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Api.Contracts;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Registry;
using ParServerless.Pipeline.Storage;
using ParServerless.Pipeline.Tests.Support;
using ParServerless.Samples;
using ParServerless.Scoring.Marks;
using Xunit.Abstractions;

namespace ParServerless.Pipeline.Tests.Ingestion;

/// <summary>
/// Storage round trips per submission (issue 14), counted on the SDK clients so the number cannot creep back up. The raw work
/// needs 4 (read the file, write its marks, the head, the status row); ingestion may add the kept original, nothing more.
/// </summary>
public sealed class RoundTripTest(PipelineServicesFixture f, ITestOutputHelper output) : IClassFixture<PipelineServicesFixture>
{
    /// <summary>Round trips of the first submission of a unit and source, on a warm instance. <value>5.</value></summary>
    public const int MaxPerSubmission = 5;

    /// <summary>Writes the blob, and answers it as the trigger binds it: a client on the counted pipeline (its read is a round trip too).</summary>
    private async Task<BlobClient> PutAsync(StorageClients counted, string name, byte[] bytes, DateTimeOffset moment)
    {
        var container = new BlobContainerClient(f.Azurite.ConnectionString, "submissions");
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient(name);
        await blob.UploadAsync(new BinaryData(bytes), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { [IngestionService.UploadedAtMetadata] = moment.ToString("O", System.Globalization.CultureInfo.InvariantCulture) },
        });
        return counted.Container("submissions").GetBlobClient(name);
    }

    private (int Count, string Shown) Counted(CountingRequests counter)
    {
        var requests = counter.Requests;
        var shown = string.Join("\n", requests);
        output.WriteLine($"{requests.Count} round trips:\n{shown}\n");
        return (requests.Count, shown);
    }

    [Fact]
    public async Task Submission_CostsAtMostFiveRoundTrips_ASupersedingOneSeven_AReplayThree_AndTheMarksCount()
    {
        await f.OpenYearWithUnitsAsync(2021);
        var counter = new CountingRequests();
        await using var services = FailingWrites.Services(f, counter);
        // A warm instance: tables exist, the scheme (immutable) and the units of the year's units version are in memory.
        await services.GetRequiredService<StorageSetup>().EnsureAsync(CancellationToken.None);
        var year = (await services.GetRequiredService<YearStore>().GetAsync(2021, CancellationToken.None))!;
        await services.GetRequiredService<SchemeStore>().GetAsync(year.Scheme, CancellationToken.None);
        await services.GetRequiredService<UnitStore>().ListAsync(2021, year.UnitsVersion, CancellationToken.None);
        var ingestion = services.GetRequiredService<IngestionService>();
        var clients = services.GetRequiredService<StorageClients>();

        var first = await PutAsync(clients, $"2021/{UploadWorld.Unit}/a.csv", UploadWorld.SelfAssessment(2021, 40m), f.Time.GetUtcNow());
        counter.Reset();
        Assert.Equal(UploadOutcome.Accepted, (await ingestion.IngestAsync(first, CancellationToken.None)).Record!.Outcome);
        var (n, shown) = Counted(counter);
        Assert.True(n <= MaxPerSubmission, $"a submission took {n} round trips:\n{shown}");

        var second = await PutAsync(clients, $"2021/{UploadWorld.Unit}/b.csv", UploadWorld.SelfAssessment(2021, 45m), f.Time.GetUtcNow().AddMinutes(1));
        counter.Reset();
        var superseding = (await ingestion.IngestAsync(second, CancellationToken.None)).Record!;
        (n, shown) = Counted(counter);
        Assert.True(n <= MaxPerSubmission + 2, $"a superseding submission took {n} round trips:\n{shown}");

        counter.Reset();
        Assert.True((await ingestion.IngestAsync(second, CancellationToken.None)).Replayed);
        (n, shown) = Counted(counter);
        Assert.True(n <= 3, $"a replay took {n} round trips:\n{shown}");

        // Fewer calls, the same guarantees: the later upload counts, with exactly its marks, and its report answers from the row.
        var current = await f.Get<MarkStore>().CurrentAsync(2021, CancellationToken.None);
        var expected = SampleMarks.Generate(HueSample.Scheme, HueSample.Units.Single(u => u.Code == UploadWorld.Unit), 2021, 45m)
            .Single(s => s.Source == MarkSource.SelfAssessment).Leaves.Select(l => l.Points);
        Assert.Equal(expected, current[UploadWorld.Unit].Single(s => s.Source == MarkSource.SelfAssessment).Leaves.Select(l => l.Points));
        var status = Assert.IsType<UploadStatusView>(Assert.IsType<JsonReply>(
            await f.Get<AgencyApi>().StatusAsync(2021, UploadWorld.Unit, superseding.Sha256, CancellationToken.None)).Body);
        Assert.Equal(("Accepted", true), (status.Report!.Outcome, status.Current));
        Assert.Equal(superseding.Sha256, status.Report.Sha256);
    }
}
