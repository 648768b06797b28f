using System.Text;

namespace ParServerless.Pipeline.Ingestion;

/// <summary>
/// The one rule for names an upload path is made of (tên tệp, mã đơn vị trong đường dẫn): the API refuses a bad name, the
/// dry run answers the same, and ingestion rejects a direct blob whose path breaks it (never "pending" forever). A name that
/// passes has nothing <c>KeyText</c> must escape, so every storage key derived from it stays within the service's limits.
/// </summary>
public static class UploadNames
{
    /// <summary>Longest file name, in UTF-16 units: with the year, unit, hash prefix and container, keys stay far below 1 KiB.</summary>
    public const int MaxFileNameLength = 120;

    /// <summary>Longest unit segment of a path, in UTF-16 units.</summary>
    public const int MaxSegmentLength = 64;

    /// <summary>Characters Windows, URLs or our keys give a meaning to: refused rather than escaped.</summary>
    private const string Reserved = "\\/:*?\"<>|#%";

    /// <summary>The form a name is stored in: NFC, so the same name typed on two systems is one name.</summary>
    /// <remarks>
    /// A name with an unpaired surrogate cannot be normalised: it is returned as is, and <see cref="Problem"/> refuses it.</remarks>
    public static string Normalise(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            return name.IsNormalized(NormalizationForm.FormC) ? name : name.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return name;
        }
    }

    /// <returns>Null when the name is acceptable, else why not (Vietnamese, English).</returns>
    public static (string Vi, string En)? Problem(string name, int maxLength = MaxFileNameLength)
    {
        if (name.Length == 0) return ("tên trống", "the name is empty");
        if (name.Length > maxLength) return ($"dài quá {maxLength} ký tự", $"longer than {maxLength} characters");
        if (name != name.Trim() || name.EndsWith('.')) return ("có dấu cách hoặc dấu chấm ở đầu/cuối", "it starts or ends with a space or ends with a dot");
        if (name is "." or ".." || name.Contains("..", StringComparison.Ordinal)) return ("chứa '..'", "it contains '..'");
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsControl(c)) return ("chứa ký tự điều khiển", "it contains a control character");
            if (Reserved.Contains(c, StringComparison.Ordinal)) return ($"chứa ký tự dành riêng '{c}'", $"it contains the reserved character '{c}'");
            if (IsBidiOrInvisible(c)) return ("chứa ký tự điều khiển hướng chữ hoặc ký tự ẩn", "it contains a bidirectional override or an invisible character");
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' or '\uFFFD') return ("chứa ký tự không hợp lệ", "it contains an invalid character");
        }
        return null;
    }

    private static bool IsBidiOrInvisible(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')
        or '\u200E' or '\u200F' or '\u061C' or (>= '\u200B' and <= '\u200D') or '\u2060' or '\uFEFF' or (>= '\u2028' and <= '\u2029');
}
