using System.Globalization;

namespace ParServerless.Scoring.Formatting;

/// <summary>
/// The one machine value of a figure (giá trị chuẩn dùng cho máy đọc): what the API, the open data (CSV, JSON, XLSX),
/// decision.json and the working sheets' JSON all carry for the same figure, character for character.
/// </summary>
/// <remarks>
/// <para>Rule: the unrounded decimal of the computation, rounded half away from zero to <see cref="Places"/> (10) decimal
/// places, written in invariant culture with trailing zeros removed and an ASCII minus (<c>-2.5</c>, never <c>−2.5</c>).</para>
/// <para>Why 10 places and not the exact decimal: a repeating quotient such as an area index of 35/36 × 100 has 28 significant
/// digits as a <see cref="decimal"/> (97.27777777777777777777777778), and every reader that holds numbers as binary doubles
/// (JavaScript, Excel, most JSON libraries) keeps only 15–17 of them, so the "same" value came out three ways. A figure of at
/// most 100 with 10 places has at most 13 significant digits, which a double holds and prints back exactly: every surface and
/// every reader then shows one value. Ranks and bands are still decided on the full decimal in memory; two indices that agree to
/// 10 places but differ after them cannot arise from marks with at most 4 decimals and maxima of a few points.</para>
/// <para>People read figures rounded by the scheme (<see cref="ScoreFormat"/>); this is never shown to them.</para>
/// </remarks>
public static class CanonicalNumber
{
    /// <summary>Decimal places of a machine value. <value>10.</value></summary>
    public const int Places = 10;

    /// <summary>The machine value: rounded half away from zero to <see cref="Places"/> places, trailing zeros removed.</summary>
    public static decimal Of(decimal value)
    {
        var rounded = decimal.Round(value, Places, MidpointRounding.AwayFromZero);
        // Dividing by 1 with a scale of 0 does not drop zeros; parsing the trimmed text does, and gives one scale per value.
        return decimal.Parse(Text(rounded), NumberStyles.Number, CultureInfo.InvariantCulture);
    }

    public static decimal? Of(decimal? value) => value is { } v ? Of(v) : null;

    /// <summary>The machine value as invariant text: <c>97.2777777778</c>, <c>85.5</c>, <c>-2</c>, <c>0</c>.</summary>
    public static string Text(decimal value)
    {
        var text = decimal.Round(value, Places, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);
        if (text.Contains('.', StringComparison.Ordinal)) text = text.TrimEnd('0').TrimEnd('.');
        return text == "-0" ? "0" : text;
    }

    /// <summary>A signed whole-number change for machines (rank change): <c>-2</c>, <c>3</c>, <c>0</c>, ASCII minus.</summary>
    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
