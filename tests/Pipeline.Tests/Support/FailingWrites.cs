using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParServerless.Pipeline.Storage;

namespace ParServerless.Pipeline.Tests.Support;

/// <summary>
/// An SDK pipeline policy that fails one chosen write (PUT, POST, PATCH, MERGE, DELETE) of blobs or tables, counting from
/// <see cref="Reset"/>: the way to fail each write of an ingestion in turn. Reads pass.
/// </summary>
public sealed class FailingWrites : HttpPipelinePolicy
{
    private int _count;

    /// <summary>1-based index of the write to fail; 0 fails none.</summary>
    public int FailAt { get; set; }

    /// <summary>Status of the failure: 503 (a transient fault) unless set.</summary>
    public int Status { get; set; } = 503;

    public string? ErrorCode { get; set; }

    /// <summary>Only writes whose URI contains this count, when set.</summary>
    public string? UriContains { get; set; }

    public int Writes => _count;

    public bool Failed { get; private set; }

    public void Reset(int failAt)
    {
        _count = 0;
        FailAt = failAt;
        Failed = false;
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Check(HttpMessage message)
    {
        var method = message.Request.Method;
        if (method == RequestMethod.Get || method == RequestMethod.Head) return;
        if (UriContains is not null && !message.Request.Uri.ToString().Contains(UriContains, StringComparison.Ordinal)) return;
        if (Interlocked.Increment(ref _count) != FailAt) return;
        Failed = true;
        throw new RequestFailedException(Status, $"injected failure of write #{FailAt} ({method} {message.Request.Uri})", ErrorCode, null);
    }

    /// <summary>The pipeline's services on the fixture's Azurite and clock, with every storage request through <paramref name="policy"/>.</summary>
    public static ServiceProvider Services(PipelineServicesFixture f, HttpPipelinePolicy policy)
    {
        var blobOptions = new BlobClientOptions();
        blobOptions.AddPolicy(policy, HttpPipelinePosition.PerCall);
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(policy, HttpPipelinePosition.PerCall);
        var clients = new StorageClients(new BlobServiceClient(f.Azurite.ConnectionString, blobOptions), new TableServiceClient(f.Azurite.ConnectionString, tableOptions));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = f.Azurite.ConnectionString,
            ["PAR_ADMIN_KEY"] = PipelineServicesFixture.AdminKey,
            ["PAR_AGENCY_KEY_SECRET"] = "test-agency-secret",
        }).Build();
        return new ServiceCollection()
            .AddSingleton<TimeProvider>(f.Time)
            .AddLogging()
            .AddParServerless(configuration)
            .AddSingleton(clients)
            .BuildServiceProvider();
    }
}
