using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ParServerless.Files;
using ParServerless.Pipeline.Storage;

namespace ParServerless.Pipeline.Ingestion;

/// <summary>
/// Table <c>Uploads</c>: PartitionKey = year (D4, or the path's raw year text escaped when it is not a year),
/// RowKey = <c>{container}|{escaped blob name}|{sha256}</c>. The row is written LAST in an ingestion, so its presence means
/// the original, the report and the marks are all stored: a redelivery that finds it is a no-op.
/// </summary>
public sealed class UploadStore(StorageClients clients, StorageSetup setup)
{
    private TableClient Table => clients.Table(StorageNames.Tables.Uploads);

    /// <summary>The year's partition; a malformed path's year text (any length, any characters) is escaped and bounded to 64 characters.</summary>
    public static string Partition(string yearText) => KeyText.Bounded(KeyText.Escape(yearText), 64);

    /// <summary>The upload's RowKey; the escaped blob name is bounded to 400 characters, so even a 1024-character direct blob
    /// name full of escaped characters gives a key within 1 KiB (its status row can always be written).</summary>
    public static string RowKey(string container, string blobName, string sha256) => $"{container}|{KeyText.Bounded(KeyText.Escape(blobName), 400)}|{sha256}";

    public async Task<UploadRecord?> FindAsync(string yearText, string container, string blobName, string sha256, CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition(yearText), RowKey(container, blobName, sha256), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task SaveAsync(UploadRecord record, string yearText, CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(Partition(yearText), RowKey(record.Container, record.BlobName, record.Sha256))
        {
            ["Container"] = record.Container,
            ["BlobName"] = record.BlobName,
            ["Sha256"] = record.Sha256,
            ["Kind"] = record.Kind.ToString(),
            ["Unit"] = record.Unit,
            ["Round"] = record.Round,
            ["Size"] = record.Size,
            ["UploadedBy"] = record.UploadedBy,
            ["UploadedAt"] = record.UploadedAt,
            ["IngestedAt"] = record.IngestedAt,
            ["Outcome"] = record.Outcome.ToString(),
            ["Errors"] = record.Errors,
            ["Warnings"] = record.Warnings,
            ["Units"] = string.Join(',', record.Units),
            ["Codes"] = string.Join(',', record.Codes),
            ["ReportBlob"] = record.ReportBlob,
            ["OriginalBlob"] = record.OriginalBlob,
        };
        // Upsert: a concurrent delivery of the same blob computes the same row from the same bytes, and a rejection that awaited
        // configuration (IngestionService) is replaced by the new outcome.
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records an upload the API refused, so the audit shows the attempt: RowKey <c>{container}|refused|{inverted ticks}|{random}</c>
    /// (never colliding with an ingested upload's key), or, for a <paramref name="coalesced"/> row standing for many refusals,
    /// <c>{container}|refused|+{hour}|{uploader}|{code}</c> (replaced by each later attempt of that hour; <see cref="RefusalAudit"/>).
    /// The name is kept as sent, cut to 200 characters, as a property only.
    /// </summary>
    public async Task SaveRefusedAsync(RefusedUpload attempt, CoalescedRefusals? coalesced, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var rowKey = coalesced is null
            ? $"{attempt.Container}|refused|{KeyText.InvertedTicks(attempt.At)}|{Guid.NewGuid():N}"
            : FormattableString.Invariant($"{attempt.Container}|refused|+{coalesced.Hour}|{KeyText.Bounded(KeyText.Escape(attempt.UploadedBy), 100)}|{attempt.Code}");
        var entity = new TableEntity(Partition(attempt.Year.ToString("D4", CultureInfo.InvariantCulture)), rowKey)
        {
            ["Container"] = attempt.Container,
            ["BlobName"] = Cut(attempt.FileName, 200),
            ["Sha256"] = attempt.Sha256 ?? "",
            ["Kind"] = Cut(attempt.Kind, 40),
            ["Unit"] = attempt.Unit is null ? null : Cut(attempt.Unit, 100),
            ["Round"] = attempt.Round,
            ["Size"] = attempt.Size,
            ["UploadedBy"] = Cut(attempt.UploadedBy, 100),
            ["UploadedAt"] = attempt.At,
            ["IngestedAt"] = attempt.At,
            ["Outcome"] = UploadOutcome.Refused.ToString(),
            ["Errors"] = 1,
            ["Warnings"] = 0,
            ["Units"] = "",
            ["Codes"] = attempt.Code,
            ["ReportBlob"] = "",
            ["OriginalBlob"] = "",
            ["Attempts"] = coalesced?.Attempts ?? 1,
        };
        if (coalesced is null) await Table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        else await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..max] : text;

    /// <summary>RowKeys of a year's accepted uploads: the audit rows marks need before they count (<see cref="MarkStore.CurrentAsync"/>).</summary>
    public async Task<IReadOnlySet<string>> AcceptedKeysAsync(int year, CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var pk = Partition(year.ToString("D4", CultureInfo.InvariantCulture));
        var accepted = UploadOutcome.Accepted.ToString();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var e in Table.QueryAsync<TableEntity>(x => x.PartitionKey == pk, select: ["RowKey", "Outcome"], cancellationToken: cancellationToken).ConfigureAwait(false))
            if (e.GetString("Outcome") == accepted) keys.Add(e.RowKey);
        return keys;
    }

    /// <summary>Every upload of a year, newest first; optionally only those naming or carrying <paramref name="unit"/>.</summary>
    public async Task<IReadOnlyList<UploadRecord>> ListAsync(int year, string? unit, CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var pk = Partition(year.ToString("D4", CultureInfo.InvariantCulture));
        var list = new List<UploadRecord>();
        await foreach (var e in Table.QueryAsync<TableEntity>(x => x.PartitionKey == pk, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var record = FromEntity(e);
            if (unit is null || record.Unit == unit) list.Add(record);
        }
        return list.OrderByDescending(r => r.UploadedAt).ThenBy(r => r.BlobName, StringComparer.Ordinal).ToList();
    }

    private static UploadRecord FromEntity(TableEntity e) => new(
        int.TryParse(e.PartitionKey, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : 0,
        e.GetString("Container"),
        e.GetString("BlobName"),
        e.GetString("Sha256"),
        Enum.TryParse<FileKind>(e.GetString("Kind"), out var kind) && Enum.IsDefined(kind) ? kind : FileKind.Invalid,
        e.GetString("Unit"),
        e.GetInt32("Round"),
        e.GetInt64("Size") ?? 0,
        e.GetString("UploadedBy"),
        e.GetDateTimeOffset("UploadedAt") ?? default,
        e.GetDateTimeOffset("IngestedAt") ?? default,
        Enum.Parse<UploadOutcome>(e.GetString("Outcome")),
        e.GetInt32("Errors") ?? 0,
        e.GetInt32("Warnings") ?? 0,
        Split(e.GetString("Units")),
        Split(e.GetString("Codes")),
        e.GetString("ReportBlob"),
        e.GetString("OriginalBlob"),
        e.GetInt32("Attempts") ?? 1);

    private static string[] Split(string? text) => string.IsNullOrEmpty(text) ? [] : text.Split(',');
}
