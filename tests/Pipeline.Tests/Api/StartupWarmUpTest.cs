using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Tests.Support;
using ParServerless.Testing;
using Xunit.Abstractions;

namespace ParServerless.Pipeline.Tests.Api;

/// <summary>The worker's start-up warm-up: it runs the first public request's path, and a failure never reaches the start.</summary>
public sealed class StartupWarmUpTest(PipelineServicesFixture f, ITestOutputHelper output) : IClassFixture<PipelineServicesFixture>
{
    [Fact]
    public async Task RunAsync_WithStorage_RunsTheFirstRequestsPathThrough()
    {
        Assert.True(await StartupWarmUp.RunAsync(f.Services, StartupWarmUp.Timeout));
    }

    [Fact]
    public async Task RunAsync_StorageUnreachable_GivesUpWithinItsTimeout_LogsAtDebug_AndThrowsNothing()
    {
        var logging = new TestLogging(output);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // A port nothing listens on: every storage call fails (and the SDK retries) until the warm-up gives up.
            ["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
                "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
                $"BlobEndpoint=http://127.0.0.1:{ClosedPort()}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{ClosedPort()}/devstoreaccount1;" +
                $"QueueEndpoint=http://127.0.0.1:{ClosedPort()}/devstoreaccount1;",
        }).Build();
        await using var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logging).SetMinimumLevel(LogLevel.Debug))
            .AddParServerless(configuration)
            .BuildServiceProvider();

        Assert.False(await StartupWarmUp.RunAsync(services, TimeSpan.FromSeconds(2)));

        Assert.Contains(logging.Entries, e => e.Level == LogLevel.Debug && e.Category == typeof(StartupWarmUp).FullName
            && e.Message.StartsWith("Start-up warm-up skipped", StringComparison.Ordinal));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
