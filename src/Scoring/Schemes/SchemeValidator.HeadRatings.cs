using ParServerless.Scoring.Problems;
using static ParServerless.Scoring.Schemes.SchemeProblemCodes;

namespace ParServerless.Scoring.Schemes;

public static partial class SchemeValidator
{
    /// <summary>
    /// Checks the rules rating heads of units (<c>headRatings</c>, <c>headRatingsByGroup</c>) against the band tables of the
    /// groups each rule applies to: every band named must exist (PAR-S030) and every band must be rated (PAR-S031).
    /// </summary>
    private static (HeadRatingRule? Rule, Dictionary<string, HeadRatingRule> ByGroup) CheckHeadRatings(
        SchemeDraft draft, IReadOnlyList<UnitGroup> groups, BandTable? bands, IReadOnlyDictionary<string, BandTable> bandsByGroup, ProblemBag bag)
    {
        BandTable? TableOf(string group) => bandsByGroup.TryGetValue(group, out var t) ? t : bands;
        var byGroup = new Dictionary<string, HeadRatingRule>(StringComparer.Ordinal);
        foreach (var (group, ruleDraft) in draft.HeadRatingsByGroup ?? new Dictionary<string, HeadRatingDraft>())
        {
            if (!groups.Any(g => g.Code == group))
            {
                bag.Error(UnknownGroup, ruleDraft.Where,
                    $"Quy tắc xếp loại người đứng đầu cho khối '{group}' không có trong danh sách khối.",
                    $"A head-rating rule is given for group '{group}', which the scheme does not declare.");
                continue;
            }
            var (rule, ok) = CheckRule(ruleDraft, bag);
            // Bands are checked even when a rating is unknown, so every problem shows at once.
            if (rule is not null && CheckAgainstBands(rule, ruleDraft, [(group, TableOf(group))], bag) && ok)
                byGroup[group] = rule;
        }
        var others = groups.Where(g => !byGroup.ContainsKey(g.Code) && draft.HeadRatingsByGroup?.ContainsKey(g.Code) != true)
            .Select(g => (g.Code, TableOf(g.Code))).ToList();
        if (draft.HeadRatings is { } schemeDraft)
        {
            var (rule, ok) = CheckRule(schemeDraft, bag);
            return (rule is not null && CheckAgainstBands(rule, schemeDraft, others, bag) && ok ? rule : null, byGroup);
        }
        // No rule: the default rates by the five usual band names. Say so where a group's bands are named otherwise.
        foreach (var (group, table) in others)
            foreach (var band in table?.Bands ?? [])
                if (HeadRatingRule.Default.RatingFor(band, band.LowerBound) is null)
                    bag.Warning(HeadRatingDefaultUnknownBand, new Location(Field: "headRatings"),
                        $"Bộ chỉ số không có quy tắc xếp loại người đứng đầu; quy tắc mặc định không biết loại '{band.Name}' của khối '{group}', nên người đứng đầu các đơn vị loại này không được xếp loại. Hãy khai báo 'headRatings'.",
                        $"The scheme gives no head-rating rule; the default does not know band '{band.Name}' of group '{group}', so heads of those units get no rating. Declare 'headRatings'.");
        return (null, byGroup);
    }

