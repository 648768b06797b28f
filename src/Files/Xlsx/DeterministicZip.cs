using System.IO.Compression;

namespace ParServerless.Files.Xlsx;

/// <summary>Rewrites a package so that the same content always gives the same bytes.</summary>
/// <remarks>
/// System.IO.Packaging stamps every entry with the current time, so two writes of the same workbook differ. Entries are copied in
/// their written order with one fixed timestamp; the content and its compression are unchanged, so any reader sees the same package.
/// </remarks>
internal static class DeterministicZip
{
    /// <summary>The timestamp of every entry: a fixed date, later than the DOS epoch that some zip tools reject.</summary>
    internal static readonly DateTimeOffset Timestamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Normalise(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = Timestamp;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
