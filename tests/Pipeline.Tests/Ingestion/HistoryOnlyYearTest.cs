using Azure.Storage.Blobs;
using ParServerless.Files;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Api.Contracts;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Publication;
using ParServerless.Pipeline.Registry;
using ParServerless.Pipeline.Tests.Support;
using ParServerless.Samples;
using ParServerless.Scoring.Decisions;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Pipeline.Tests.Ingestion;

/// <summary>
/// An earlier year that exists only as its published table: opened with the next year's scheme (no throwaway scheme), its table
/// named by group and unit names, matched to our codes, and anything unmatched listed with a code.
/// </summary>
public sealed class HistoryOnlyYearTest : IClassFixture<PipelineServicesFixture>
{
    private readonly PipelineServicesFixture _f;

    public HistoryOnlyYearTest(PipelineServicesFixture fixture) => _f = fixture;

    private AdminApi Admin => _f.Get<AdminApi>();

    private async Task OpenAsync(int current, int earlier)
    {
        await _f.OpenHueYearAsync(current);
        var units = await Admin.PutUnitsAsync(current,
            HueSample.Units.Select(u => new UnitRequest(u.Code, u.Name, u.GroupCode, u.Ranked, null)).ToList(), CancellationToken.None);
        Assert.IsType<JsonReply>(units);
        var reply = await Admin.PutYearAsync(earlier, new YearRequest(HueSample.Scheme.Ref, null, null, HistoryOnly: true), CancellationToken.None);
        Assert.True(Assert.IsType<YearView>(Assert.IsType<JsonReply>(reply).Body).HistoryOnly);
    }

    private async Task<IngestionResult> ImportAsync(int earlier, IReadOnlyList<PublishedRow> rows, string name)
    {
        var file = FilledFileWriter.Write(HueSample.Scheme, new TemplateRequest(earlier, null, FileKind.PublishedResults, []), rows, FileFormat.Csv);
        var container = new BlobContainerClient(_f.Azurite.ConnectionString, "history");
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient($"{earlier:D4}/{name}");
        await blob.UploadAsync(new BinaryData(file), overwrite: true);
        return await _f.Get<IngestionService>().IngestAsync(blob, CancellationToken.None);
    }

    [Fact]
    public async Task PutYear_SchemeOfAnotherYear_IsRefusedUnlessHistoryOnly()
    {
        await _f.OpenHueYearAsync(2301);
        var refused = await Admin.PutYearAsync(2300, new YearRequest(HueSample.Scheme.Ref, new DecisionSettings { Province = "P", Place = "Q" }, null), CancellationToken.None);
        Assert.Contains(Assert.IsType<RefusalReply>(refused).Refusal.Problems!, p => p.Code == "PAR-A023");
        var opened = await Admin.PutYearAsync(2300, new YearRequest(HueSample.Scheme.Ref, null, null, HistoryOnly: true), CancellationToken.None);
        Assert.IsType<JsonReply>(opened);
        Assert.True((await _f.Get<YearStore>().GetAsync(2300, CancellationToken.None))!.HistoryOnly);
    }

    [Fact]
    public async Task TableByGroupAndUnitNames_IsMatchedToCodes_AndUnmatchedRowsAreListed()
    {
        await OpenAsync(2081, 2080);
        var groupNames = HueSample.Scheme.Groups.ToDictionary(g => g.Code, g => g.Name);
        // As a province's table reads: names only, groups by name; plus one unit that no longer exists and one unknown group.
        var rows = HueSample.Published.Select(p => new PublishedRow(p.UnitName, null, groupNames[p.GroupCode!], p.Score, p.Rank, p.Band))
            .Append(new PublishedRow("Sở Đã Giải Thể", null, groupNames["SO"], 70m, 22, "Khá"))
            .Append(new PublishedRow("UBND huyện Lạ", null, "Khối không có", 70m, 1, "Khá")).ToList();

        var result = await ImportAsync(2080, rows, "ket-qua-theo-ten.csv");

        Assert.Equal(UploadOutcome.Accepted, result.Record!.Outcome);
        Assert.Contains("PAR-A092", result.Record.Codes);
        Assert.Contains("PAR-A093", result.Record.Codes);
        var previous = await _f.Get<ResultStore>().PreviousAsync(2081, CancellationToken.None);
        Assert.Equal(rows.Count, previous.Count); // nothing dropped
        var tp = previous.Single(p => p.UnitName == "Sở Tư pháp");
        Assert.Equal(("SO-TP", "SO"), (tp.UnitCode, tp.GroupCode));
        Assert.Equal("Khối không có", previous.Single(p => p.UnitName == "UBND huyện Lạ").GroupCode); // kept as typed
    }

    [Fact]
    public async Task HistoryOnlyYear_TakesNoOtherUpload_AndIsNeverComputed()
    {
        await OpenAsync(2083, 2082);
        var unit = HueSample.Units[0];
        var container = new BlobContainerClient(_f.Azurite.ConnectionString, "submissions");
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient($"2082/{unit.Code}/tu-danh-gia.csv");
        await blob.UploadAsync(new BinaryData("code,points\n1.1,1\n"u8.ToArray()), overwrite: true); // refused before it is read
        var result = await _f.Get<IngestionService>().IngestAsync(blob, CancellationToken.None);
        Assert.Equal(["PAR-A090"], result.Record!.Codes);
        var computed = await _f.Get<YearComputation>().ComputeAsync(2082, CancellationToken.None);
        Assert.Equal("PAR-A091", computed.Refusal!.Code);
    }
}
