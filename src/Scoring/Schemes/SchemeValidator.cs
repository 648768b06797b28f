using System.Globalization;
using System.Text.RegularExpressions;
using ParServerless.Scoring.Problems;
using static ParServerless.Scoring.Schemes.SchemeProblemCodes;

namespace ParServerless.Scoring.Schemes;

/// <summary>Checks a <see cref="SchemeDraft"/> and builds the <see cref="Scheme"/>, reporting every problem at once.</summary>
public static partial class SchemeValidator
{
    /// <summary>Default for <see cref="SchemeSettings.Decimals"/> when a scheme does not say: 2, as BNV publishes.</summary>
    public const int DefaultDecimals = 2;

    public static Checked<Scheme> Check(SchemeDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var bag = new ProblemBag();
        CheckIdentity(draft, bag);
        var groups = CheckGroups(draft, bag);
        var groupCodes = groups.Select(g => g.Code).ToHashSet(StringComparer.Ordinal);
        var settings = CheckSettings(draft.Settings, groupCodes, bag);
        var areas = BuildTree(draft.Criteria, groupCodes, settings?.Decimals ?? DefaultDecimals, bag);
        var bands = CheckBands(draft.Bands, new Location(Field: "bands"), bag);
        var bandsByGroup = new Dictionary<string, BandTable>(StringComparer.Ordinal);
        foreach (var (group, table) in draft.BandsByGroup)
        {
            var where = new Location(Field: $"bandsByGroup.{group}");
            if (!groupCodes.Contains(group))
                bag.Error(UnknownGroup, where,
                    $"Bảng xếp loại cho khối '{group}' không có trong danh sách khối.",
                    $"Bands are given for group '{group}', which the scheme does not declare.");
            var checkedTable = CheckBands(table, where, bag);
            if (checkedTable is not null) bandsByGroup[group] = checkedTable;
        }

        if (areas is not null && settings is not null && draft.MaximumTotal is > 0)
            CheckTotals(areas, groups, settings, draft.MaximumTotal.Value, bag);

        var (headRatings, headRatingsByGroup) = CheckHeadRatings(draft, groups, bands, bandsByGroup, bag);

        var report = bag.ToReport();
        if (!report.Accepted || areas is null || settings is null || bands is null)
            return new Checked<Scheme>(null, report);

        var scheme = new Scheme(
            new SchemeRef(draft.Id!.Trim(), draft.Version!.Value), Text.Nfc(draft.Name!), draft.FromYear!.Value,
            draft.ToYear ?? draft.FromYear!.Value, draft.IsSample, draft.MaximumTotal!.Value,
            groups, areas, settings, bands, bandsByGroup, headRatings, headRatingsByGroup);
        return new Checked<Scheme>(scheme, report);
    }

    private static void CheckIdentity(SchemeDraft draft, ProblemBag bag)
    {
        if (string.IsNullOrWhiteSpace(draft.Id) || !IdPattern().IsMatch(draft.Id.Trim()))
            bag.Error(BadId, new Location(Field: "id"),
                $"Mã bộ chỉ số '{draft.Id}' không hợp lệ: cần 3–64 ký tự gồm chữ không dấu, số, '-', '_' hoặc '.'.",
                $"Scheme id '{draft.Id}' is not valid: use 3–64 ASCII letters, digits, '-', '_' or '.'.");
        if (draft.Version is not >= 1)
            bag.Error(BadVersion, new Location(Field: "version"),
                "Thiếu phiên bản bộ chỉ số hoặc phiên bản nhỏ hơn 1. Phiên bản phải được ghi rõ, không có giá trị mặc định.",
                "The scheme version is missing or below 1. A version must be stated; there is no default.");
        if (draft.FromYear is not (>= 2000 and <= 2100) || (draft.ToYear is { } to && (to < draft.FromYear || to > 2100)))
            bag.Error(BadYears, new Location(Field: "fromYear"),
                $"Năm áp dụng không hợp lệ: từ {draft.FromYear?.ToString(CultureInfo.InvariantCulture) ?? "(trống)"} đến {draft.ToYear?.ToString(CultureInfo.InvariantCulture) ?? "(trống)"}.",
                $"The years are not valid: from {draft.FromYear?.ToString(CultureInfo.InvariantCulture) ?? "(empty)"} to {draft.ToYear?.ToString(CultureInfo.InvariantCulture) ?? "(empty)"}.");
        if (string.IsNullOrWhiteSpace(draft.Name))
            bag.Error(MissingName, new Location(Field: "name"),
                "Thiếu tên bộ chỉ số.", "The scheme has no name.");
        if (draft.MaximumTotal is not > 0)
            bag.Error(BadMaximumTotal, new Location(Field: "maximumTotal"),
                "Tổng điểm tối đa phải lớn hơn 0 (thường là 100).",
                "The maximum total must be above 0 (normally 100).");
    }

