using System.Globalization;

namespace ParServerless.Files.Validation;

internal enum NumberParse
{
    Ok = 0,
    NotANumber,
    Ambiguous,
}

/// <summary>Reads marks typed as text: "87,55" and "87.55" alike, never thousands separators.</summary>
/// <remarks>
/// Vietnamese writes 97,685 for 97.685 and some outlets print a dot, so one separator is always the decimal one.
/// Marks never reach a thousand, so a text with both separators ("1.234,5") or two of one kind ("1.234.567") is refused as ambiguous
/// rather than guessed.
/// </remarks>
internal static class NumberText
{
    public static NumberParse Parse(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        var s = text.Trim();
        if (s.IsEmpty) return NumberParse.NotANumber;
        var negative = false;
        if (s[0] is '+' or '-' or '\u2212')
        {
            negative = s[0] != '+';
            s = s[1..].TrimStart();
        }
        int dots = 0, commas = 0, digits = 0, separatorAt = -1;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is >= '0' and <= '9') { digits++; continue; }
            if (c == '.') { dots++; separatorAt = i; continue; }
            if (c == ',') { commas++; separatorAt = i; continue; }
            return NumberParse.NotANumber;
        }
        if (digits == 0) return NumberParse.NotANumber;
        if ((dots > 0 && commas > 0) || dots > 1 || commas > 1) return NumberParse.Ambiguous;
        if (separatorAt == 0 || separatorAt == s.Length - 1 || digits > 20) return NumberParse.NotANumber;
        Span<char> buffer = stackalloc char[s.Length];
        s.CopyTo(buffer);
        if (separatorAt > 0) buffer[separatorAt] = '.';
        if (!decimal.TryParse(buffer, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
            return NumberParse.NotANumber;
        if (negative) value = -value;
        return NumberParse.Ok;
    }

    /// <summary>Reads an xlsx numeric value ("87.55", "1E-3", "87.549999999999997"), the way Excel shows it: 15 significant digits.</summary>
    public static bool TryParseStored(ReadOnlySpan<char> text, out decimal value)
    {
        text = text.Trim();
        var significant = 0;
        var exponent = false;
        foreach (var c in text)
        {
            if (c is 'e' or 'E') { exponent = true; break; }
            if (c is >= '0' and <= '9') significant++;
        }
        if (!exponent && significant <= 15)
            return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        // Beyond 15 digits Excel stored binary noise (87.55 → 87.549999999999997): read as the double it is, shown at 15 digits.
        // A value that underflows to 0 (1E-400) is not the 0 it would become: refused rather than read as a silent 0.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
            && Math.Abs(d) < 7.9e27 && (d != 0 || !HasNonZeroDigit(text)))
        {
            value = decimal.Parse(d.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
            return true;
        }
        value = 0;
        return false;
    }

    private static bool HasNonZeroDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is 'e' or 'E') return false;
            if (c is >= '1' and <= '9') return true;
        }
        return false;
    }
}
