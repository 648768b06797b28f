using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Storage.Blobs.Models;
using ParServerless.Pipeline.Storage;

namespace ParServerless.Pipeline.Publication;

/// <summary>
/// Publication jobs as JSON blobs in the private <c>decisions</c> container, <c>{year}/publications/{id}.json</c> (never under
/// a published hash, so never public). Created once; every change is written on the blob's ETag, re-read and re-applied when
/// another writer came first.
/// </summary>
public sealed class PublicationJobStore(StorageClients clients, StorageSetup setup)
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    private static string Folder(int year) => FormattableString.Invariant($"{year}/publications/");

    private static string Name(int year, string id) => Folder(year) + id + ".json";

    public async Task CreateAsync(PublicationJob job, CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var created = await BlobWrites.CreateOnceAsync(clients.Container(StorageNames.AppContainers.Decisions), Name(job.Year, job.Id),
            BinaryData.FromObjectAsJson(job, Json), "application/json", cancellationToken).ConfigureAwait(false);
        if (!created) throw new InvalidOperationException($"publication job {job.Id} exists already");
    }

    public async Task<PublicationJob?> GetAsync(int year, string id, CancellationToken cancellationToken) =>
        (await ReadAsync(year, id, cancellationToken).ConfigureAwait(false))?.Job;

    /// <summary>The year's jobs, newest first.</summary>
    public async Task<IReadOnlyList<PublicationJob>> ListAsync(int year, CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var container = clients.Container(StorageNames.AppContainers.Decisions);
        var names = new List<string>();
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, Folder(year), cancellationToken).ConfigureAwait(false))
            names.Add(item.Name);
        var jobs = new List<PublicationJob>();
        foreach (var name in names.OrderDescending(StringComparer.Ordinal))
            if (await ReadAsync(year, name[Folder(year).Length..^".json".Length], cancellationToken).ConfigureAwait(false) is { } read)
                jobs.Add(read.Job);
        return jobs;
    }

    /// <summary>Applies <paramref name="change"/> on the latest version; null when the job does not exist.</summary>
    public async Task<PublicationJob?> UpdateAsync(int year, string id, Func<PublicationJob, PublicationJob> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await ReadAsync(year, id, cancellationToken).ConfigureAwait(false) is not { } read) return null;
            var changed = change(read.Job);
            if (changed == read.Job) return changed;
            try
            {
                await clients.Container(StorageNames.AppContainers.Decisions).GetBlobClient(Name(year, id)).UploadAsync(
                    BinaryData.FromObjectAsJson(changed, Json),
                    new BlobUploadOptions
                    {
                        HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                        Conditions = new BlobRequestConditions { IfMatch = read.ETag },
                    }, cancellationToken).ConfigureAwait(false);
                return changed;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 10)
            {
                // Another writer (a duplicate delivery) came first: apply the change again to what it wrote.
            }
        }
    }

    private async Task<(PublicationJob Job, ETag ETag)?> ReadAsync(int year, string id, CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await clients.Container(StorageNames.AppContainers.Decisions).GetBlobClient(Name(year, id))
                .DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var job = result.Value.Content.ToObjectFromJson<PublicationJob>(Json)
                ?? throw new InvalidDataException($"publication job {year}/{id} is empty");
            return (job, result.Value.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
