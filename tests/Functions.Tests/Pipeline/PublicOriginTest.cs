using System.Net;
using ParServerless.Testing;
using Xunit.Abstractions;

namespace ParServerless.Functions.Tests.Pipeline;

/// <summary>
/// Link previews through the real worker with the pages' public address configured (<c>PAR_PUBLIC_ORIGIN</c>): a page names
/// that address, never the Host header of the request that rendered it (pages are cached publicly for 60 s).
/// </summary>
public sealed class PublicOriginTest(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Origin = "https://chisocchc.hue.gov.vn";
    private Support.Pipeline _p = null!;

    public async Task InitializeAsync() => _p = await Support.Pipeline.StartAsync(new TestLogging(output), o => o with
    {
        EnableTriggers = false,
        Settings = new Dictionary<string, string>(o.Settings) { ["PAR_PUBLIC_ORIGIN"] = Origin + "/" },
    });

    public async Task DisposeAsync() => await _p.DisposeAsync();

    [Theory]
    [InlineData("/nam", "https://chisocchc.hue.gov.vn/nam")]
    [InlineData("/en/years", "https://chisocchc.hue.gov.vn/en/years")]
    public async Task Page_NamesTheConfiguredAddress_NotTheRequestsHost(string path, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "evil.example";
        using var response = await _p.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<meta property=\"og:url\" content=\"{expected}\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
    }
}
