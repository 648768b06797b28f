using System.Security.Cryptography;
using ParServerless.Files.Workflow;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Api.Contracts;
using ParServerless.Pipeline.Registry;
using ParServerless.Pipeline.Tests.Publication;
using ParServerless.Pipeline.Tests.Support;

namespace ParServerless.Pipeline.Tests.Api;

/// <summary>The signed original (bản gốc đã ký) of a published Decision, in-process on Azurite.</summary>
public sealed class SignedOriginalTest : IClassFixture<PipelineServicesFixture>
{
    private readonly PipelineServicesFixture _f;

    public SignedOriginalTest(PipelineServicesFixture fixture) => _f = fixture;

    private AdminApi Admin => _f.Get<AdminApi>();

    [Fact]
    public async Task Upload_BeforePublication_IsRefused()
    {
        await _f.OpenHueYearAsync(2201);
        var reply = await Admin.UploadSignedAsync(2201, new MemoryStream(PdfSignatureInfoTest.Signed("/Name (A)")), null, CancellationToken.None);
        Assert.Equal(("PAR-A070", 409), (Assert.IsType<RefusalReply>(reply).Refusal.Code, Assert.IsType<RefusalReply>(reply).Refusal.Status));
    }

    [Fact]
    public async Task Upload_NotAPdf_IsRefused()
    {
        await _f.OpenHueYearAsync(2202);
        await _f.Get<YearStore>().ApplyAsync(2202, y => y.Publish("h", _f.Time.GetUtcNow()), CancellationToken.None);
        var reply = await Admin.UploadSignedAsync(2202, new MemoryStream("<html>"u8.ToArray()), null, CancellationToken.None);
        Assert.Equal("PAR-A071", Assert.IsType<RefusalReply>(reply).Refusal.Code);
    }

    [Fact]
    public async Task Upload_PublishedYear_IsStoredUnderItsHash_AndTheYearSaysSo()
    {
        await _f.OpenHueYearAsync(2203);
        await _f.Get<YearStore>().ApplyAsync(2203, y => y.Publish("h", _f.Time.GetUtcNow()), CancellationToken.None);
        var pdf = PdfSignatureInfoTest.Signed("/Name (Phan Ngoc Tho)");

        var reply = Assert.IsType<JsonReply>(await Admin.UploadSignedAsync(2203, new MemoryStream(pdf), pdf.Length, CancellationToken.None));
        var view = Assert.IsType<SignedOriginalView>(reply.Body);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), view.Sha256);
        Assert.True(view.HasDigitalSignature);
        Assert.Equal("Phan Ngoc Tho", view.DeclaredSigner);

        var year = await _f.Get<YearStore>().GetAsync(2203, CancellationToken.None);
        Assert.Equal(view.Sha256, year!.SignedDecision!.Sha256);
        Assert.Equal("signed-original", PublicApi.DocumentOf(year).Kind);
        // Everything else about a published year still refuses to change.
        Assert.IsType<YearChange.Refused>(year.SetRound(WorkflowStep.Survey, new RoundWindow(null, null)));

        // The same file again changes nothing.
        await Admin.UploadSignedAsync(2203, new MemoryStream(pdf), pdf.Length, CancellationToken.None);
        Assert.Equal(year.ETag, (await _f.Get<YearStore>().GetAsync(2203, CancellationToken.None))!.ETag);
    }

    [Fact]
    public void DocumentOf_WithoutSignedOriginal_SaysPlainlyItIsTheGeneratedText()
    {
        var year = YearRecord.Open(2021, new("hue", 1), new ParServerless.Scoring.Decisions.DecisionSettings { Province = "P", Place = "Q" }, null);
        var document = PublicApi.DocumentOf(year);
        Assert.Equal("generated", document.Kind);
        Assert.Contains("generated", document.En, StringComparison.Ordinal);
        Assert.Contains("bản do hệ thống tạo", document.Vi, StringComparison.Ordinal);
    }
}
