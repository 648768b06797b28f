using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Api.Contracts;
using ParServerless.Pipeline.Publication;
using ParServerless.Pipeline.Registry;
using ParServerless.Pipeline.Storage;
using ParServerless.Pipeline.Tests.Support;

namespace ParServerless.Pipeline.Tests.Publication;

/// <summary>
/// Publication as durable background work, in-process on Azurite: the request answers 202 with a status resource, the queue
/// message is handed to <see cref="PublicationWorker"/> as the host would (with its dequeue count), and a crash mid-way resumes.
/// </summary>
public sealed class PublicationJobTest(PipelineServicesFixture f) : IClassFixture<PipelineServicesFixture>
{
    private const int Units = 14;

    private QueueClient Queue => new(f.Azurite.ConnectionString, StorageNames.Queues.Publications, StorageClients.QueueOptions);

    private BlobContainerClient Decisions => new(f.Azurite.ConnectionString, StorageNames.AppContainers.Decisions);

    private async Task<PublicationStatusView> RequestAsync(int year, bool publish)
    {
        var reply = Assert.IsType<JsonReply>(await f.Get<AdminApi>().GenerateAsync(year, publish, CancellationToken.None));
        Assert.Equal(202, reply.Status);
        var view = Assert.IsType<PublicationStatusView>(reply.Body);
        Assert.Equal(view.StatusUrl, reply.Location);
        return view;
    }

    /// <summary>Takes the next job message as the host's queue listener does.</summary>
    private async Task<(string Text, long DequeueCount)> ReceiveAsync()
    {
        var message = (await Queue.ReceiveMessageAsync(TimeSpan.FromSeconds(1))).Value ?? throw new InvalidOperationException("no message");
        return (message.Body.ToString(), message.DequeueCount);
    }

    private async Task<PublicationStatusView> StatusAsync(int year, string id)
    {
        var reply = Assert.IsType<JsonReply>(await f.Get<AdminApi>().PublicationAsync(year, id, CancellationToken.None));
        return Assert.IsType<PublicationStatusView>(reply.Body);
    }

    private async Task<List<string>> UnitDocumentsAsync(int year)
    {
        var names = new List<string>();
        await foreach (var b in Decisions.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{year}/", default))
            if (b.Name.Contains("/units/", StringComparison.Ordinal) && !b.Name.Contains("/draft/", StringComparison.Ordinal)) names.Add(b.Name);
        return names;
    }

    [Fact]
    public async Task Publish_Answers202_AndTheWorkerPublishesEveryDocument_WithProgressAndAnOutcomeCode()
    {
        await ProvinceWorld.BuildAsync(f.Services, f.Azurite.ConnectionString, 2021, Units);

        var queued = await RequestAsync(2021, publish: true);
        Assert.Equal(("queued", "queued", false), (queued.State, queued.Phase, queued.Finished));
        Assert.Equal($"/api/admin/years/2021/publications/{queued.Id}", queued.StatusUrl);
        Assert.Equal(202, Assert.IsType<JsonReply>(await f.Get<AdminApi>().PublicationAsync(2021, queued.Id, CancellationToken.None)).Status);

        var (text, count) = await ReceiveAsync();
        await f.Get<PublicationWorker>().RunAsync(text, count, CancellationToken.None);

        var done = Assert.IsType<JsonReply>(await f.Get<AdminApi>().PublicationAsync(2021, queued.Id, CancellationToken.None));
        Assert.Equal(200, done.Status);
        var view = Assert.IsType<PublicationStatusView>(done.Body);
        Assert.Equal(("succeeded", "done", true, "PAR-A080"), (view.State, view.Phase, view.Finished, view.Outcome!.Code));
        Assert.Equal((Units, Units, 1), (view.UnitsRendered, view.UnitsTotal, view.Attempts));
        Assert.Equal("/api/public/years/2021/decision.pdf", view.Document);
        var year = (await f.Get<YearStore>().GetAsync(2021, CancellationToken.None))!;
        Assert.Equal((YearStatus.Published, view.InputSha256), (year.Status, year.PublishedHash));
        Assert.Equal(2 * Units, (await UnitDocumentsAsync(2021)).Count);
        Assert.True(await f.Get<DocumentStore>().ExistsAsync(2021, year.PublishedHash!, draft: false, CancellationToken.None));

        // The same message delivered again (a duplicate, a replay): nothing changes.
        await f.Get<PublicationWorker>().RunAsync(text, count + 1, CancellationToken.None);
        Assert.Equal(view, await StatusAsync(2021, queued.Id));
    }
}
