using ParServerless.Files;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Api.Contracts;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Problems;
using ParServerless.Pipeline.Registry;
using ParServerless.Pipeline.Tests.Support;
using ParServerless.Scoring.Marks;

namespace ParServerless.Pipeline.Tests.Ingestion;

/// <summary>Nothing the API accepts is lost; bad names are refused alike everywhere; the dry run answers like the upload; refusals are audited.</summary>
public sealed class UploadIntegrityTest : IClassFixture<PipelineServicesFixture>
{
    private readonly PipelineServicesFixture _f;

    public UploadIntegrityTest(PipelineServicesFixture fixture) => _f = fixture;

    private static UploadAccepted Accepted(ApiReply reply)
    {
        var json = Assert.IsType<JsonReply>(reply);
        Assert.Equal(202, json.Status);
        return Assert.IsType<UploadAccepted>(json.Body);
    }

    private static Refusal Refused(ApiReply reply) => Assert.IsType<RefusalReply>(reply).Refusal;

    /// <summary>The only test of this class on 2021, the one year the Huế scheme covers: the files must be read.</summary>
    [Fact]
    public async Task SameNameTwiceWithinASecond_BothKept_IngestedInUploadOrder_BothInTheAudit()
    {
        await _f.OpenYearWithUnitsAsync(2021);
        var first = Accepted(await _f.UploadAsync(2021, "tu-danh-gia.csv", UploadWorld.SelfAssessment(2021, 60m)));
        _f.Time.Advance(TimeSpan.FromMilliseconds(300));
        var second = Accepted(await _f.UploadAsync(2021, "tu-danh-gia.csv", UploadWorld.SelfAssessment(2021, 70m)));

        Assert.NotEqual(first.Blob, second.Blob);
        Assert.True(await _f.Blob(first.Container, first.Blob).ExistsAsync());
        Assert.True(await _f.Blob(second.Container, second.Blob).ExistsAsync());

        // Delivered in the wrong order: the later upload still wins, the earlier stays in history.
        var ingestion = _f.Get<IngestionService>();
        var r2 = (await ingestion.IngestAsync(_f.Blob(second.Container, second.Blob), CancellationToken.None)).Record!;
        Assert.True(r2.Outcome == UploadOutcome.Accepted, string.Join(",", r2.Codes));
        Assert.Equal(UploadOutcome.Accepted, (await ingestion.IngestAsync(_f.Blob(first.Container, first.Blob), CancellationToken.None)).Record!.Outcome);
        var head = Assert.Single(await _f.Get<MarkStore>().HeadsAsync(2021, UploadWorld.Unit, CancellationToken.None), h => h.Source == MarkSource.SelfAssessment);
        Assert.Equal(second.Sha256, head.Sha256);

        var audit = await _f.AuditAsync(2021);
        Assert.Equal([second.Sha256, first.Sha256], audit.Select(r => r.Sha256));
        foreach (var (upload, current) in new[] { (first, false), (second, true) })
        {
            var status = Assert.IsType<JsonReply>(await _f.Get<AgencyApi>().StatusAsync(2021, UploadWorld.Unit, upload.Sha256, CancellationToken.None));
            var view = Assert.IsType<UploadStatusView>(status.Body);
            Assert.Equal(("ingested", current), (view.Status, view.Current));
        }
    }

    [Fact]
    public async Task SameBytesTwice_OneBlob_OneUpload()
    {
        await _f.OpenYearWithUnitsAsync(2041);
        var bytes = UploadWorld.SelfAssessment(2041, 50m);
        var a = Accepted(await _f.UploadAsync(2041, "a.csv", bytes));
        var b = Accepted(await _f.UploadAsync(2041, "a.csv", bytes));
        Assert.Equal(a.Blob, b.Blob);
        Assert.StartsWith($"2041/{UploadWorld.Unit}/{a.Sha256[..12]}-a.csv", a.Blob, StringComparison.Ordinal);
    }

