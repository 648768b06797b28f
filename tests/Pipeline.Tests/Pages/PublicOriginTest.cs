using Microsoft.Extensions.Configuration;
using ParServerless.Pipeline.Pages;
using ParServerless.Pipeline.Storage;

namespace ParServerless.Pipeline.Tests.Pages;

/// <summary>The address link previews name: the configured public origin, else the request's own.</summary>
public sealed class PublicOriginTest
{
    [Theory]
    [InlineData("https://chisocchc.hue.gov.vn", "https://chisocchc.hue.gov.vn")]
    [InlineData(" https://chisocchc.hue.gov.vn/ ", "https://chisocchc.hue.gov.vn")]   // a trailing slash and spaces, as people type it
    [InlineData("https://CHISOCCHC.hue.gov.vn:8443", "https://chisocchc.hue.gov.vn:8443")]
    [InlineData("http://localhost:7071", "http://localhost:7071")]
    public void Configured_IsNamedWhateverHostTheRequestCameThrough(string setting, string expected)
    {
        var origin = PublicOrigin.From(setting);
        Assert.Equal(expected, origin.Configured);
        Assert.Null(origin.Rejected);
        Assert.Equal(expected, origin.For("https", "evil.example"));
        Assert.Equal(expected, origin.For("http", null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("chisocchc.hue.gov.vn")]                       // no scheme
    [InlineData("ftp://chisocchc.hue.gov.vn")]                 // not the web
    [InlineData("https://chisocchc.hue.gov.vn/nam")]           // a path would come before every page's own
    [InlineData("https://chisocchc.hue.gov.vn/?a=1")]
    [InlineData("https://chisocchc.hue.gov.vn/#top")]
    [InlineData("https://user@chisocchc.hue.gov.vn")]
    public void UnsetOrNotAnOrigin_TheRequestsOwnSchemeAndHost(string? setting)
    {
        var origin = PublicOrigin.From(setting);
        Assert.Null(origin.Configured);
        // Set but unusable: kept for the start-up warning; unset: nothing to warn about.
        Assert.Equal(string.IsNullOrWhiteSpace(setting) ? null : setting, origin.Rejected);
        Assert.Equal("https://chiso.example:8443", origin.For("https", "chiso.example:8443"));
        Assert.Equal("", origin.For("https", null));   // no host: the URLs stay relative
    }

    [Fact]
    public void FromConfiguration_ReadsTheAppSetting()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [StorageNames.Settings.PublicOrigin] = "https://chisocchc.hue.gov.vn" })
            .Build();
        Assert.Equal("https://chisocchc.hue.gov.vn", PublicOrigin.FromConfiguration(configuration).Configured);
        Assert.Null(PublicOrigin.FromConfiguration(new ConfigurationBuilder().Build()).Configured);
    }
}
