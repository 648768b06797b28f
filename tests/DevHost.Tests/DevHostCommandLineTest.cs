using ParServerless.DevHost.Payload;

namespace ParServerless.DevHost.Tests;

public class DevHostCommandLineTest
{
    [Fact]
    public void Parse_DevCommandLine_SetsEveryOption()
    {
        var (options, problems) = DevHostCommandLine.Parse([
            "--script-root", ".", "--functions-root", "src/Functions", "--handler", "src/Functions/bin/Debug/net10.0/ParServerless.Functions.dll",
            "--settings", ".run/local.settings.json", "--setting", "DECISION_SCHEDULE=0 0 2 15 1 *", "--port", "0", "--host-id", "dev-1",
            "--master-key", "k", "--poll-interval", "5", "--properties-as-string", "--handler-arg", "--urls", "--handler-arg", "x",
        ]);

        Assert.Empty(problems);
        Assert.NotNull(options);
        Assert.Equal("src/Functions", options.FunctionsRoot);
        Assert.Equal("0 0 2 15 1 *", options.Settings["DECISION_SCHEDULE"]);
        Assert.Equal(0, options.Port);
        Assert.Equal("dev-1", options.HostId);
        Assert.Equal(TimeSpan.FromSeconds(5), options.BlobPollingInterval);
        Assert.Equal(BlobPropertiesFormat.JsonString, options.BlobPropertiesFormat);
        Assert.Equal(["--urls", "x"], options.HandlerArguments);
    }

    [Fact]
    public void Parse_Nothing_GivesTheDefaults()
    {
        var (options, _) = DevHostCommandLine.Parse([]);

        Assert.Equal(new DevHostOptions().Port, options!.Port);
        Assert.Equal(7071, options.Port);
        Assert.Null(options.HandlerArguments);
    }

    [Fact]
    public void Parse_Mistakes_AreAllReported()
    {
        var (options, problems) = DevHostCommandLine.Parse(["--port", "seventy", "--setting", "NOVALUE", "--bogus"]);

        Assert.Null(options);
        Assert.Equal(["--port 'seventy' must be an integer from 0 to 65535", "--setting 'NOVALUE' is not NAME=VALUE", "unknown option '--bogus'"], problems);
    }
}
