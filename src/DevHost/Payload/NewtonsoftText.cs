using System.Globalization;
using System.Text;

namespace ParServerless.DevHost.Payload;

/// <summary>
/// Text exactly as Newtonsoft.Json (the host's serialiser) writes it, for the values the host encodes twice:
/// the handler then sees the same characters it would see behind the real host.
/// </summary>
internal static class NewtonsoftText
{
    /// <summary>Newtonsoft's round-trip date format: trailing zero fractions dropped, <c>Z</c> for UTC, <c>+hh:mm</c> for offsets.</summary>
    public const string DateFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK";

    /// <summary><c>JsonConvert.SerializeObject(string)</c> with default settings: quotes, and escapes only what JSON needs plus U+0085/U+2028/U+2029.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\t': builder.Append("\\t"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\f': builder.Append("\\f"); break;
                case '\b': builder.Append("\\b"); break;
                case < ' ' or '\u0085' or '\u2028' or '\u2029':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }

    public static string Date(DateTime value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);
}
