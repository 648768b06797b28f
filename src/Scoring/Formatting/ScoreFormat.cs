using System.Globalization;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Scoring.Formatting;

/// <summary>The one place where figures are rounded and written for people: vi-VN, decimal comma (97,685).</summary>
/// <remarks>Components are rounded separately, so a rounded total need not equal the sum of rounded parts (BNV 2023: 61,86 + 28,10 → 89,95).</remarks>
public sealed record ScoreFormat(int Decimals, RoundingMode Rounding)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static ScoreFormat For(Scheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return new(scheme.Settings.Decimals, scheme.Settings.Rounding);
    }

    /// <summary>The value as shown, by the scheme's rounding mode.</summary>
    public decimal Round(decimal value) => decimal.Round(value, Decimals,
        Rounding == RoundingMode.Truncate ? MidpointRounding.ToZero : MidpointRounding.AwayFromZero);

    /// <summary>Vietnamese text with exactly <see cref="Decimals"/> decimals: 97,685; 1.234,50.</summary>
    public string Format(decimal value) => Round(value).ToString("N" + Decimals.ToString(CultureInfo.InvariantCulture), Vietnamese);

    /// <summary>Signed change for comparisons: +1,25 / −0,50 / 0,00.</summary>
    public string FormatChange(decimal change)
    {
        var rounded = Round(change);
        var text = Format(Math.Abs(rounded));
        return rounded > 0 ? "+" + text : rounded < 0 ? "−" + text : text;
    }

    /// <summary>Machine text (invariant, dot) for open data: rounded the same way.</summary>
    public string FormatInvariant(decimal value) =>
        Round(value).ToString("F" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
