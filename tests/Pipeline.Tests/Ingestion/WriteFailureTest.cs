using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using ParServerless.Files;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Storage;
using ParServerless.Pipeline.Tests.Support;
using ParServerless.Samples;
using ParServerless.Scoring.Marks;

namespace ParServerless.Pipeline.Tests.Ingestion;

/// <summary>Writes failing one at a time: no marks ever count without their audit row; permanent storage refusals are rejections.</summary>
public sealed class WriteFailureTest : IClassFixture<PipelineServicesFixture>
{
    private readonly PipelineServicesFixture _f;

    public WriteFailureTest(PipelineServicesFixture fixture) => _f = fixture;

    private static IReadOnlyList<decimal?> Points(decimal total) =>
        SampleMarks.Generate(HueSample.Scheme, HueSample.Units.Single(u => u.Code == UploadWorld.Unit), 2021, total)
            .Single(s => s.Source == MarkSource.SelfAssessment).Leaves.Select(l => l.Points).ToList();

    private async Task<BlobClient> PutAsync(string name, byte[] bytes, DateTimeOffset moment)
    {
        var container = new BlobContainerClient(_f.Azurite.ConnectionString, "submissions");
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient(name);
        await blob.UploadAsync(new BinaryData(bytes), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { [IngestionService.UploadedAtMetadata] = moment.ToString("O", System.Globalization.CultureInfo.InvariantCulture) },
        });
        return blob;
    }

    /// <summary>What counts for the unit's self-assessment is absent or exactly the marks of an upload the audit shows as accepted.</summary>
    private async Task AssertCountedMarksAreAuditedAsync(IReadOnlyDictionary<string, IReadOnlyList<decimal?>> bySha, int write)
    {
        var audited = (await _f.AuditAsync(2021)).Where(r => r.Outcome == UploadOutcome.Accepted).Select(r => r.Sha256).ToHashSet();
        var current = await _f.Get<MarkStore>().CurrentAsync(2021, CancellationToken.None);
        if (!current.TryGetValue(UploadWorld.Unit, out var sheets)) return;
        var sheet = sheets.SingleOrDefault(s => s.Source == MarkSource.SelfAssessment);
        if (sheet is null) return;
        var points = sheet.Leaves.Select(l => l.Points).ToList();
        Assert.True(bySha.Any(kv => audited.Contains(kv.Key) && kv.Value.SequenceEqual(points)),
            $"after failing write #{write}, marks count that no accepted audit row accounts for");
    }

    [Fact]
    public async Task FailingEachWriteInTurn_NoMarksCountWithoutTheirAuditRow_AndTheRetryCompletesIt()
    {
        await _f.OpenYearWithUnitsAsync(2021);
        var policy = new FailingWrites();
        await using var failing = FailingWrites.Services(_f, policy);
        await failing.GetRequiredService<StorageSetup>().EnsureAsync(CancellationToken.None); // tables and containers exist: count the ingestion's own writes
        var bySha = new Dictionary<string, IReadOnlyList<decimal?>>();
        int n;
        for (n = 1; n < 30; n++)
        {
            var total = 40m + n;
            var bytes = UploadWorld.SelfAssessment(2021, total);
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            bySha[sha] = Points(total);
            var blob = await PutAsync($"2021/{UploadWorld.Unit}/f{n}.csv", bytes, _f.Time.GetUtcNow().AddMinutes(n));

            policy.Reset(n);
            try
            {
                await failing.GetRequiredService<IngestionService>().IngestAsync(blob, CancellationToken.None);
            }
            catch (RequestFailedException e) when (e.Status == 503)
            {
                // the injected fault: the host would retry
            }
            await AssertCountedMarksAreAuditedAsync(bySha, n);
            if (!policy.Failed) break; // n is past the ingestion's last write: it simply succeeded

            var retried = await _f.Get<IngestionService>().IngestAsync(blob, CancellationToken.None);
            Assert.Equal(UploadOutcome.Accepted, retried.Record!.Outcome);
            var head = Assert.Single(await _f.Get<MarkStore>().HeadsAsync(2021, UploadWorld.Unit, CancellationToken.None));
            Assert.Equal(sha, head.Sha256);
            await AssertCountedMarksAreAuditedAsync(bySha, n);
        }
        Assert.InRange(n, 4, 29); // original, rows with their head (one transaction), status row with its report: each was failed once
    }

    [Fact]
    public async Task PermanentStorageRefusal_IsACodedRejectionWithAReport_NotARetry()
    {
        await _f.OpenYearWithUnitsAsync(2021);
        var policy = new FailingWrites { Status = 400, ErrorCode = "PropertyValueTooLarge", UriContains = "$batch" };
        await using var failing = FailingWrites.Services(_f, policy);
        await failing.GetRequiredService<StorageSetup>().EnsureAsync(CancellationToken.None);
        var bytes = UploadWorld.SelfAssessment(2021, 33.5m);
        var blob = await PutAsync($"2021/{UploadWorld.Unit}/too-large.csv", bytes, _f.Time.GetUtcNow().AddDays(2));
        policy.Reset(1);

        var result = await failing.GetRequiredService<IngestionService>().IngestAsync(blob, CancellationToken.None);

        Assert.True(policy.Failed);
        Assert.Equal(UploadOutcome.Rejected, result.Record!.Outcome);
        Assert.Equal(["PAR-I008"], result.Record.Codes);
        var report = await _f.Get<UploadStore>().ReportAsync(result.Record, CancellationToken.None);
        Assert.Contains("PAR-I008", report!.ToString(), StringComparison.Ordinal);
        var replay = await _f.Get<IngestionService>().IngestAsync(blob, CancellationToken.None);
        Assert.True(replay.Replayed);
    }

    [Fact]
    public void StorageProblem_NamesAValueAboveTheStorageLimit_BeforeAnythingIsWritten()
    {
        var sheet = SampleMarks.Generate(HueSample.Scheme, HueSample.Units.Single(u => u.Code == UploadWorld.Unit), 2021, 50m)
            .Single(s => s.Source == MarkSource.SelfAssessment);
        Assert.Null(MarkStore.StorageProblem(sheet, new string('a', 64)));
        var leaves = sheet.Leaves.ToList();
        leaves[3] = leaves[3] with { Note = new string('đ', StorageLimits.MaxStringChars + 1) };
        Assert.Contains("Note", MarkStore.StorageProblem(sheet with { Leaves = leaves }, new string('a', 64)), StringComparison.Ordinal);
    }

    [Fact]
    public void Batches_AreSplitBelowTheTransactionPayloadLimit()
    {
        var actions = Enumerable.Range(0, 100).Select(i => new Azure.Data.Tables.TableTransactionAction(Azure.Data.Tables.TableTransactionActionType.UpsertReplace,
            new Azure.Data.Tables.TableEntity("p", $"r{i:D4}") { ["Note"] = new string('x', 4_000), ["Evidence"] = new string('\\', 18_000) })).ToList();
        var chunks = TableBatch.Chunks(actions).ToList();
        Assert.True(chunks.Count > 1);
        Assert.Equal(100, chunks.Sum(c => c.Length));
        Assert.All(chunks, c => Assert.True(c.Sum(a => StorageLimits.EstimatedBytes(a.Entity)) <= TableBatch.MaxPayloadBytes));
    }
}
