using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Tests.Support;

namespace ParServerless.Pipeline.Tests.Ingestion;

/// <summary>
/// The first thing a fresh storage account sees may be a blob ingestion: it creates the containers it writes to. (Writing the
/// original first, to save a round trip, once met a missing <c>originals</c> container: retried five times, then poisoned.)
/// </summary>
public sealed class FreshStorageTest(PipelineServicesFixture f) : IClassFixture<PipelineServicesFixture>
{
    [Fact]
    public async Task FirstIngestion_OnAFreshStorage_IsRecorded_NotAFault()
    {
        var blob = await f.PutBlobAsync("submissions", $"2021/{UploadWorld.Unit}/som.csv", UploadWorld.SelfAssessment(2021, 50m));

        var result = await f.Get<IngestionService>().IngestAsync(blob, CancellationToken.None);

        Assert.Equal((UploadOutcome.Rejected, "PAR-I002"), (result.Record!.Outcome, Assert.Single(result.Record.Codes)));
        Assert.Single(await f.AuditAsync(2021));
    }
}
