using Azure.Data.Tables;

namespace ParServerless.Pipeline.Storage;

/// <summary>
/// Entity-group transactions as Azure allows them: at most 100 operations, all in one partition. Azurite accepts mixed
/// partitions (Azurite#1215), so the rule is enforced here or a bug would only show in production.
/// </summary>
public static class TableBatch
{
    /// <summary>Most operations Azure accepts in one transaction.</summary>
    public const int MaxOperations = 100;

    /// <summary>Submits actions of ONE partition in transactions of at most 100. Each chunk is atomic; the whole is not,
    /// so callers write in an order where a partial write is harmless (rows first, the pointer that makes them visible last).</summary>
    /// <exception cref="ArgumentException">The actions span more than one partition: a bug in the caller.</exception>
    public static async Task SubmitAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count == 0) return;
        var partition = actions[0].Entity.PartitionKey;
        if (actions.Any(a => !string.Equals(a.Entity.PartitionKey, partition, StringComparison.Ordinal)))
            throw new ArgumentException($"A table transaction must stay in one partition; got {actions.Select(a => a.Entity.PartitionKey).Distinct().Count()}.", nameof(actions));
        foreach (var chunk in Chunks(actions))
            await table.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Largest payload we put in one transaction: Azure refuses a batch above 4 MiB; the estimate keeps a margin.</summary>
    public const long MaxPayloadBytes = 3L * 1024 * 1024;

    /// <summary>Chunks of at most 100 operations and about <see cref="MaxPayloadBytes"/> each (100 rows of long notes exceed 4 MiB).</summary>
    public static IEnumerable<TableTransactionAction[]> Chunks(IReadOnlyList<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var chunk = new List<TableTransactionAction>(MaxOperations);
        long bytes = 0;
        foreach (var action in actions)
        {
            var size = StorageLimits.EstimatedBytes(action.Entity);
            if (chunk.Count > 0 && (chunk.Count == MaxOperations || bytes + size > MaxPayloadBytes))
            {
                yield return chunk.ToArray();
                chunk.Clear();
                bytes = 0;
            }
            chunk.Add(action);
            bytes += size;
        }
        if (chunk.Count > 0) yield return chunk.ToArray();
    }

    /// <summary>Groups actions by partition and submits each group with <see cref="SubmitAsync"/>.</summary>
    public static async Task SubmitByPartitionAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        foreach (var group in actions.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal))
            await SubmitAsync(table, group.ToList(), cancellationToken).ConfigureAwait(false);
    }
}
