using Azure.Data.Tables;

namespace ParServerless.Pipeline.Ingestion;

/// <summary>One PartitionKey range <c>[Low, High)</c> of a table query.</summary>
internal readonly record struct KeyRange(string Low, string High)
{
    public string Filter => TableClient.CreateQueryFilter($"PartitionKey ge {Low} and PartitionKey lt {High}");
}

/// <summary>
/// Cuts a PartitionKey range into disjoint ranges that cover it <b>exactly</b>, at hint keys, so that a long range query
/// (strictly sequential pages) can run as several queries at once.
/// </summary>
/// <remarks>
/// The hints only place the cuts: a key outside them (a unit not registered, a code that escapes oddly) still falls in exactly
/// one range, because the ranges are contiguous, <c>[low, c1), [c1, c2), …, [cn, high)</c>. That holds only if the server orders
/// the cuts as we do: Azurite and .NET's ordinal compare UTF-16 code units, the service documents its order only as lexical
/// (UTF-8 bytes, i.e. code points, if not UTF-16). Both agree on strings without surrogates or characters from U+E000, so only
/// such hints become cuts (a key is never required to be one: a row between two cuts is in the range between them whatever
/// its characters).
/// </remarks>
internal static class KeyRanges
{
    /// <param name="low">Inclusive start of the whole range.</param>
    /// <param name="high">Exclusive end of the whole range.</param>
    /// <param name="hints">Keys expected in the range (e.g. each registered unit's partition), in any order, duplicates allowed.</param>
    /// <param name="maxRanges">Most ranges to cut.</param>
    /// <param name="minHintsPerRange">Fewest hints a range should hold: fewer hints than twice this give one range.</param>
    /// <returns>At least one range; the first starts at <paramref name="low"/>, each next one where the previous ends, the last
    /// ends at <paramref name="high"/>.</returns>
    public static IReadOnlyList<KeyRange> Cut(string low, string high, IEnumerable<string> hints, int maxRanges, int minHintsPerRange)
    {
        ArgumentNullException.ThrowIfNull(low);
        ArgumentNullException.ThrowIfNull(high);
        ArgumentNullException.ThrowIfNull(hints);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRanges, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minHintsPerRange, 1);
        if (!OrdersAlike(low) || !OrdersAlike(high) || string.CompareOrdinal(low, high) >= 0)
            throw new ArgumentException($"'{low}' .. '{high}' is not a range every store orders alike.", nameof(high));
        // A cut equal to low would give an empty first range: only keys strictly inside can cut.
        var inside = hints.Where(h => h is not null && OrdersAlike(h) && string.CompareOrdinal(h, low) > 0 && string.CompareOrdinal(h, high) < 0)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var count = Math.Clamp(inside.Count / minHintsPerRange, 1, maxRanges);
        var ranges = new List<KeyRange>(count);
        var start = low;
        for (var i = 1; i < count; i++)
        {
            // count ≤ inside.Count, so the indices strictly increase and every cut is a distinct key above the previous one.
            var cut = inside[(int)((long)i * inside.Count / count)];
            ranges.Add(new KeyRange(start, cut));
            start = cut;
        }
        ranges.Add(new KeyRange(start, high));
        return ranges;
    }

    /// <summary>Whether UTF-8 byte order and UTF-16 code-unit order agree on this string against any other such string.</summary>
    private static bool OrdersAlike(string key)
    {
        foreach (var c in key)
            if (c >= '\uD800') return false;
        return true;
    }
}
