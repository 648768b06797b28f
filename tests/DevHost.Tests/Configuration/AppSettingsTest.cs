using ParServerless.DevHost.Configuration;

namespace ParServerless.DevHost.Tests.Configuration;

public sealed class AppSettingsTest : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"settings-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void Create_FileAndOverrides_OverridesWinAndBothReachTheHandler()
    {
        File.WriteAllText(_file, """{ "IsEncrypted": false, "Values": { "DECISION_SCHEDULE": "0 0 2 15 1 *", "ADMIN_KEY": "from-file" } }""");

        var settings = AppSettings.Create(new Dictionary<string, string> { ["PATH"] = "/bin", ["ADMIN_KEY"] = "from-env" }, _file,
            new Dictionary<string, string> { ["ADMIN_KEY"] = "override" });

        Assert.Equal("override", settings.Get("admin_key"));
        Assert.Equal("/bin", settings.Get("PATH"));
        Assert.Equal(2, settings.Explicit.Count); // the inherited environment reaches the handler by inheritance, not as an override
    }

    [Fact]
    public void Resolve_PercentTokens_AreReplaced()
    {
        var settings = AppSettings.Create(null, null, new Dictionary<string, string> { ["DECISION_SCHEDULE"] = "0 0 2 15 1 *", ["C"] = "uploads" });

        Assert.Equal("0 0 2 15 1 *", settings.Resolve("%DECISION_SCHEDULE%"));
        Assert.Equal("uploads/{name}", settings.Resolve("%C%/{name}"));
    }

    [Fact]
    public void Resolve_MissingSetting_Throws()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => AppSettings.Create(null, null, new Dictionary<string, string>()).Resolve("%NOPE%"));

        Assert.Contains("'NOPE'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    // No connection named: the host storage.
    [InlineData(null, "host")]
    [InlineData("AzureWebJobsStorage", "host")]
    [InlineData("Uploads", "uploads")]
    // The host's legacy prefix: "Other" finds AzureWebJobsOther.
    [InlineData("Other", "other")]
    public void ResolveConnection_Name_FindsTheSetting(string? name, string expected)
    {
        var settings = AppSettings.Create(null, null, new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = "host", ["Uploads"] = "uploads", ["AzureWebJobsOther"] = "other",
        });

        Assert.Equal(expected, settings.ResolveConnection(name));
    }

    [Fact]
    public void IsDisabled_HostSetting_IsHonoured()
    {
        var settings = AppSettings.Create(null, null, new Dictionary<string, string> { ["AzureWebJobs.GenerateDecision.Disabled"] = "true" });

        Assert.True(settings.IsDisabled("GenerateDecision"));
        Assert.False(settings.IsDisabled("IngestSubmission"));
    }
}
