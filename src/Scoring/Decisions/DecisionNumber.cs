using System.Globalization;

namespace ParServerless.Scoring.Decisions;

/// <summary>Document numbers as Nghị định 30/2020 writes them.</summary>
public static class DecisionNumber
{
    /// <summary>"5" → "05": Nghị định 30 (Phụ lục I) writes numbers below 10 with a leading zero; other text is kept as given.</summary>
    public static string Format(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var trimmed = number.Trim();
        return int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 10
            ? n.ToString("00", CultureInfo.InvariantCulture)
            : trimmed;
    }

    /// <summary>True for a positive whole number, the only kind of số a văn thư assigns.</summary>
    public static bool IsWellFormed(string? number) =>
        number is not null && int.TryParse(number.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0;
}