    private static List<UnitGroup> CheckGroups(SchemeDraft draft, ProblemBag bag)
    {
        var groups = new List<UnitGroup>();
        if (draft.Groups.Count == 0)
            bag.Error(NoGroups, new Location(Field: "groups"),
                "Bộ chỉ số không khai báo khối đơn vị nào.", "The scheme declares no unit group.");
        foreach (var g in draft.Groups)
        {
            var code = g.Code?.Trim();
            if (string.IsNullOrEmpty(code) || !GroupPattern().IsMatch(code) || string.IsNullOrWhiteSpace(g.Name))
                bag.Error(BadGroup, g.Where,
                    $"Khối '{g.Code}' cần mã 1–16 ký tự (chữ không dấu, số, '-', '_') và tên.",
                    $"Group '{g.Code}' needs a code of 1–16 ASCII letters, digits, '-' or '_', and a name.");
            else if (groups.Exists(x => x.Code == code))
                bag.Error(BadGroup, g.Where,
                    $"Mã khối '{code}' bị trùng.", $"Group code '{code}' is declared twice.");
            else
                groups.Add(new UnitGroup(code, Text.Nfc(g.Name!.Trim())));
        }
        return groups;
    }

    private static SchemeSettings? CheckSettings(SettingsDraft s, HashSet<string> groupCodes, ProblemBag bag)
    {
        var ok = true;
        var decimals = s.Decimals ?? DefaultDecimals;
        if (decimals is < 0 or > 4)
        {
            ok = false;
            bag.Error(BadDecimals, s.Where with { Field = "settings.decimals" },
                $"Số chữ số thập phân {decimals} không hợp lệ; cho phép từ 0 đến 4.",
                $"{decimals} decimals is not allowed; use 0 to 4.");
        }
        var rounding = ParseEnum(s.Rounding, RoundingMode.HalfUp);
        if (rounding == RoundingMode.Invalid)
        {
            ok = false;
            bag.Error(BadRounding, s.Where with { Field = "settings.rounding" },
                $"Cách làm tròn '{s.Rounding}' không hợp lệ; dùng HalfUp hoặc Truncate.",
                $"Rounding '{s.Rounding}' is not known; use HalfUp or Truncate.");
        }
        var ties = ParseEnum(s.Ties, TieRule.ExactIndex);
        if (ties == TieRule.Invalid)
        {
            ok = false;
            bag.Error(BadTieRule, s.Where with { Field = "settings.ties" },
                $"Quy tắc đồng hạng '{s.Ties}' không hợp lệ; dùng ExactIndex hoặc DisplayedIndex.",
                $"Tie rule '{s.Ties}' is not known; use ExactIndex or DisplayedIndex.");
        }
        var conversion = ParseEnum(s.Conversion, SurveyConversion.SatisfactionShare);
        if (conversion == SurveyConversion.Invalid)
        {
            ok = false;
            bag.Error(BadConversion, s.Where with { Field = "settings.conversion" },
                $"Cách quy đổi điểm điều tra '{s.Conversion}' không hợp lệ; dùng SatisfactionShare hoặc MeanOverBest.",
                $"Survey conversion '{s.Conversion}' is not known; use SatisfactionShare or MeanOverBest.");
        }
        foreach (var (field, value) in new[] { ("bonusCap", s.BonusCap), ("penaltyCap", s.PenaltyCap), ("surveyPoints", s.SurveyPoints) })
        {
            if (value is < 0)
            {
                ok = false;
                bag.Error(NegativeCap, s.Where with { Field = "settings." + field },
                    $"Giá trị '{field}' không được âm.", $"'{field}' must not be negative.");
            }
        }
        foreach (var group in s.SurveyPointsByGroup.Keys.Where(g => !groupCodes.Contains(g)))
        {
            ok = false;
            bag.Error(UnknownGroup, s.Where with { Field = $"settings.surveyPointsByGroup.{group}" },
                $"Khối '{group}' không có trong danh sách khối.",
                $"Group '{group}' is not declared by the scheme.");
        }
        if (!ok) return null;
        // SurveyPoints null means "whatever the survey leaves add up to": -1 marks it unchecked.
        return new SchemeSettings(
            s.BonusCap ?? 0m, s.PenaltyCap ?? 0m, s.SurveyPoints ?? -1m,
            new Dictionary<string, decimal>(s.SurveyPointsByGroup, StringComparer.Ordinal),
            decimals, rounding, ties, s.RescaleWhenNoSurvey ?? true, s.CapTotalAtMaximum ?? true, conversion);
    }

