using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ParServerless.Files.Workflow;
using ParServerless.Pipeline.Storage;
using ParServerless.Scoring.Decisions;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Pipeline.Registry;

/// <summary>
/// Years in table <c>Years</c>: PartitionKey = "year", RowKey = the year (D4). One partition because there are few years
/// and the timer lists them all. Updates are conditional on the row's ETag: admin edits and the timer can meet.
/// </summary>
public sealed class YearStore(StorageClients clients, StorageSetup setup)
{
    private const string Partition = "year";
    private static readonly string PartitionFilter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TableClient Table => clients.Table(StorageNames.Tables.Years);

    public async Task<YearRecord?> GetAsync(int year, CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, Row(year), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<IReadOnlyList<YearRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<YearRecord>();
        // A string filter, not a LINQ one: this is the first query of a new instance (GET /api/public/years), and a LINQ filter
        // compiles expression trees on its first use (cold start, issue #14).
        await foreach (var row in Table.QueryAsync<TableEntity>(PartitionFilter, cancellationToken: cancellationToken).ConfigureAwait(false))
            list.Add(FromEntity(row));
        return list.OrderBy(y => y.Year).ToList();
    }

    /// <summary>Inserts (ETag null) or replaces (ETag given) the row.</summary>
    /// <returns>The stored record with its new ETag, or null when another writer changed it first (reload and decide again).</returns>
    public async Task<YearRecord?> SaveAsync(YearRecord record, CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var entity = ToEntity(record);
        try
        {
            var response = record.ETag is null
                ? await Table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false)
                : await Table.UpdateEntityAsync(entity, new ETag(record.ETag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return record with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return null;
        }
    }

    /// <summary>
    /// Applies a transition of the year with optimistic concurrency: reads the row, asks the aggregate, writes only a
    /// <see cref="YearChange.Changed"/> on the row's ETag, and asks again when another writer won in between.
    /// </summary>
    public async Task<YearChange> ApplyAsync(int year, Func<YearRecord, YearChange> transition, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var current = await GetAsync(year, cancellationToken).ConfigureAwait(false);
            if (current is null) return new YearChange.Missing(year);
            var change = transition(current);
            if (change is not YearChange.Changed { Year: var next }) return change;
            if (await SaveAsync(next with { ETag = current.ETag }, cancellationToken).ConfigureAwait(false) is { } saved)
                return new YearChange.Changed(saved);
        }
        throw new InvalidOperationException($"Year {year} kept changing under 10 attempts to update it.");
    }

    private static string Row(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(YearRecord r) => new(Partition, Row(r.Year))
    {
        ["SchemeId"] = r.Scheme.Id,
        ["SchemeVersion"] = r.Scheme.Version,
        ["Decision"] = JsonSerializer.Serialize(r.Decision, Json),
        ["Rounds"] = JsonSerializer.Serialize(r.Rounds.ToDictionary(p => WorkflowSteps.Of(p.Key).Name, p => p.Value), Json),
        ["PublishAt"] = r.PublishAt,
        ["Status"] = r.Status.ToString(),
        ["DraftHash"] = r.DraftHash,
        ["PublishedHash"] = r.PublishedHash,
        ["PublishedAt"] = r.PublishedAt,
        ["UnitsVersion"] = r.UnitsVersion,
        ["HistoryOnly"] = r.HistoryOnly,
        ["Signed"] = r.SignedDecision is null ? null : JsonSerializer.Serialize(r.SignedDecision, Json),
    };

    private static YearRecord FromEntity(TableEntity e)
    {
        var rounds = JsonSerializer.Deserialize<Dictionary<string, RoundWindow>>(e.GetString("Rounds") ?? "{}", Json) ?? [];
        return new YearRecord(
            int.Parse(e.RowKey, CultureInfo.InvariantCulture),
            new SchemeRef(e.GetString("SchemeId"), e.GetInt32("SchemeVersion") ?? 0),
            JsonSerializer.Deserialize<DecisionSettings>(e.GetString("Decision"), Json)!,
            rounds.ToDictionary(p => (WorkflowSteps.Named(p.Key)?.Step ?? WorkflowStep.Invalid), p => p.Value),
            e.GetDateTimeOffset("PublishAt"),
            Enum.Parse<YearStatus>(e.GetString("Status")),
            e.GetString("DraftHash"),
            e.GetString("PublishedHash"),
            e.GetDateTimeOffset("PublishedAt"),
            e.ETag.ToString(),
            e.GetInt32("UnitsVersion") ?? 0,
            e.GetString("Signed") is { Length: > 0 } signed ? JsonSerializer.Deserialize<SignedOriginal>(signed, Json) : null)
        {
            HistoryOnly = e.GetBoolean("HistoryOnly") ?? false,
        };
    }
}
