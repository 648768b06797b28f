using System.Globalization;

namespace ParServerless.Scoring.Decisions;

/// <summary>Dates as Nghị định 30/2020 writes them.</summary>
public static class VietnameseDate
{
    /// <summary>"Huế, ngày 06 tháng 01 năm 2022": days below 10 and the months 1 and 2 take a leading zero, other months do not.</summary>
    public static string PlaceAndDate(string place, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{Text.Nfc(place)}, ngày {date.Day:00} tháng {Month(date)} năm {date.Year}");

    /// <summary>"ngày 06 tháng 01 năm 2022", as căn cứ lines cite an instrument.</summary>
    public static string InWords(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"ngày {date.Day:00} tháng {Month(date)} năm {date.Year}");

    /// <summary>"06/01/2022", as appendices cite the decision.</summary>
    public static string Numeric(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Month(DateOnly date) => date.Month <= 2
        ? date.Month.ToString("00", CultureInfo.InvariantCulture)
        : date.Month.ToString(CultureInfo.InvariantCulture);
}
