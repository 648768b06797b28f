using System.Globalization;

namespace ParServerless.Documents.Charts;

/// <summary>Axis numbers for people: vi-VN (decimal comma), as the tables print them.</summary>
internal static class ChartFormat
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Axis(double value) => value.ToString("0.##", Vietnamese);
}