    public static TheoryData<string> BadNames() => new()
    {
        "a\\b.csv", "..\\..\\x.csv", "a..b.csv", "x\u0001.csv", "x\u0000.csv", "invoice\u202Evsc.csv", "a\u2066b.csv",
        "con:x.csv", "a*b.csv", "a?b.csv", "a#b.csv", "a%2fb.csv", "a|b.csv", " lead.csv", "trail.csv ", "trail.csv.",
        new string('a', 300) + ".csv", "\uD800x.csv",
    };

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task BadFileName_IsRefusedAtTheApiAndByTheDryRun_WithTheSameCode_AndNoBlobIsWritten(string name)
    {
        await _f.OpenYearWithUnitsAsync(2042);
        var bytes = UploadWorld.SelfAssessment(2042, 50m);
        var upload = Refused(await _f.UploadAsync(2042, name, bytes));
        var dry = Refused(await _f.ValidateAsync(2042, name, bytes));
        Assert.Equal(("PAR-I007", 400), (upload.Code, upload.Status));
        Assert.Equal(upload.Code, dry.Code);
        var blobs = new Azure.Storage.Blobs.BlobContainerClient(_f.Azurite.ConnectionString, "submissions");
        if (await blobs.ExistsAsync())
            await foreach (var blob in blobs.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "2042/", CancellationToken.None))
                Assert.Fail($"a blob was written: {blob.Name}");
    }

    [Theory]
    [InlineData("2043/ SO-TP/tu-danh-gia.csv")]
    [InlineData("2043/SO-TP /tu-danh-gia.csv")]
    [InlineData("2043/SO-TP/tu\u202Edanh.csv")]
    [InlineData("2043/SO-TP/ tu-danh-gia.csv")]
    [InlineData("02043/SO-TP/tu-danh-gia.csv")]
    public async Task DirectBlob_WithStraySpaceOrBadName_IsACodedRejection_NeverCountedForTheUnit(string name)
    {
        await _f.OpenYearWithUnitsAsync(2043);
        var blob = await _f.PutBlobAsync("submissions", name, UploadWorld.SelfAssessment(2043, 50m));
        var result = await _f.Get<IngestionService>().IngestAsync(blob, CancellationToken.None);
        Assert.Equal(UploadOutcome.Rejected, result.Record!.Outcome);
        Assert.Contains(result.Record.Codes, c => c is "PAR-I007" or "PAR-I001");
        Assert.Null(result.Record.Unit);
        Assert.Empty(await _f.Get<MarkStore>().HeadsAsync(2043, UploadWorld.Unit, CancellationToken.None));
        Assert.Empty((await _f.Get<MarkStore>().CurrentAsync(2043, CancellationToken.None)).Keys);
    }

    [Fact]
    public async Task DryRun_AndUpload_AnswerAlike_PublishedYear()
    {
        await _f.OpenYearWithUnitsAsync(2044);
        await _f.Get<YearStore>().ApplyAsync(2044, y => y.Publish("input", _f.Time.GetUtcNow()), CancellationToken.None);
        var bytes = UploadWorld.SelfAssessment(2044, 50m);
        var upload = Refused(await _f.UploadAsync(2044, "a.csv", bytes));
        var dry = Refused(await _f.ValidateAsync(2044, "a.csv", bytes));
        Assert.Equal("PAR-I003", upload.Code);
        Assert.Equal((upload.Code, upload.Status), (dry.Code, dry.Status));
    }

    [Fact]
    public async Task DryRun_AndUpload_AnswerAlike_RoundClosed_Oversize_WrongUnit()
    {
        await _f.OpenYearWithUnitsAsync(2045);
        var bytes = UploadWorld.SelfAssessment(2045, 50m);
        var huge = new byte[FileLimits.Default.MaxBytes + 10];

        var oversize = Refused(await _f.UploadAsync(2045, "a.csv", huge, declared: null));
        var oversizeDry = Refused(await _f.ValidateAsync(2045, "a.csv", huge));
        Assert.Equal(("PAR-A413", 413), (oversize.Code, oversize.Status));
        Assert.Equal((oversize.Code, oversize.Status, oversize.English), (oversizeDry.Code, oversizeDry.Status, oversizeDry.English));

        var wrongUnit = Refused(await _f.Get<AgencyApi>().UploadAsync(2045, "NOPE", "self-assessment", "a.csv", new MemoryStream(bytes), bytes.Length, "NOPE", CancellationToken.None));
        var wrongUnitDry = Refused(await _f.Get<AgencyApi>().ValidateAsync(2045, "NOPE", "self-assessment", "a.csv", new MemoryStream(bytes), CancellationToken.None));
        Assert.Equal("PAR-A012", wrongUnit.Code);
        Assert.Equal(wrongUnit.Code, wrongUnitDry.Code);

        await _f.Get<AdminApi>().CloseRoundAsync(2045, "self-assessment", CancellationToken.None);
        _f.Time.Advance(TimeSpan.FromSeconds(5));
        var late = Refused(await _f.UploadAsync(2045, "a.csv", bytes));
        var lateDry = Refused(await _f.ValidateAsync(2045, "a.csv", bytes));
        Assert.Equal(("PAR-I004", 409), (late.Code, late.Status));
        Assert.Equal((late.Code, late.Status), (lateDry.Code, lateDry.Status));
    }

    [Fact]
    public async Task RefusedUploads_AreInTheAudit_WithWhoWhenSizeAndCode()
    {
        await _f.OpenYearWithUnitsAsync(2046);
        var bytes = UploadWorld.SelfAssessment(2046, 50m);
        Refused(await _f.UploadAsync(2046, "a\\b.csv", bytes));
        Refused(await _f.UploadAsync(2046, "big.csv", new byte[FileLimits.Default.MaxBytes + 10]));
        await _f.Get<AdminApi>().CloseRoundAsync(2046, "self-assessment", CancellationToken.None);
        _f.Time.Advance(TimeSpan.FromSeconds(5));
        var at = _f.Time.GetUtcNow();
        Refused(await _f.UploadAsync(2046, "late.csv", bytes));

        var audit = await _f.AuditAsync(2046);
        Assert.All(audit, r => Assert.Equal((UploadOutcome.Refused, UploadWorld.Unit, UploadWorld.Unit), (r.Outcome, r.UploadedBy, r.Unit)));
        var late = Assert.Single(audit, r => r.Codes.SequenceEqual(["PAR-I004"]));
        Assert.Equal((at, (long)bytes.Length, "late.csv"), (late.UploadedAt, late.Size, late.BlobName));
        Assert.Single(audit, r => r.Codes.SequenceEqual(["PAR-I007"]));
        Assert.True(Assert.Single(audit, r => r.Codes.SequenceEqual(["PAR-A413"])).Size > FileLimits.Default.MaxBytes);
        // Each refusal is its own row; a refused upload never answers as a status.
        Assert.Equal(3, audit.Count);
        Assert.IsType<RefusalReply>(await _f.Get<AgencyApi>().StatusAsync(2046, UploadWorld.Unit, late.Sha256, CancellationToken.None));
    }
    [Fact]
    public async Task DryRun_AndUpload_Oversize_WithADeclaredLength_AnswerTheSameCodeAndSize()
    {
        await _f.OpenYearWithUnitsAsync(2047);
        var declared = FileLimits.Default.MaxBytes + 12_345;
        var body = new byte[16]; // the declared length alone refuses it: neither reads the body
        var upload = Refused(await _f.Get<AgencyApi>().UploadAsync(2047, UploadWorld.Unit, "self-assessment", "a.csv", new MemoryStream(body), declared, UploadWorld.Unit, CancellationToken.None));
        var dry = Refused(await _f.Get<AgencyApi>().ValidateAsync(2047, UploadWorld.Unit, "self-assessment", "a.csv", new MemoryStream(body), declared, CancellationToken.None));
        Assert.Equal(("PAR-A413", 413), (upload.Code, upload.Status));
        Assert.Equal((upload.Code, upload.Status, upload.Vietnamese, upload.English), (dry.Code, dry.Status, dry.Vietnamese, dry.English));
        Assert.Contains(declared.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), upload.English, StringComparison.Ordinal);
        Assert.Equal(declared, Assert.Single(await _f.AuditAsync(2047)).Size);
    }

    [Fact]
    public async Task RefusalsBeforeTheGatewaysChecks_BadKindOrMissingUnit_AreAuditedToo()
    {
        await _f.OpenYearWithUnitsAsync(2048);
        var bytes = UploadWorld.SelfAssessment(2048, 50m);
        Assert.Equal("PAR-A010", Refused(await _f.Get<AgencyApi>().UploadAsync(2048, UploadWorld.Unit, "appraisal", "a.csv", new MemoryStream(bytes), bytes.Length, UploadWorld.Unit, CancellationToken.None)).Code);
        Assert.Equal("PAR-A010", Refused(await _f.Get<AdminApi>().UploadAsync(2048, "nonsense", "b.csv", null, null, new MemoryStream(bytes), bytes.Length, CancellationToken.None)).Code);
        Assert.Equal("PAR-A016", Refused(await _f.Get<AdminApi>().UploadAsync(2048, "self-assessment", "c.csv", null, null, new MemoryStream(bytes), bytes.Length, CancellationToken.None)).Code);
        Assert.Equal("PAR-A015", Refused(await _f.Get<AdminApi>().UploadAsync(2048, "appraisal", "d.csv", null, null, new MemoryStream(bytes), bytes.Length, CancellationToken.None)).Code);

        var audit = await _f.AuditAsync(2048);
        Assert.All(audit, r => Assert.Equal(UploadOutcome.Refused, r.Outcome));
        Assert.Equal(
            ["a.csv PAR-A010 SO-TP ", "b.csv PAR-A010 admin ", "c.csv PAR-A016 admin submissions", "d.csv PAR-A015 admin appraisals"],
            audit.Select(r => $"{r.BlobName} {string.Join(",", r.Codes)} {r.UploadedBy} {r.Container}").Order(StringComparer.Ordinal));
        Assert.All(audit, r => Assert.Equal((long)bytes.Length, r.Size));
    }

    [Fact]
    public async Task ARefusalFlood_FromOneKey_IsCoalesced_TheAuditStaysBounded()
    {
        await _f.OpenYearWithUnitsAsync(2049);
        var bytes = UploadWorld.SelfAssessment(2049, 50m);
        const int sent = RefusalAudit.RowsPerHour + 30;
        for (var i = 0; i < sent; i++)
        {
            Refused(await _f.UploadAsync(2049, $"x{i}\\.csv", bytes));
            _f.Time.Advance(TimeSpan.FromMilliseconds(10));
        }
        var audit = await _f.AuditAsync(2049);
        Assert.Equal(RefusalAudit.RowsPerHour + 1, audit.Count);
        Assert.Equal(sent, audit.Sum(r => r.Attempts));
        var coalesced = Assert.Single(audit, r => r.Attempts > 1);
        Assert.Equal((30, $"x{sent - 1}\\.csv"), (coalesced.Attempts, coalesced.BlobName)); // the latest attempt, standing for the 30 past the cap
    }
}
