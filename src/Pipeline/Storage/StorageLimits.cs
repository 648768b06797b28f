using Azure;
using Azure.Data.Tables;

namespace ParServerless.Pipeline.Storage;

/// <summary>
/// Limits of Table storage that no retry can overcome: a property above 64 KiB, an entity above 1 MiB, a key above 1 KiB.
/// Rows are checked against them before writing, so a file that would break them is a coded rejection, not a retry storm.
/// </summary>
public static class StorageLimits
{
    /// <summary>Largest string property: 64 KiB of UTF-16.</summary>
    public const int MaxStringChars = 32 * 1024;

    /// <summary>Largest entity, with a margin for the service's own accounting of names and system properties.</summary>
    public const long MaxEntityBytes = 1024L * 1024 - 16 * 1024;

    /// <summary>Largest key (PartitionKey or RowKey): 1 KiB, counted as UTF-16.</summary>
    public const int MaxKeyBytes = 1024;

    /// <summary>UTF-16 bytes of a key.</summary>
    public static int KeyBytes(string key) => key.Length * 2;

    /// <summary>An estimate, never below the service's count: UTF-16 for strings and names, 8 bytes per other value, keys included.</summary>
    public static long EstimatedBytes(ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        long bytes = 4 + 2L * ((entity.PartitionKey?.Length ?? 0) + (entity.RowKey?.Length ?? 0));
        if (entity is TableEntity table)
            foreach (var (name, value) in table)
                bytes += 8 + 2L * name.Length + (value is string s ? 4 + 2L * s.Length : value is byte[] b ? 4 + b.Length : 8);
        return bytes;
    }

    /// <returns>Null when the entity fits every limit, else which limit it breaks (English, for the report's detail).</returns>
    public static string? Problem(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (KeyBytes(entity.PartitionKey) > MaxKeyBytes || KeyBytes(entity.RowKey) > MaxKeyBytes) return "key > 1 KiB";
        foreach (var (name, value) in entity)
            if (value is string s && s.Length > MaxStringChars) return $"{name}: {s.Length} > {MaxStringChars} characters";
        var size = EstimatedBytes(entity);
        return size > MaxEntityBytes ? $"row of {size} bytes > 1 MiB" : null;
    }

    /// <summary>A refusal by the service that no retry can change (400 or 413: a value, a row or a batch too large, a bad key).</summary>
    public static bool IsPermanent(RequestFailedException exception) =>
        exception is { Status: 400 or 413 } && exception.ErrorCode is not ("OperationTimedOut" or "ServerBusy");
}
