using System.Collections.Concurrent;
using ParServerless.Pipeline.Publication;
using ParServerless.Pipeline.Registry;

namespace ParServerless.Pipeline.Api;

/// <summary>
/// What public routes may read: only years whose row says Published, and only the documents and results of the published
/// hash. Published content never changes (it is named by its input hash), so it is cached for the process's life; a year
/// not yet published is re-checked after a few seconds, which delays publication by at most that and never leaks; a
/// published year's row is re-read after a minute, for its signed original.
/// </summary>
public sealed class PublishedCache(YearStore years, ResultStore results, DocumentStore documents, TimeProvider time)
{
    private static readonly TimeSpan RecheckUnpublished = TimeSpan.FromSeconds(3);
    // A published year's row still changes once: its signed original arrives. Other instances see it within this delay.
    private static readonly TimeSpan RecheckPublished = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<int, (YearRecord? Year, DateTimeOffset CheckedAt)> _years = new();
    private readonly ConcurrentDictionary<(int, string), Lazy<Task<IReadOnlyList<ResultRow>>>> _results = new();
    private readonly ConcurrentDictionary<(int, string, string), Lazy<Task<BinaryData?>>> _documents = new();
    private readonly ConcurrentDictionary<(int, string, string), byte[]> _rendered = new();

    /// <summary>The published year, or null when it does not exist or is not published.</summary>
    public async Task<YearRecord?> PublishedYearAsync(int year, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_years.TryGetValue(year, out var known) && now - known.CheckedAt < (known.Year is null ? RecheckUnpublished : RecheckPublished))
            return known.Year;
        var record = await years.GetAsync(year, cancellationToken).ConfigureAwait(false);
        var published = record is { Status: YearStatus.Published, PublishedHash: not null } ? record : null;
        _years[year] = (published, now);
        return published;
    }

    /// <summary>Drops what is known of a year, after this process published it.</summary>
    public void Forget(int year) => _years.TryRemove(year, out _);

    public async Task<IReadOnlyList<YearRecord>> PublishedYearsAsync(CancellationToken cancellationToken) =>
        (await years.ListAsync(cancellationToken).ConfigureAwait(false)).Where(y => y.Status == YearStatus.Published).ToList();

    public Task<IReadOnlyList<ResultRow>> ResultsAsync(YearRecord year, CancellationToken cancellationToken) =>
        Cached(_results, (year.Year, year.PublishedHash!), () => results.ListAsync(year.Year, ResultStage.Published, null, CancellationToken.None));

    public Task<BinaryData?> DocumentAsync(YearRecord year, string file, CancellationToken cancellationToken) =>
        Cached(_documents, (year.Year, year.PublishedHash!, file), () => documents.ReadAsync(year.Year, year.PublishedHash!, file, CancellationToken.None));

    /// <summary>The signed original of a published year (named by its own hash, so cached as long as the process lives).</summary>
    public Task<BinaryData?> SignedAsync(YearRecord year, CancellationToken cancellationToken) =>
        Cached(_documents, (year.Year, "signed", year.SignedDecision!.Sha256), () => documents.ReadSignedAsync(year.Year, year.SignedDecision.Sha256, CancellationToken.None));

    /// <summary>Bytes derived from published content (an export, a JSON body), computed once per published hash.</summary>
    public byte[] Rendered(YearRecord year, string key, Func<byte[]> render) =>
        _rendered.GetOrAdd((year.Year, year.PublishedHash!, key), _ => render());

    private static async Task<T> Cached<TKey, T>(ConcurrentDictionary<TKey, Lazy<Task<T>>> cache, TKey key, Func<Task<T>> load)
        where TKey : notnull
    {
        var lazy = cache.GetOrAdd(key, _ => new Lazy<Task<T>>(load));
        try
        {
            return await lazy.Value.ConfigureAwait(false);
        }
        catch
        {
            cache.TryRemove(key, out _); // a storage fault must not be cached
            throw;
        }
    }
}
