using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using ParServerless.Pipeline.Storage;
using ParServerless.Testing;
using Xunit.Abstractions;

namespace ParServerless.Functions.Tests.Pipeline;

/// <summary>
/// <c>PAR_STORAGE_PROVISIONED=true</c> (infra/main.bicep sets it): the worker makes none of its create calls, which a new
/// instance would otherwise make before its first storage-backed answer. Without it (the default) a fresh Azurite just works,
/// as every other test shows.
/// </summary>
public sealed class StorageProvisionedTest(ITestOutputHelper output)
{
    [Fact]
    public async Task Provisioned_CreatesNothing_AndAnswersOnceInfraHasCreatedTheStorage()
    {
        await using var p = await Support.Pipeline.StartAsync(new TestLogging(output), o => o with
        {
            Settings = new Dictionary<string, string>(o.Settings) { [StorageNames.Settings.StorageProvisioned] = "true" },
        });
        var blobs = new BlobServiceClient(p.Storage);
        var tables = new TableServiceClient(p.Storage);

        // A fresh Azurite and a worker told that infra created everything: the Years table is missing, which is a storage fault.
        using (var missing = await p.Http.GetAsync("/api/public/years"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, missing.StatusCode);
            Assert.Equal("PAR-A503", (string?)JsonNode.Parse(await missing.Content.ReadAsStringAsync())!["code"]);
        }
        var appContainers = StorageNames.Uploads.All.Concat(StorageNames.AppContainers.All).ToHashSet();
        var containers = new List<string>();
        await foreach (var c in blobs.GetBlobContainersAsync()) containers.Add(c.Name);
        Assert.Empty(containers.Intersect(appContainers));
        var tableNames = new List<string>();
        await foreach (var t in tables.QueryAsync()) tableNames.Add(t.Name);
        Assert.Empty(tableNames);

        // What infra/main.bicep creates before the app starts.
        foreach (var name in appContainers) await blobs.GetBlobContainerClient(name).CreateIfNotExistsAsync();
        foreach (var name in StorageNames.Tables.All) await tables.CreateTableIfNotExistsAsync(name);

        using var answer = await p.Http.GetAsync("/api/public/years");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("[]", await answer.Content.ReadAsStringAsync());
    }
}
