using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Publication;
using ParServerless.Pipeline.Registry;
using ParServerless.Pipeline.Tests.Support;
using ParServerless.Samples;

namespace ParServerless.Pipeline.Tests.Publication;

/// <summary>Nothing unfinished is ever published: publication is refused while any Decision setting is missing.</summary>
public sealed class PublicationReadinessTest : IClassFixture<PipelineServicesFixture>
{
    private readonly PipelineServicesFixture _f;

    public PublicationReadinessTest(PipelineServicesFixture fixture) => _f = fixture;

    [Fact]
    public async Task Publish_YearWithoutNumberSignerOrLegalBases_IsRefusedListingEveryMissingField()
    {
        await _f.OpenHueYearAsync(2301); // province and place only

        var outcome = await _f.Get<DecisionService>().GenerateAsync(2301, publish: true, CancellationToken.None);

        Assert.False(outcome.IsOk);
        Assert.Equal(("PAR-A052", 409), (outcome.Refusal!.Code, outcome.Refusal.Status));
        var codes = outcome.Refusal.Problems!.Select(p => p.Code).ToList();
        Assert.True(codes.Count >= 4, string.Join(", ", codes));
        Assert.All(codes, c => Assert.StartsWith("PAR-D", c, StringComparison.Ordinal));
        Assert.Equal(YearStatus.Open, (await _f.Get<YearStore>().GetAsync(2301, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Publish_SampleMissingOnlyTheSignersName_IsRefusedWithItsCode()
    {
        // 2021: the year whose national decision (QĐ 1149/QĐ-BNV) is known and defaulted.
        await _f.OpenHueYearAsync(2021);
        await _f.Get<YearStore>().ApplyAsync(2021, y => y.ChangeSettings(y.Scheme, HueSample.Decision with { Signature = ParServerless.Scoring.Decisions.SignatureBlock.ViceChairOnBehalf }, null), CancellationToken.None);

        var reply = await _f.Get<AdminApi>().GenerateAsync(2021, publish: true, CancellationToken.None);

        var refusal = Assert.IsType<RefusalReply>(reply).Refusal;
        Assert.Equal("PAR-A052", refusal.Code);
        var problem = Assert.Single(refusal.Problems!);
        Assert.Equal("decision.signature.signerName", problem.Where.Field);
    }

    [Fact]
    public async Task Draft_OfAnIncompleteYear_IsStillGenerated()
    {
        await _f.OpenHueYearAsync(2303);
        var outcome = await _f.Get<DecisionService>().GenerateAsync(2303, publish: false, CancellationToken.None);
        Assert.True(outcome.IsOk, outcome.Refusal?.English);
        Assert.False(outcome.Value!.Published);
    }
}
