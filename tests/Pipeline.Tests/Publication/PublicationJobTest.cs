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

    /// <summary>Takes the job's message as the host's queue listener does (the test then plays each delivery itself).</summary>
    private async Task<(string Text, long DequeueCount)> ReceiveAsync(string jobId)
    {
        while ((await Queue.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value is { } message)
        {
            await Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            if (PublicationMessage.TryParse(message.Body.ToString())?.Id == jobId) return (message.Body.ToString(), message.DequeueCount);
        }
        throw new InvalidOperationException($"no message for job {jobId}");
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

        var (text, count) = await ReceiveAsync(queued.Id);
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

    [Fact]
    public async Task Crash_MidRendering_NothingIsPublic_AndTheNextDeliveryRendersOnlyTheRest()
    {
        await ProvinceWorld.BuildAsync(f.Services, f.Azurite.ConnectionString, 2022, Units);
        var queued = await RequestAsync(2022, publish: true);
        var (text, count) = await ReceiveAsync(queued.Id);

        // Attempt 1 dies on the 9th unit document write: a storage fault mid-rendering (the host sees an exception).
        var failing = new FailingWrites { UriContains = "/units/" };
        failing.Reset(9);
        await using (var crashed = FailingWrites.Services(f, failing))
            await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => crashed.GetRequiredService<PublicationWorker>().RunAsync(text, count, CancellationToken.None));

        var midway = await StatusAsync(2022, queued.Id);
        Assert.Equal(("running", "rendering", 1), (midway.State, midway.Phase, midway.Attempts));
        Assert.Equal(Units, midway.UnitsTotal);
        Assert.Equal(YearStatus.Open, (await f.Get<YearStore>().GetAsync(2022, CancellationToken.None))!.Status);
        Assert.IsType<RefusalReply>(await f.Get<PublicApi>().YearAsync(2022, CancellationToken.None));
        var written = await UnitDocumentsAsync(2022);
        Assert.InRange(written.Count, 8, 2 * Units - 1);
        Assert.DoesNotContain(written, n => n.EndsWith("manifest.json", StringComparison.Ordinal));

        // Attempt 2 (the message back after its visibility timeout): only what is missing is rendered and written.
        var counting = new FailingWrites { UriContains = "/units/" };
        counting.Reset(0);
        await using (var resumed = FailingWrites.Services(f, counting))
            await resumed.GetRequiredService<PublicationWorker>().RunAsync(text, count + 1, CancellationToken.None);

        Assert.Equal(2 * Units - written.Count, counting.Writes);
        var done = await StatusAsync(2022, queued.Id);
        Assert.Equal(("succeeded", "PAR-A080", 2, Units), (done.State, done.Outcome!.Code, done.Attempts, done.UnitsRendered));
        Assert.Equal(2 * Units, (await UnitDocumentsAsync(2022)).Count);
        Assert.Equal(YearStatus.Published, (await f.Get<YearStore>().GetAsync(2022, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task LastAttemptFails_JobIsFailedWithPARA082_AndNothingIsPublished()
    {
        await ProvinceWorld.BuildAsync(f.Services, f.Azurite.ConnectionString, 2023, 3);
        var queued = await RequestAsync(2023, publish: true);
        var (text, _) = await ReceiveAsync(queued.Id);

        var failing = new FailingWrites { UriContains = "/units/" };
        failing.Reset(1);
        await using (var broken = FailingWrites.Services(f, failing))
            await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => broken.GetRequiredService<PublicationWorker>().RunAsync(text, PublicationWorker.MaxDequeueCount, CancellationToken.None));

        var failed = await StatusAsync(2023, queued.Id);
        Assert.Equal(("failed", true, "PAR-A082", 500), (failed.State, failed.Finished, failed.Outcome!.Code, failed.Outcome.Status));
        Assert.Equal(YearStatus.Open, (await f.Get<YearStore>().GetAsync(2023, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Publish_WithUnitsNotAppraised_JobIsRefusedWithPARA050_NotRetried()
    {
        await ProvinceWorld.BuildAsync(f.Services, f.Azurite.ConnectionString, 2024, 3);
        var admin = f.Get<AdminApi>();
        await admin.PutUnitsAsync(2024, [.. Enumerable.Range(1, 4).Select(i => new UnitRequest(ProvinceWorld.UnitCode(i), $"Đơn vị {i}", "SO", true, null))],
            CancellationToken.None); // DV-0004 has no appraisal
        var queued = await RequestAsync(2024, publish: true);
        var (text, count) = await ReceiveAsync(queued.Id);

        await f.Get<PublicationWorker>().RunAsync(text, count, CancellationToken.None); // returns: a refusal is not a fault

        var refused = await StatusAsync(2024, queued.Id);
        Assert.Equal(("refused", "PAR-A050", 409), (refused.State, refused.Outcome!.Code, refused.Outcome.Status));
        Assert.Contains("DV-0004", refused.Outcome.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_AskedTwiceWhileQueued_JoinsTheSameJob_ButADraftIsAJobOfItsOwn()
    {
        await ProvinceWorld.BuildAsync(f.Services, f.Azurite.ConnectionString, 2025, 2);
        var first = await RequestAsync(2025, publish: true);
        var second = await RequestAsync(2025, publish: true);
        var draft = await RequestAsync(2025, publish: false);

        Assert.Equal(first.Id, second.Id);
        Assert.NotEqual(first.Id, draft.Id);
        Assert.Equal("draft", draft.Kind);
        var list = Assert.IsType<IReadOnlyList<PublicationStatusView>>(
            Assert.IsType<JsonReply>(await f.Get<AdminApi>().PublicationsAsync(2025, CancellationToken.None)).Body, exactMatch: false);
        Assert.Equal(2, list.Count);
    }

    [Fact]
    public async Task Status_UnknownOrMalformedId_IsPARA083()
    {
        foreach (var id in new[] { "20260101T000000000Z-abcdef", "../etc", new string('a', 41) })
        {
            var refusal = Assert.IsType<RefusalReply>(await f.Get<AdminApi>().PublicationAsync(2021, id, CancellationToken.None)).Refusal;
            Assert.Equal(("PAR-A083", 404), (refusal.Code, refusal.Status));
        }
    }

    [Fact]
    public async Task Crash_OnTheTwin_TheNextDeliveryRendersOnlyWhatIsMissingOfTheDecision()
    {
        await ProvinceWorld.BuildAsync(f.Services, f.Azurite.ConnectionString, 2027, 4);
        var queued = await RequestAsync(2027, publish: true);
        var (text, count) = await ReceiveAsync(queued.Id);

        // The Decision and its twin come from one layout; attempt 1 dies writing the twin.
        var failing = new FailingWrites { UriContains = "/" + DocumentStore.DecisionTwinPdf };
        failing.Reset(1);
        await using (var crashed = FailingWrites.Services(f, failing))
            await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => crashed.GetRequiredService<PublicationWorker>().RunAsync(text, count, CancellationToken.None));
        // The documents' folder is named by the input hash (the job's status shows it once it has finished).
        string? folder = null;
        await foreach (var b in Decisions.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "2027/", default))
            if (b.Name.Split('/')[1] is var part && part != "publications") folder = $"2027/{part}/";
        Assert.NotNull(folder);
        var decision = Decisions.GetBlobClient(folder + DocumentStore.DecisionPdf);
        var twin = Decisions.GetBlobClient(folder + DocumentStore.DecisionTwinPdf);
        Assert.False((await twin.ExistsAsync()).Value);
        // The Decision's own write ran beside the twin's and may have been cancelled with it: both cases must resume.
        var decisionWritten = (await decision.ExistsAsync()).Value;

        var counting = new FailingWrites { UriContains = "/" + DocumentStore.DecisionPdf };
        counting.Reset(0);
        await using (var resumed = FailingWrites.Services(f, counting))
            await resumed.GetRequiredService<PublicationWorker>().RunAsync(text, count + 1, CancellationToken.None);

        Assert.Equal(decisionWritten ? 0 : 1, counting.Writes);
        Assert.True((await twin.ExistsAsync()).Value);
        Assert.True((await decision.ExistsAsync()).Value);
        Assert.Equal(YearStatus.Published, (await f.Get<YearStore>().GetAsync(2027, CancellationToken.None))!.Status);
        Assert.Equal(folder, $"2027/{(await StatusAsync(2027, queued.Id)).InputSha256}/");
    }

    [Fact]
    public async Task ParallelRendering_WritesTheSameBytesAsOneRendererAndOneWriter()
    {
        await ProvinceWorld.BuildAsync(f.Services, f.Azurite.ConnectionString, 2026, 6);
        var parallel = await DraftDocumentsAsync(new PublicationOptions { Renderers = 4, Writers = 8, Buffered = 2 });
        await foreach (var b in Decisions.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "2026/", default))
            await Decisions.DeleteBlobAsync(b.Name);
        var sequential = await DraftDocumentsAsync(new PublicationOptions { Renderers = 1, Writers = 1, Buffered = 1 });

        Assert.Equal(2 * 6 + 3, parallel.Count); // sheets and JSON of 6 units, the Decision, its JSON, the manifest
        Assert.Equal(sequential.Keys.Order(), parallel.Keys.Order());
        Assert.All(parallel, p => Assert.True(p.Value.SequenceEqual(sequential[p.Key]), $"{p.Key} differs"));
    }

    private async Task<Dictionary<string, byte[]>> DraftDocumentsAsync(PublicationOptions options)
    {
        var decisions = ActivatorUtilities.CreateInstance<DecisionService>(f.Services, options);
        var outcome = await decisions.GenerateAsync(2026, publish: false, CancellationToken.None);
        Assert.True(outcome.IsOk);
        var documents = new Dictionary<string, byte[]>();
        await foreach (var b in Decisions.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "2026/", default))
            if (!b.Name.Contains("/publications/", StringComparison.Ordinal))
                documents[b.Name] = (await Decisions.GetBlobClient(b.Name).DownloadContentAsync()).Value.Content.ToArray();
        return documents;
    }
}
