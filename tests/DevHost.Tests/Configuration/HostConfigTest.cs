using System.Text.Json;
using ParServerless.DevHost.Configuration;

namespace ParServerless.DevHost.Tests.Configuration;

public class HostConfigTest
{
    private static HostConfig Parse(string json)
    {
        using var document = JsonDocument.Parse(json, JsonConfig.DocumentOptions);
        return HostConfig.Parse(document.RootElement, "host.json");
    }

    [Fact]
    public void Parse_HostingLayout_ReadsEverySetting()
    {
        var config = Parse("""
            {
              "version": "2.0",
              "extensions": { "http": { "routePrefix": "api" }, "blobs": { "maxDegreeOfParallelism": 4, "poisonBlobThreshold": 5 } },
              "functionTimeout": "00:10:00"
            }
            """);

        Assert.Equal("api", config.HttpRoutePrefix);
        Assert.Equal(5, config.PoisonBlobThreshold);
        Assert.Equal(4, config.BlobMaxDegreeOfParallelism);
        Assert.Equal(TimeSpan.FromMinutes(10), config.FunctionTimeout);
    }

    [Fact]
    public void Parse_Queues_ReadsTheQueueExtensionsSettings()
    {
        var config = Parse("""
            {
              "version": "2.0",
              "extensions": { "queues": { "batchSize": 1, "newBatchThreshold": 0, "maxDequeueCount": 3, "visibilityTimeout": "00:00:05", "maxPollingInterval": "00:00:02" } }
            }
            """);

        Assert.Equal((1, 0, 3), (config.QueueBatchSize, config.QueueNewBatchThreshold, config.MaxDequeueCount));
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2)), (config.QueueRetryDelay, config.QueueMaxPollingInterval));
    }

    [Fact]
    public void Parse_NoQueues_UsesTheQueueExtensionsDefaults()
    {
        var config = Parse("""{ "version": "2.0" }""");

        // maxDequeueCount 5, batchSize 16, newBatchThreshold half of it, no retry delay, polling up to a minute.
        Assert.Equal((16, 8, 5), (config.QueueBatchSize, config.QueueNewBatchThreshold, config.MaxDequeueCount));
        Assert.Equal((TimeSpan.Zero, TimeSpan.FromMinutes(1)), (config.QueueRetryDelay, config.QueueMaxPollingInterval));
    }

    [Theory]
    [InlineData("""{ "maxDequeueCount": 0 }""")]     // never delivered
    [InlineData("""{ "newBatchThreshold": -1 }""")]  // negative
    [InlineData("""{ "maxPollingInterval": "00:00:00" }""")] // zero polling interval
    public void Parse_BadQueueSetting_IsRefused(string queues) =>
        Assert.Throws<InvalidDataException>(() => Parse($$"""{ "version": "2.0", "extensions": { "queues": {{queues}} } }"""));

    [Fact]
    public void Parse_MinimalHostJson_UsesHostDefaults()
    {
        var config = Parse("""{ "version": "2.0" }""");

        Assert.Equal("api", config.HttpRoutePrefix);
        Assert.Equal(5, config.PoisonBlobThreshold);
        Assert.Equal(8, config.BlobMaxDegreeOfParallelism);
        Assert.Equal(TimeSpan.FromMinutes(30), config.FunctionTimeout);
    }

    [Fact]
    public void Parse_CommentsAnyCaseAndEmptyPrefix_AreAccepted()
    {
        var config = Parse("""
            // host.json may carry comments
            { "Version": "2.0", "Extensions": { "HTTP": { "RoutePrefix": "" }, "blobs": { "PoisonBlobThreshold": "2" } }, }
            """);

        Assert.Equal("", config.HttpRoutePrefix);
        Assert.Equal(2, config.PoisonBlobThreshold);
    }

    [Fact]
    public void Load_TestWorkerOutput_ReadsTheHostJsonTheSdkCopied()
    {
        var config = HostConfig.Load(Support.TestWorkerApp.Directory);

        Assert.Equal(3, config.PoisonBlobThreshold);
        Assert.Equal(TimeSpan.FromMinutes(5), config.FunctionTimeout);
    }

    [Theory]
    // Version 1 hosts are not what Azure runs today.
    [InlineData("""{ "version": "1.0" }""", "\"version\" must be \"2.0\"")]
    [InlineData("""{ "version": "2.0", "extensions": { "blobs": { "poisonBlobThreshold": 0 } } }""", "poisonBlobThreshold must be a positive integer")]
    [InlineData("""{ "version": "2.0", "functionTimeout": "ten minutes" }""", "functionTimeout \"ten minutes\"")]
    public void Parse_InvalidHostJson_SaysWhatIsWrong(string json, string message)
    {
        var exception = Assert.Throws<InvalidDataException>(() => Parse(json));

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }
}
