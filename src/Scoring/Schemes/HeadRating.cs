namespace ParServerless.Scoring.Schemes;

/// <summary>
/// The rating of a unit's head on reform work (xếp loại người đứng đầu về công tác CCHC), derived from the unit's result by
/// the scheme's <see cref="HeadRatingRule"/>.
/// </summary>
public enum HeadRating
{
    Invalid = 0,
    /// <summary>Hoàn thành xuất sắc nhiệm vụ.</summary>
    Excellent = 1,
    /// <summary>Hoàn thành tốt nhiệm vụ.</summary>
    Good = 2,
    /// <summary>Hoàn thành nhiệm vụ.</summary>
    Completed = 3,
    /// <summary>Không hoàn thành nhiệm vụ.</summary>
    NotCompleted = 4,
}

/// <summary>Texts of <see cref="HeadRating"/>, and the words a scheme may use for one.</summary>
public static class HeadRatings
{
    /// <summary>What a person reads where a unit is scored but not ranked, so its head gets no rating from it.</summary>
    public const string NotRatedText = "Không xếp loại (đơn vị không xếp hạng)";

    public static IReadOnlyList<HeadRating> All { get; } = [HeadRating.Excellent, HeadRating.Good, HeadRating.Completed, HeadRating.NotCompleted];

    /// <summary>The Vietnamese phrase, as the Decision prints it: "hoàn thành tốt nhiệm vụ".</summary>
    public static string Text(HeadRating rating) => rating switch
    {
        HeadRating.Excellent => "hoàn thành xuất sắc nhiệm vụ",
        HeadRating.Good => "hoàn thành tốt nhiệm vụ",
        HeadRating.Completed => "hoàn thành nhiệm vụ",
        HeadRating.NotCompleted => "không hoàn thành nhiệm vụ",
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, "Not a head rating."),
    };

    /// <summary>The English name, as machine outputs carry it: Excellent, Good, Completed, NotCompleted.</summary>
    public static string Code(HeadRating rating) => rating is > HeadRating.Invalid and <= HeadRating.NotCompleted
        ? rating.ToString()
        : throw new ArgumentOutOfRangeException(nameof(rating), rating, "Not a head rating.");

    /// <summary>Reads a rating as a scheme writes it: the English name or the Vietnamese phrase (any case, NFC or not).</summary>
    /// <returns><see cref="HeadRating.Invalid"/> for anything else.</returns>
    public static HeadRating Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return HeadRating.Invalid;
        var key = Scoring.Text.Nfc(text.Trim());
        foreach (var r in All)
            if (string.Equals(key, r.ToString(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(key, Text(r), StringComparison.OrdinalIgnoreCase))
                return r;
        return HeadRating.Invalid;
    }
}

/// <summary>One step of an index-threshold rule: a head is rated <paramref name="Rating"/> from <paramref name="LowerBound"/> up.</summary>
public sealed record HeadRatingThreshold(HeadRating Rating, decimal LowerBound);

/// <summary>
/// How a unit's result rates its head (quy tắc xếp loại người đứng đầu): by the unit's band, or by thresholds on its unrounded
/// index. Provinces differ, so it is scheme data (<c>headRatings</c>, <c>headRatingsByGroup</c>; docs/SCHEMES.md).
/// </summary>
/// <remarks>
/// The default (<see cref="Default"/>), used when a scheme gives no rule, follows the band (DOMAIN.md): Xuất sắc → hoàn thành
/// xuất sắc; Tốt → hoàn thành tốt; Khá and Trung bình → hoàn thành; Yếu, or below every band → không hoàn thành. A band of
/// another name gets no rating from the default (the validator warns, PAR-S033). A unit scored but not ranked gets no rating.
/// </remarks>
/// <param name="ByBand">Band name → rating; null for a threshold rule.</param>
/// <param name="Thresholds">Best rating first, bounds strictly falling; null for a band rule.</param>
/// <param name="Otherwise">Below every band or threshold. <value>The default is NotCompleted.</value></param>
public sealed record HeadRatingRule(
    IReadOnlyDictionary<string, HeadRating>? ByBand, IReadOnlyList<HeadRatingThreshold>? Thresholds, HeadRating Otherwise)
{
    /// <summary>The documented default: by band name.</summary>
    public static HeadRatingRule Default { get; } = new(new Dictionary<string, HeadRating>(StringComparer.OrdinalIgnoreCase)
    {
        ["Xuất sắc"] = HeadRating.Excellent,
        ["Tốt"] = HeadRating.Good,
        ["Khá"] = HeadRating.Completed,
        ["Trung bình"] = HeadRating.Completed,
        ["Yếu"] = HeadRating.NotCompleted,
    }, null, HeadRating.NotCompleted);

    /// <summary>The head's rating for a unit's band and unrounded index; null when the rule does not know the band.</summary>
    public HeadRating? RatingFor(Band? band, decimal index)
    {
        if (Thresholds is { } steps)
        {
            foreach (var step in steps)
                if (index >= step.LowerBound) return step.Rating;
            return Otherwise;
        }
        if (band is null) return Otherwise;
        return ByBand is { } map && map.TryGetValue(band.Name, out var rating) ? rating : null;
    }
}
