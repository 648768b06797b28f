namespace ParServerless.Files.Containers;

/// <summary>Tells a file's format from its first bytes, never trusting the extension alone.</summary>
internal static class Sniffer
{
    /// <summary>OLE compound file: old .xls, or any password-protected Office file (Office encrypts into an OLE container).</summary>
    private static ReadOnlySpan<byte> Ole => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static bool IsOle(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Ole);

    public static FileFormat Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] is 3 or 5 && bytes[3] is 4 or 6)
            return FileFormat.Xlsx;
        var text = bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
        foreach (var b in text)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return b is (byte)'{' or (byte)'[' || IsCommentStart(text, b) ? FileFormat.Json : FileFormat.Csv;
        }
        return FileFormat.Csv;
    }

    /// <summary>A file starting with "//" or "/*" is JSON with a comment (which the JSON reader names), never a CSV header.</summary>
    private static bool IsCommentStart(ReadOnlySpan<byte> text, byte first)
    {
        if (first != '/') return false;
        var at = text.IndexOf((byte)'/');
        return at + 1 < text.Length && text[at + 1] is (byte)'/' or (byte)'*';
    }

    /// <summary>True when the first 4 KB are UTF-8 text without control characters other than tab and line breaks.</summary>
    public static bool LooksLikeText(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 4096)];
        foreach (var b in head)
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        // A cut in the middle of a multi-byte character at the 4 KB mark is still text.
        if (System.Text.Unicode.Utf8.IsValid(head)) return true;
        for (var trim = 1; trim <= 3 && trim < head.Length; trim++)
            if (System.Text.Unicode.Utf8.IsValid(head[..^trim])) return head.Length < bytes.Length;
        return false;
    }

    /// <summary>The format an extension names; .xlsm and .xls are recognised so they can be refused with their own code.</summary>
    public static string Extension(string fileName)
    {
        var ext = Path.GetExtension(fileName ?? "");
        return ext.ToLowerInvariant();
    }

    public static FileFormat FromExtension(string extension) => extension switch
    {
        ".xlsx" => FileFormat.Xlsx,
        ".csv" => FileFormat.Csv,
        ".json" => FileFormat.Json,
        _ => FileFormat.Invalid,
    };
}
