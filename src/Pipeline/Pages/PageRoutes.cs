namespace ParServerless.Pipeline.Pages;

/// <summary>
/// The web pages' routes (trang web), at the root of the function app (host.json's route prefix is empty; the API sits under
/// <c>api/</c>). Vietnamese paths, ASCII only. <c>/admin</c> is the Functions host's own, so no page lives there.
/// </summary>
public static class PageRoutes
{
    /// <summary>Các năm đã công bố: the years published.</summary>
    public const string Years = "nam";

    /// <summary>Kết quả một năm: a year's results per group.</summary>
    public const string Year = "nam/{year:int}";

    /// <summary>Trang của một đơn vị: its working sheet.</summary>
    public const string Unit = "nam/{year:int}/don-vi/{unit}";

    public static string YearsPath => "/" + Years;

    public static string YearPath(int year) => FormattableString.Invariant($"/nam/{year}");

    public static string UnitPath(int year, string unit) => FormattableString.Invariant($"/nam/{year}/don-vi/{Uri.EscapeDataString(unit)}");

    /// <summary>Names of the page functions, one per route.</summary>
    public static class Functions
    {
        public const string PageYears = nameof(PageYears);
        public const string PageYear = nameof(PageYear);
        public const string PageUnit = nameof(PageUnit);
    }

    /// <summary>Every page function with its route (GET and HEAD each), for the package checks.</summary>
    public static IReadOnlyList<(string Function, string Route)> All { get; } =
    [
        (Functions.PageYears, Years),
        (Functions.PageYear, Year),
        (Functions.PageUnit, Unit),
    ];
}
