using System.Globalization;
using System.Text;

namespace ParServerless.Pipeline.Publication;

/// <summary>
/// What a PDF's digital signature declares about itself (chữ ký số): the signer's name and the signing time written in its
/// signature dictionary. Nothing is verified: the certificate chain is not checked (out of scope), so this is shown as
/// "declared", never as proof.
/// </summary>
/// <param name="HasSignature">A signature dictionary (<c>/Type /Sig</c> with a <c>/ByteRange</c>) was found.</param>
public sealed record PdfSignatureInfo(bool HasSignature, string? DeclaredSigner, DateTimeOffset? DeclaredSigningTime)
{
    /// <summary>How far past <c>/Type /Sig</c> the dictionary's entries are looked for; bounds the work on any input.</summary>
    private const int DictionaryWindow = 8192;

    public static PdfSignatureInfo None { get; } = new(false, null, null);

    /// <summary>Reads the first signature dictionary of the file, if any. Linear in the file's size, allocation bounded.</summary>
    public static PdfSignatureInfo Read(ReadOnlySpan<byte> pdf)
    {
        var at = IndexOfSig(pdf);
        if (at < 0) return None;
        // A signature dictionary's entries may come before /Type too: look a window either side.
        var start = Math.Max(0, at - DictionaryWindow);
        var window = pdf.Slice(start, Math.Min(pdf.Length - start, 2 * DictionaryWindow));
        if (window.IndexOf("/ByteRange"u8) < 0) return None;
        var name = StringAfter(window, "/Name"u8);
        var time = StringAfter(window, "/M"u8) is { } m ? ParseDate(m) : null;
        return new PdfSignatureInfo(true, name is null ? null : ParServerless.Scoring.Text.Nfc(name), time);
    }

    private static int IndexOfSig(ReadOnlySpan<byte> pdf)
    {
        foreach (var pattern in new[] { "/Type /Sig"u8.ToArray(), "/Type/Sig"u8.ToArray() })
        {
            var i = pdf.IndexOf(pattern);
            if (i >= 0) return i;
        }
        return -1;
    }

    /// <summary>The PDF string (literal or hex) that follows a key, e.g. <c>/Name (Nguyễn Văn A)</c>.</summary>
    private static string? StringAfter(ReadOnlySpan<byte> window, ReadOnlySpan<byte> key)
    {
        var from = 0;
        while (from < window.Length)
        {
            var i = window[from..].IndexOf(key);
            if (i < 0) return null;
            i += from + key.Length;
            from = i;
            if (i < window.Length && (char.IsLetterOrDigit((char)window[i]))) continue; // /ModDate is not /M
            while (i < window.Length && window[i] is (byte)' ' or (byte)'\r' or (byte)'\n') i++;
            if (i >= window.Length) return null;
            if (window[i] == '(') return Literal(window[(i + 1)..]);
            if (window[i] == '<' && i + 1 < window.Length && window[i + 1] != '<') return Hex(window[(i + 1)..]);
        }
        return null;
    }

    private static string Literal(ReadOnlySpan<byte> s)
    {
        var bytes = new List<byte>();
        var depth = 0;
        for (var i = 0; i < s.Length && bytes.Count < 1024; i++)
        {
            var b = s[i];
            if (b == '\\' && i + 1 < s.Length) { bytes.Add(s[++i] switch { (byte)'n' => (byte)'\n', (byte)'r' => (byte)'\r', (byte)'t' => (byte)'\t', var c => c }); continue; }
            if (b == '(') depth++;
            if (b == ')' && depth-- == 0) break;
            bytes.Add(b);
        }
        return Decode([.. bytes]);
    }

    private static string Hex(ReadOnlySpan<byte> s)
    {
        var end = s.IndexOf((byte)'>');
        var hex = Encoding.ASCII.GetString(s[..(end < 0 ? Math.Min(s.Length, 2048) : Math.Min(end, 2048))]).Replace(" ", "", StringComparison.Ordinal);
        if (hex.Length % 2 == 1) hex += "0";
        try { return Decode(Convert.FromHexString(hex)); }
        catch (FormatException) { return ""; }
    }

    /// <summary>UTF-16BE with a byte order mark (how signing tools write Vietnamese names), UTF-8 with one, else Latin-1.</summary>
    private static string Decode(byte[] bytes) =>
        bytes is [0xFE, 0xFF, ..] ? Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2)
        : bytes is [0xEF, 0xBB, 0xBF, ..] ? Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)
        : Encoding.Latin1.GetString(bytes);

    /// <summary>A PDF date, <c>D:YYYYMMDDHHmmSS+07'00'</c> (later parts optional).</summary>
    internal static DateTimeOffset? ParseDate(string text)
    {
        var s = text.StartsWith("D:", StringComparison.Ordinal) ? text[2..] : text;
        if (s.Length < 14 || !long.TryParse(s[..14], NumberStyles.None, CultureInfo.InvariantCulture, out _)) return null;
        var offset = TimeSpan.Zero;
        if (s.Length >= 17 && s[14] is '+' or '-' && int.TryParse(s.AsSpan(15, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours))
        {
            var minutes = s.Length >= 20 && int.TryParse(s.AsSpan(18, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
            offset = new TimeSpan(hours, minutes, 0) * (s[14] == '-' ? -1 : 1);
        }
        return DateTime.TryParseExact(s[..14], "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            && offset.Duration() <= TimeSpan.FromHours(14)
            ? new DateTimeOffset(local, offset) : null;
    }
}
