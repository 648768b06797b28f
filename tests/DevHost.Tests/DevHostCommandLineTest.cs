namespace ParServerless.DevHost.Tests;

public class DevHostCommandLineTest
{
    [Fact]
    public void Parse_DevCommandLine_SetsEveryOption()
    {
        var (options, problems) = DevHostCommandLine.Parse([
            "--app", "src/Functions/bin/Release/net10.0",
            "--settings", ".run/local.settings.json", "--setting", "DECISION_SCHEDULE=0 0 2 15 1 *", "--port", "0", "--host-id", "dev-1",
            "--master-key", "k", "--poll-interval", "5", "--no-blob-polling", "--no-triggers",
        ]);

        Assert.Empty(problems);
        Assert.NotNull(options);
        Assert.Equal("src/Functions/bin/Release/net10.0", options.AppDirectory);
        Assert.Equal(".run/local.settings.json", options.SettingsFile);
        Assert.Equal("k", options.MasterKey);
        Assert.False(options.PollBlobs);
        Assert.False(options.EnableTriggers);
        Assert.Equal("0 0 2 15 1 *", options.Settings["DECISION_SCHEDULE"]);
        Assert.Equal(0, options.Port);
        Assert.Equal("dev-1", options.HostId);
        Assert.Equal(TimeSpan.FromSeconds(5), options.BlobPollingInterval);

    }

    [Theory]
    [InlineData("warning", Microsoft.Extensions.Logging.LogLevel.Warning)] // any case
    [InlineData("Debug", Microsoft.Extensions.Logging.LogLevel.Debug)]
    public void Parse_LogLevel_SetsIt(string text, Microsoft.Extensions.Logging.LogLevel expected)
    {
        var (options, problems) = DevHostCommandLine.Parse(["--log-level", text]);
        Assert.Empty(problems);
        Assert.Equal(expected, options!.LogLevel);
    }

    [Fact]
    public void Parse_UnknownLogLevel_IsAProblem()
    {
        var (options, problems) = DevHostCommandLine.Parse(["--log-level", "loud"]);
        Assert.Null(options);
        Assert.Contains(problems, p => p.Contains("--log-level 'loud'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Nothing_GivesTheDefaults()
    {
        var (options, _) = DevHostCommandLine.Parse([]);

        Assert.Equal(new DevHostOptions().Port, options!.Port);
        Assert.Equal(7071, options.Port);
        Assert.Equal(".", options.AppDirectory);
        Assert.True(options.PollBlobs);
    }

    [Fact]
    public void Parse_Mistakes_AreAllReported()
    {
        var (options, problems) = DevHostCommandLine.Parse(["--port", "seventy", "--setting", "NOVALUE", "--script-root"]);

        Assert.Null(options);
        Assert.Equal(["--port 'seventy' must be an integer from 0 to 65535", "--setting 'NOVALUE' is not NAME=VALUE", "unknown option '--script-root'"], problems);
    }
}
