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

    /// <summary>Bàn nộp hồ sơ của cơ quan: the agency's upload desk (signed in by a session cookie).</summary>
    public const string Desk = "co-quan/{year:int}";
    public const string DeskSignIn = "co-quan/{year:int}/dang-nhap";
    public const string DeskSignOut = "co-quan/{year:int}/dang-xuat";
    public const string DeskCheck = "co-quan/{year:int}/kiem-tra";
    public const string DeskSend = "co-quan/{year:int}/gui";
    public const string DeskTemplate = "co-quan/{year:int}/mau/{kind}";

    /// <summary>Bảng theo dõi của Sở Nội vụ: the status board (signed in with the admin key by a session cookie).</summary>
    public const string Board = "so-noi-vu/{year:int}";
    public const string BoardSignIn = "so-noi-vu/{year:int}/dang-nhap";
    public const string BoardSignOut = "so-noi-vu/{year:int}/dang-xuat";
    public const string BoardPublish = "so-noi-vu/{year:int}/cong-bo";

    public static string BoardPath(int year) => FormattableString.Invariant($"/so-noi-vu/{year}");

    public static string DeskPath(int year) => FormattableString.Invariant($"/co-quan/{year}");

    public static string YearsPath => "/" + Years;

    public static string YearPath(int year) => FormattableString.Invariant($"/nam/{year}");

    public static string UnitPath(int year, string unit) => FormattableString.Invariant($"/nam/{year}/don-vi/{Uri.EscapeDataString(unit)}");

    /// <summary>Names of the page functions, one per route.</summary>
    public static class Functions
    {
        public const string PageYears = nameof(PageYears);
        public const string PageYear = nameof(PageYear);
        public const string PageUnit = nameof(PageUnit);
        public const string PageDesk = nameof(PageDesk);
        public const string PageDeskSignIn = nameof(PageDeskSignIn);
        public const string PageDeskSignOut = nameof(PageDeskSignOut);
        public const string PageDeskCheck = nameof(PageDeskCheck);
        public const string PageDeskSend = nameof(PageDeskSend);
        public const string PageDeskTemplate = nameof(PageDeskTemplate);
        public const string PageBoard = nameof(PageBoard);
        public const string PageBoardSignIn = nameof(PageBoardSignIn);
        public const string PageBoardSignOut = nameof(PageBoardSignOut);
        public const string PageBoardPublish = nameof(PageBoardPublish);
        public const string PageChart = nameof(PageChart);
        public const string PageYearsEnglish = nameof(PageYearsEnglish);
        public const string PageYearEnglish = nameof(PageYearEnglish);
        public const string PageUnitEnglish = nameof(PageUnitEnglish);
        public const string PageChartEnglish = nameof(PageChartEnglish);
    }

    /// <summary>Every page function with its route and methods, for the package checks.</summary>
    public static IReadOnlyList<(string Function, string Route, string[] Methods)> All { get; } =
    [
        (Functions.PageYears, Years, ["GET", "HEAD"]),
        (Functions.PageYear, Year, ["GET", "HEAD"]),
        (Functions.PageUnit, Unit, ["GET", "HEAD"]),
        (Functions.PageDesk, Desk, ["GET", "HEAD"]),
        (Functions.PageDeskSignIn, DeskSignIn, ["POST"]),
        (Functions.PageDeskSignOut, DeskSignOut, ["POST"]),
        (Functions.PageDeskCheck, DeskCheck, ["POST"]),
        (Functions.PageDeskSend, DeskSend, ["POST"]),
        (Functions.PageDeskTemplate, DeskTemplate, ["GET", "HEAD"]),
        (Functions.PageBoard, Board, ["GET", "HEAD"]),
        (Functions.PageBoardSignIn, BoardSignIn, ["POST"]),
        (Functions.PageBoardSignOut, BoardSignOut, ["POST"]),
        (Functions.PageBoardPublish, BoardPublish, ["POST"]),
        (Functions.PageChart, Chart, ["GET", "HEAD"]),
        (Functions.PageYearsEnglish, EnglishYears, ["GET", "HEAD"]),
        (Functions.PageYearEnglish, EnglishYear, ["GET", "HEAD"]),
        (Functions.PageUnitEnglish, EnglishUnit, ["GET", "HEAD"]),
        (Functions.PageChartEnglish, EnglishChart, ["GET", "HEAD"]),
    ];

    /// <summary>Biểu đồ của một khối: a group's chart as a PNG, the pages' Open Graph image (link preview).</summary>
    public const string Chart = "nam/{year:int}/bieu-do/{group}";

    /// <summary>The English version of the public pages (and of the chart image).</summary>
    public const string EnglishYears = "en/years";
    public const string EnglishYear = "en/years/{year:int}";
    public const string EnglishUnit = "en/years/{year:int}/units/{unit}";
    public const string EnglishChart = "en/years/{year:int}/charts/{group}";

    public static string ChartPath(int year, string group) => FormattableString.Invariant($"/nam/{year}/bieu-do/{Uri.EscapeDataString(group)}");
}
