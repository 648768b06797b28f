using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Api.Contracts;
using ParServerless.Pipeline.Publication;
using ParServerless.Pipeline.Registry;
using ParServerless.Pipeline.Tests.Support;
using ParServerless.Scoring.Decisions;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Pipeline.Tests.Api;

/// <summary>Sở Nội vụ's operations in-process on Azurite with a fake clock.</summary>
public sealed class AdminApiTest : IClassFixture<PipelineServicesFixture>
{
    private readonly PipelineServicesFixture _f;

    public AdminApiTest(PipelineServicesFixture fixture) => _f = fixture;

    private AdminApi Admin => _f.Get<AdminApi>();

    private async Task<YearRecord> PublishedYearAsync(int year)
    {
        await _f.OpenHueYearAsync(year);
        var change = await _f.Get<YearStore>().ApplyAsync(year, y => y.Publish("input-hash", _f.Time.GetUtcNow()), CancellationToken.None);
        return Assert.IsType<YearChange.Changed>(change).Year;
    }

    [Fact]
    public async Task PutRound_PublishedYear_IsRefusedAndChangesNothing()
    {
        var before = await PublishedYearAsync(2101);
        var reply = await Admin.PutRoundAsync(2101, "survey", new RoundRequest(null, _f.Time.GetUtcNow().AddDays(3)), CancellationToken.None);
        var refused = Assert.IsType<RefusalReply>(reply);
        Assert.Equal(("PAR-A025", 409), (refused.Refusal.Code, refused.Refusal.Status));
        var after = await _f.Get<YearStore>().GetAsync(2101, CancellationToken.None);
        Assert.Equal(before.ETag, after!.ETag);
    }

    [Fact]
    public async Task CloseRound_PublishedYear_IsRefusedAndKeepsItsRounds()
    {
        var before = await PublishedYearAsync(2102);
        var reply = await Admin.CloseRoundAsync(2102, "self-assessment", CancellationToken.None);
        Assert.Equal("PAR-A025", Assert.IsType<RefusalReply>(reply).Refusal.Code);
        var after = await _f.Get<YearStore>().GetAsync(2102, CancellationToken.None);
        Assert.Empty(after!.Rounds);
        Assert.Equal(before.ETag, after.ETag);
    }

    [Fact]
    public async Task CloseRound_OpenYear_SetsTheDeadlineToTheFakeClockInWholeSeconds()
    {
        await _f.OpenHueYearAsync(2103);
        var reply = Assert.IsType<JsonReply>(await Admin.CloseRoundAsync(2103, "survey", CancellationToken.None));
        var view = Assert.IsType<YearView>(reply.Body);
        var now = _f.Time.GetUtcNow();
        Assert.Equal(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)), view.Rounds["survey"].Deadline);
    }

    [Fact]
    public async Task Preview_MissingYearAndUnregisteredScheme_AreDifferentRefusals()
    {
        var missing = Assert.IsType<RefusalReply>(await Admin.PreviewAsync(2199, CancellationToken.None));
        Assert.Equal(("PAR-A060", 404), (missing.Refusal.Code, missing.Refusal.Status));

        await _f.Get<YearStore>().SaveAsync(YearRecord.Open(2104, new SchemeRef("never-registered", 7),
            new DecisionSettings { Province = "X", Place = "Y" }, null), CancellationToken.None);
        var noScheme = Assert.IsType<RefusalReply>(await Admin.PreviewAsync(2104, CancellationToken.None));
        Assert.Equal(("PAR-A027", 409), (noScheme.Refusal.Code, noScheme.Refusal.Status));

        var generation = await _f.Get<DecisionService>().GenerateAsync(2104, publish: false, CancellationToken.None);
        Assert.Equal("PAR-A027", generation.Refusal!.Code);
    }

    [Fact]
    public async Task PutYear_PublishedYear_IsRefused()
    {
        var year = await PublishedYearAsync(2105);
        var reply = await Admin.PutYearAsync(2105, new YearRequest(year.Scheme, year.Decision, null), CancellationToken.None);
        Assert.Equal("PAR-A025", Assert.IsType<RefusalReply>(reply).Refusal.Code);
    }

    [Fact]
    public async Task PutUnits_PublishedYear_IsRefusedBeforeAnyRowIsWritten()
    {
        await PublishedYearAsync(2106);
        var reply = await Admin.PutUnitsAsync(2106, [new UnitRequest("SO-TP", "Sở Tư pháp", "SO", null, null)], CancellationToken.None);
        Assert.Equal("PAR-A025", Assert.IsType<RefusalReply>(reply).Refusal.Code);
        Assert.Empty(await _f.Get<UnitStore>().ListAsync(2106, CancellationToken.None));
    }
}
