using Azure.Storage.Blobs;
using ParServerless.Files;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Tests.Support;

namespace ParServerless.Pipeline.Tests.Ingestion;

/// <summary>Ingestion entered the way the blob trigger enters it: a <see cref="BlobClient"/>, read by the pipeline itself.</summary>
public sealed class BlobIngestionTest : IClassFixture<PipelineServicesFixture>
{
    private readonly PipelineServicesFixture _f;

    public BlobIngestionTest(PipelineServicesFixture fixture) => _f = fixture;

    private async Task<BlobClient> UploadAsync(string container, string name, byte[] content)
    {
        var client = new BlobContainerClient(_f.Azurite.ConnectionString, container);
        await client.CreateIfNotExistsAsync();
        var blob = client.GetBlobClient(name);
        await blob.UploadAsync(new BinaryData(content), overwrite: true);
        return blob;
    }

    [Fact]
    public async Task FarAboveTheLimit_IsRejectedWithAReport_AfterReadingOnlyTheLimitPlusOne()
    {
        await _f.OpenHueYearAsync(2090);
        var huge = new byte[(int)FileLimits.Default.MaxBytes * 3];
        var blob = await UploadAsync("surveys", "2090/khao-sat.csv", huge);

        var result = await _f.Get<IngestionService>().IngestAsync(blob, CancellationToken.None);

        Assert.Equal(UploadOutcome.Rejected, result.Record!.Outcome);
        Assert.Equal(FileLimits.Default.MaxBytes + 1, result.Record.Size);
        Assert.Contains(FileProblemCodes.TooLarge, result.Record.Codes);
    }

    [Fact]
    public async Task ZeroLengthBlob_IsIgnored()
    {
        var blob = await UploadAsync("surveys", "2091/empty.csv", []);
        var result = await _f.Get<IngestionService>().IngestAsync(blob, CancellationToken.None);
        Assert.Null(result.Record);
    }

    [Fact]
    public async Task SameBlobTwice_SecondIsAReplay()
    {
        await _f.OpenHueYearAsync(2092); // an unopened year's rejection awaits configuration and is read again, by design
        var blob = await UploadAsync("surveys", "2092/bad.csv", "not,a,survey\n"u8.ToArray());
        var first = await _f.Get<IngestionService>().IngestAsync(blob, CancellationToken.None);
        var second = await _f.Get<IngestionService>().IngestAsync(blob, CancellationToken.None);
        Assert.False(first.Replayed);
        Assert.True(second.Replayed);
        Assert.Equal(first.Record!.Sha256, second.Record!.Sha256);
    }
}
