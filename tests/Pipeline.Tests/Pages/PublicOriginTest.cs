using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParServerless.Pipeline.Pages;
using ParServerless.Pipeline.Storage;
using ParServerless.Testing;
using Xunit.Abstractions;

namespace ParServerless.Pipeline.Tests.Pages;

/// <summary>The address link previews name: the configured public origin, else the request's own.</summary>
public sealed class PublicOriginTest(ITestOutputHelper output)
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

    /// <summary>
    /// A set value that is not an origin is ignored, and the app's services say so once, naming the setting and the value
    /// (an operator who typed the province's address without https:// learns why previews still name the platform's host).
    /// </summary>
    [Theory]
    [InlineData("chisocchc.hue.gov.vn", true)]
    [InlineData("https://chisocchc.hue.gov.vn/nam", true)]
    [InlineData("https://chisocchc.hue.gov.vn", false)]
    [InlineData(null, false)]
    public void AppServices_WarnOnce_WhenTheSettingIsSetButNotAnOrigin(string? setting, bool warned)
    {
        var logging = new TestLogging(output);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            [StorageNames.Settings.PublicOrigin] = setting,
        }).Build();
        using var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logging).SetMinimumLevel(LogLevel.Debug))
            .AddParServerless(configuration)
            .BuildServiceProvider();

        var first = services.GetRequiredService<PublicOrigin>();
        Assert.Same(first, services.GetRequiredService<PublicOrigin>());

        var warnings = logging.Entries.Where(e => e.Level == LogLevel.Warning && e.Category == typeof(PublicOrigin).FullName).ToList();
        if (!warned)
        {
            Assert.Empty(warnings);
            return;
        }
        var warning = Assert.Single(warnings);
        Assert.Contains($"{StorageNames.Settings.PublicOrigin} = '{setting}'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("not an http(s) origin", warning.Message, StringComparison.Ordinal);
    }
}