    /// <returns>The rule (null when its shape is wrong) and whether every rating and bound in it is valid.</returns>
    private static (HeadRatingRule? Rule, bool Ok) CheckRule(HeadRatingDraft d, ProblemBag bag)
    {
        var ok = true;
        HeadRating Rating(string? text, Location where)
        {
            var rating = HeadRatings.Parse(text);
            if (rating != HeadRating.Invalid) return rating;
            ok = false;
            bag.Error(UnknownHeadRating, where,
                $"Xếp loại người đứng đầu '{text}' không hợp lệ; dùng: hoàn thành xuất sắc nhiệm vụ, hoàn thành tốt nhiệm vụ, hoàn thành nhiệm vụ, không hoàn thành nhiệm vụ (hoặc Excellent, Good, Completed, NotCompleted).",
                $"Head rating '{text}' is not known; use: hoàn thành xuất sắc nhiệm vụ, hoàn thành tốt nhiệm vụ, hoàn thành nhiệm vụ, không hoàn thành nhiệm vụ (or Excellent, Good, Completed, NotCompleted).");
            return HeadRating.Invalid;
        }
        var otherwise = d.Otherwise is null ? HeadRating.NotCompleted : Rating(d.Otherwise, d.Where with { Field = d.Where.Field + ".otherwise" });
        if ((d.ByBand is null) == (d.Thresholds is null))
        {
            bag.Error(HeadRatingBasis, d.Where,
                "Quy tắc xếp loại người đứng đầu cần đúng một căn cứ: theo loại ('byBand') hoặc theo ngưỡng chỉ số ('thresholds').",
                "A head-rating rule needs exactly one basis: by band ('byBand') or by index thresholds ('thresholds').");
            return (null, false);
        }
        if (d.ByBand is { } byBand)
        {
            var map = new Dictionary<string, HeadRating>(StringComparer.Ordinal);
            foreach (var (band, text) in byBand)
                map[Text.Nfc(band.Trim())] = Rating(text, d.Where with { Field = $"{d.Where.Field}.byBand.{band}" });
            return (new HeadRatingRule(map, null, otherwise), ok);
        }
        var steps = new List<HeadRatingThreshold>();
        if (d.Thresholds!.Count == 0)
        {
            bag.Error(HeadRatingThresholds, d.Where, "Danh sách ngưỡng xếp loại người đứng đầu trống.", "The head-rating thresholds are empty.");
            return (null, false);
        }
        foreach (var t in d.Thresholds)
        {
            var rating = Rating(t.Rating, t.Where);
            if (t.LowerBound is not (>= 0 and <= 100))
            {
                ok = false;
                bag.Error(HeadRatingThresholds, t.Where,
                    $"Ngưỡng xếp loại người đứng đầu '{t.Rating}' cần chỉ số từ 0 đến 100.",
                    $"Head-rating threshold '{t.Rating}' needs an index bound from 0 to 100.");
                continue;
            }
            if (steps.Count > 0 && (t.LowerBound >= steps[^1].LowerBound || rating <= steps[^1].Rating))
            {
                ok = false;
                bag.Error(HeadRatingThresholds, t.Where,
                    $"Các ngưỡng xếp loại người đứng đầu phải xếp từ mức cao nhất xuống, với ngưỡng giảm dần: '{t.Rating}' ({Vi(t.LowerBound.Value)}) đứng sau '{HeadRatings.Text(steps[^1].Rating)}' ({Vi(steps[^1].LowerBound)}).",
                    $"Head-rating thresholds go from the best rating down with falling bounds: '{t.Rating}' ({Invariant(t.LowerBound.Value)}) follows '{HeadRatings.Code(steps[^1].Rating)}' ({Invariant(steps[^1].LowerBound)}).");
                continue;
            }
            steps.Add(new HeadRatingThreshold(rating, t.LowerBound.Value));
        }
        return (new HeadRatingRule(null, steps, otherwise), ok);
    }

    /// <summary>A band rule must name only bands that exist and rate every band of each group it applies to.</summary>
    private static bool CheckAgainstBands(HeadRatingRule rule, HeadRatingDraft d, IReadOnlyList<(string Group, BandTable? Table)> tables, ProblemBag bag)
    {
        if (rule.ByBand is not { } map) return true;
        var ok = true;
        var names = tables.SelectMany(t => t.Table?.Bands ?? []).Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var band in map.Keys.Where(b => tables.Count > 0 && !names.Contains(b)))
        {
            ok = false;
            bag.Error(HeadRatingUnknownBand, d.Where with { Field = $"{d.Where.Field}.byBand.{band}" },
                $"Quy tắc xếp loại người đứng đầu nêu loại '{band}', không có trong bảng xếp loại của khối áp dụng.",
                $"The head-rating rule names band '{band}', which no band table it applies to has.");
        }
        foreach (var (group, table) in tables)
            foreach (var band in (table?.Bands ?? []).Where(b => !map.ContainsKey(b.Name)))
            {
                ok = false;
                bag.Error(HeadRatingBandMissing, d.Where with { Field = d.Where.Field + ".byBand" },
                    $"Loại '{band.Name}' của khối '{group}' chưa có xếp loại người đứng đầu.",
                    $"Band '{band.Name}' of group '{group}' has no head rating.");
            }
        return ok;
    }
}