    private static TEnum ParseEnum<TEnum>(string? text, TEnum fallback) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return Enum.TryParse<TEnum>(text.Trim(), ignoreCase: true, out var value)
               && Enum.IsDefined(value) && !text.Trim().All(char.IsDigit)
            ? value
            : default;
    }

    private static BandTable? CheckBands(IReadOnlyList<BandDraft> drafts, Location where, ProblemBag bag)
    {
        if (drafts.Count == 0)
        {
            bag.Error(BandsOutOfOrder, where,
                "Bảng xếp loại trống.", "The band table is empty.");
            return null;
        }
        var bands = new List<Band>();
        var kept = new List<BandDraft>();
        var ok = true;
        foreach (var d in drafts)
        {
            var color = string.IsNullOrWhiteSpace(d.Color) ? DefaultColor(bands.Count) : d.Color.Trim();
            if (string.IsNullOrWhiteSpace(d.Name) || d.LowerBound is not (>= 0 and <= 100) || !ColorPattern().IsMatch(color))
            {
                ok = false;
                bag.Error(BadBand, d.Where,
                    $"Loại '{d.Name}' cần tên, ngưỡng dưới từ 0 đến 100 và màu dạng #RRGGBB.",
                    $"Band '{d.Name}' needs a name, a lower bound from 0 to 100 and a colour like #RRGGBB.");
                continue;
            }
            bands.Add(new Band(Text.Nfc(d.Name.Trim()), d.LowerBound.Value, color.ToUpperInvariant()));
            kept.Add(d);
        }
        for (var i = 1; i < bands.Count; i++)
        {
            if (bands[i].LowerBound >= bands[i - 1].LowerBound)
            {
                ok = false;
                bag.Error(BandsOutOfOrder, kept[i].Where,
                    $"Các loại phải xếp từ cao xuống thấp với ngưỡng giảm dần: '{bands[i].Name}' ({Vi(bands[i].LowerBound)}) không thấp hơn '{bands[i - 1].Name}' ({Vi(bands[i - 1].LowerBound)}).",
                    $"Bands must go from best to worst with falling bounds: '{bands[i].Name}' ({Invariant(bands[i].LowerBound)}) is not below '{bands[i - 1].Name}' ({Invariant(bands[i - 1].LowerBound)}).");
            }
        }
        foreach (var dup in bands.GroupBy(b => b.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            ok = false;
            bag.Error(BandsOutOfOrder, where,
                $"Tên loại '{dup.Key}' bị trùng.", $"Band name '{dup.Key}' appears twice.");
        }
        return ok ? new BandTable(bands) : null;
    }

    private static string DefaultColor(int index) =>
        index < BandPalette.Length ? BandPalette[index] : "#7F7F7F";

    // Best band first: green, blue, amber, orange, red. Colour-blind distinguishable by lightness too.
    private static readonly string[] BandPalette = ["#1B7F3B", "#2F6DB5", "#D9A400", "#E46C0A", "#C0392B"];

    internal static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number inside a Vietnamese message: decimal comma (100,5).</summary>
    internal static string Vi(decimal value) => value.ToString(CultureInfo.GetCultureInfo("vi-VN"));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$")]
    private static partial Regex GroupPattern();

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex ColorPattern();
}
