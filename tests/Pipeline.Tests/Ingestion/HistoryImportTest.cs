using Azure.Storage.Blobs;
using ParServerless.Files;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Publication;
using ParServerless.Pipeline.Registry;
using ParServerless.Pipeline.Tests.Support;
using ParServerless.Samples;
using ParServerless.Scoring.Decisions;

namespace ParServerless.Pipeline.Tests.Ingestion;

/// <summary>An earlier year's published table (kết quả đã công bố) imported through the history container.</summary>
public sealed class HistoryImportTest : IClassFixture<PipelineServicesFixture>
{
    private readonly PipelineServicesFixture _f;

    public HistoryImportTest(PipelineServicesFixture fixture) => _f = fixture;

    [Fact]
    public async Task PublishedTable_IsIngested_AndIsTheNextYearsComparison()
    {
        await _f.OpenHueYearAsync(2021);
        // The earlier year, opened straight on the store (the API's check of the scheme's years is issue 12's).
        await _f.Get<YearStore>().SaveAsync(YearRecord.Open(2020, HueSample.Scheme.Ref, new DecisionSettings { Province = "P", Place = "Q" }, null), CancellationToken.None);
        var rows = HueSample.Published.Take(5).Select(p => new PublishedRow(p.UnitName, p.UnitCode, p.GroupCode, p.Score - 1.5m, p.Rank, p.Band)).ToList();
        var file = FilledFileWriter.Write(HueSample.Scheme, new TemplateRequest(2020, null, FileKind.PublishedResults, []), rows, FileFormat.Csv);
        var container = new BlobContainerClient(_f.Azurite.ConnectionString, "history");
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient("2020/ket-qua-2020.csv");
        await blob.UploadAsync(new BinaryData(file), overwrite: true);

        var result = await _f.Get<IngestionService>().IngestAsync(blob, CancellationToken.None);

        Assert.Equal(UploadOutcome.Accepted, result.Record!.Outcome);
        var previous = await _f.Get<ResultStore>().PreviousAsync(2021, CancellationToken.None);
        Assert.Equal(rows.Select(r => (r.UnitCode, r.Total)), previous.Select(p => (p.UnitCode, p.Score)));
    }
}
