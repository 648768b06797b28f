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
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition(yearText), RowKey(container, blobName, sha256), ListedProperties, cancellationToken).ConfigureAwait(false);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>Largest compressed report held in the status row (one binary property holds at most 64 KiB). <value>60 KiB.</value></summary>
    public const int MaxInlineReportBytes = 60 * 1024;

    /// <summary>The report's JSON gzip-compressed for the status row, or null when even compressed it is above <see cref="MaxInlineReportBytes"/>.</summary>
    public static byte[]? Compress(ReadOnlySpan<byte> json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(json);
        return buffer.Length <= MaxInlineReportBytes ? buffer.ToArray() : null;
    }

    /// <summary>The report of an ingested upload: from its status row, or from its blob when it was too large for the row.</summary>
    /// <returns>The report's JSON, or null when there is none (a refused attempt, or a row of an older version whose blob is gone).</returns>
    public async Task<BinaryData?> ReportAsync(UploadRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.ReportBlob.Length > 0)
            return await BlobWrites.ReadOrNullAsync(clients.Container(StorageNames.AppContainers.Reports), record.ReportBlob, cancellationToken).ConfigureAwait(false);
        if (record.Outcome == UploadOutcome.Refused) return null;
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition(record.Year.ToString("D4", CultureInfo.InvariantCulture)),
            RowKey(record.Container, record.BlobName, record.Sha256), [ReportProperty], cancellationToken).ConfigureAwait(false);
        if (!row.HasValue || row.Value!.GetBinary(ReportProperty) is not { } compressed) return null;
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress);
        using var json = new MemoryStream();
        await gzip.CopyToAsync(json, cancellationToken).ConfigureAwait(false);
        return BinaryData.FromBytes(json.ToArray());
    }

    private const string ReportProperty = "Report";

    /// <summary>Every property of a row but the report: what listings read.</summary>
    private static readonly string[] ListedProperties =
    [
        "PartitionKey", "RowKey", "Container", "BlobName", "Sha256", "Kind", "Unit", "Round", "Size", "UploadedBy", "UploadedAt", "IngestedAt",
        "Outcome", "Errors", "Warnings", "Units", "Codes", "ReportBlob", "OriginalBlob", "Attempts",
    ];

    /// <param name="report">The gzip-compressed report (<see cref="Compress"/>) held in the row; null when it is a blob.</param>
    public async Task SaveAsync(UploadRecord record, string yearText, byte[]? report, CancellationToken cancellationToken)
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
            [ReportProperty] = report,
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

    /// <summary>RowKeys of a year's accepted uploads: the audit rows marks need before they count (<see cref="MarkStore.CurrentAsync(int, IEnumerable{string}, CancellationToken)"/>).</summary>
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
        await foreach (var e in Table.QueryAsync<TableEntity>(x => x.PartitionKey == pk, select: ListedProperties, cancellationToken: cancellationToken).ConfigureAwait(false))
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
