using System.Globalization;
using System.Text;

namespace ParServerless.Pipeline.Storage;

/// <summary>Key and value encodings for Table storage, where decimals are lost (azure-sdk-for-net#28208) and keys forbid <c>/ \ # ?</c>.</summary>
public static class KeyText
{
    /// <summary>Escapes a value for a PartitionKey/RowKey: <c>%</c>, <c>/</c>, <c>\</c>, <c>#</c>, <c>?</c> and control characters become <c>%XX</c>. Reversible and order-preserving enough for prefixes.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '%' or '/' or '\\' or '#' or '?' || char.IsControl(c))
                sb.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    public static string Unescape(string value) => Uri.UnescapeDataString(value);

    /// <summary>
    /// An escaped key part cut to <paramref name="maxChars"/>: a longer one keeps its start and ends with <c>~</c> and 16 hex
    /// digits of its SHA-256, so two long names stay two keys and every key fits the 1 KiB limit whatever the name.
    /// </summary>
    public static string Bounded(string escaped, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(escaped);
        if (escaped.Length <= maxChars) return escaped;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(escaped)))[..16];
        return string.Concat(escaped.AsSpan(0, maxChars - 17), "~", hash);
    }

    /// <summary>A decimal as an invariant string, unrounded, trailing zeros kept as given (the value, not a display form).</summary>
    public static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string? Invariant(decimal? value) => value is { } v ? Invariant(v) : null;

    public static decimal ParseDecimal(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    public static decimal? ParseDecimalOrNull(string? text) => text is null ? null : ParseDecimal(text);

    /// <summary>Ticks for a row key that sorts newest first.</summary>
    public static string InvertedTicks(DateTimeOffset time) =>
        (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
}
