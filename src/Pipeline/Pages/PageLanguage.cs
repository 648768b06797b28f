using System.Globalization;
using ParServerless.Scoring.Formatting;

namespace ParServerless.Pipeline.Pages;

/// <summary>The language of a public page: Vietnamese first (<c>/nam/…</c>), English as a second version (<c>/en/years/…</c>).</summary>
public enum PageLanguage
{
    Invalid = 0,
    Vietnamese = 1,
    English = 2,
}

/// <summary>
/// What differs between the two versions of a public page: the words, how numbers and dates are written (vi-VN: 87,550 and
/// 06/01/2022; English: 87.550 and 6 January 2022) and the routes. Data (unit, group and band names) stays as published.
/// </summary>
internal readonly record struct Lang(PageLanguage Language)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static Lang Vietnamese { get; } = new(PageLanguage.Vietnamese);
    public static Lang English { get; } = new(PageLanguage.English);

    public bool IsEnglish => Language == PageLanguage.English;

    public string Code => IsEnglish ? "en" : "vi";

    public string OgLocale => IsEnglish ? "en_GB" : "vi_VN";

    public CultureInfo Culture => IsEnglish ? EnGb : Vi;

    /// <summary>The text in this page's language.</summary>
    public string T(string vietnamese, string english) => IsEnglish ? english : vietnamese;

    /// <summary>Ranks, counts and years: the same digits in both languages (no group separator, so 2021 never reads 2.021).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Read as l.Int(…) beside l.Number(…), which differ by language.")]
    public string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A figure with the scheme's decimals and rounding, in this language (the API's text is vi-VN).</summary>
    public string Number(ScoreFormat format, decimal value) =>
        IsEnglish ? format.Round(value).ToString("N" + format.Decimals.ToString(CultureInfo.InvariantCulture), EnGb) : format.Format(value);

    /// <summary>A signed change: +1,250 / −0,500 in Vietnamese, +1.250 / −0.500 in English.</summary>
    public string Change(ScoreFormat format, decimal change)
    {
        var rounded = format.Round(change);
        var text = Number(format, Math.Abs(rounded));
        return rounded > 0 ? "+" + text : rounded < 0 ? "−" + text : text;
    }

    public string Date(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Vietnam).ToString(IsEnglish ? "d MMMM yyyy" : "dd/MM/yyyy", Culture);

    public string YearsPath => IsEnglish ? "/" + PageRoutes.EnglishYears : PageRoutes.YearsPath;

    public string YearPath(int year) => IsEnglish ? FormattableString.Invariant($"/en/years/{year}") : PageRoutes.YearPath(year);

    public string UnitPath(int year, string unit) =>
        IsEnglish ? FormattableString.Invariant($"/en/years/{year}/units/{Uri.EscapeDataString(unit)}") : PageRoutes.UnitPath(year, unit);

    /// <summary>The Open Graph image of a group's chart.</summary>
    public string ChartPath(int year, string group) =>
        IsEnglish ? FormattableString.Invariant($"/en/years/{year}/charts/{Uri.EscapeDataString(group)}") : PageRoutes.ChartPath(year, group);

    /// <summary>The same page in the other language.</summary>
    public Lang Other => IsEnglish ? Vietnamese : English;
}
