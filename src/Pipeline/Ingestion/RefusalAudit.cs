using System.Collections.Concurrent;

namespace ParServerless.Pipeline.Ingestion;

/// <summary>An upload the API refused (tải lên bị từ chối), as the audit records it: who, when, what, how large, which code.</summary>
/// <param name="Kind">The kind as the route named it (an unknown kind is kept as sent, cut short).</param>
/// <param name="Container">The upload container of the kind; empty when the kind is unknown.</param>
/// <param name="Size">Bytes read, or the declared length of an oversize body.</param>
/// <param name="Sha256">Hash of the bytes read; null when the body was not read (oversize, or refused before reading).</param>
public sealed record RefusedUpload(
    int Year, string Kind, string Container, string? Unit, int? Round, string FileName, long Size, string? Sha256,
    string UploadedBy, DateTimeOffset At, string Code);

/// <summary>
/// Records every refusal of an authenticated upload in the audit (Sở Nội vụ sees that an agency tried), <b>bounded</b>: per
/// year, uploader, code and UTC hour, the first <see cref="RowsPerHour"/> refusals get a row each; further ones are coalesced
/// into one row per (year, uploader, code, hour), rewritten with the latest attempt and the number of attempts it stands for.
/// One key sending refusals in a loop adds at most <see cref="RowsPerHour"/> + 1 rows per code and hour on each instance.
/// </summary>
/// <remarks>The count lives in the instance's memory: with several instances each keeps its own, so the coalesced row holds the
/// count of the instance that wrote it last (a lower bound), and the bound is per instance. Years outside 2000–2100 (no upload
/// path can name them) are not recorded: there is no year to show them under.</remarks>
public sealed class RefusalAudit(UploadStore uploads)
{
    /// <summary>Rows of their own per year, uploader, code and hour before refusals are coalesced. <value>20.</value></summary>
    public const int RowsPerHour = 20;

    private const int MaxTracked = 10_000;

    private readonly ConcurrentDictionary<(int Year, string By, string Code, long Hour), int> _counts = new();

    public async Task RecordAsync(RefusedUpload attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (attempt.Year is < 2000 or > 2100) return;
        var hour = attempt.At.UtcTicks / TimeSpan.TicksPerHour;
        if (_counts.Count > MaxTracked)
            foreach (var old in _counts.Keys.Where(k => k.Hour < hour).ToList()) _counts.TryRemove(old, out _);
        var n = _counts.AddOrUpdate((attempt.Year, attempt.UploadedBy, attempt.Code, hour), 1, (_, c) => c + 1);
        if (n <= RowsPerHour) await uploads.SaveRefusedAsync(attempt, null, cancellationToken).ConfigureAwait(false);
        else await uploads.SaveRefusedAsync(attempt, new CoalescedRefusals(hour, n - RowsPerHour), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The coalesced row of one hour: it stands for <paramref name="Attempts"/> refusals past the rows of their own.</summary>
public sealed record CoalescedRefusals(long Hour, int Attempts);
