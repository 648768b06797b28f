using System.Diagnostics;
using SkiaSharp;

namespace ParServerless.Documents.Tests.Support;

/// <summary>Renders PDF pages to PNG with poppler's pdftoppm (Debian poppler-utils; test.sh installs it).</summary>
internal static class Poppler
{
    /// <summary>Renders every page at <paramref name="dpi"/> into <paramref name="directory"/>; fails (never skips) without pdftoppm.</summary>
    public static string[] ToPng(byte[] pdf, string directory, int dpi = 50)
    {
        Directory.CreateDirectory(directory);
        var input = Path.Combine(directory, "document.pdf");
        File.WriteAllBytes(input, pdf);
        var start = new ProcessStartInfo("pdftoppm", ["-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-png", input, Path.Combine(directory, "page")])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("pdftoppm did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("pdftoppm is missing: install Debian poppler-utils (test.sh does it)", e);
        }
        using (process)
        {
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"pdftoppm failed ({process.ExitCode}): {errors}");
        }
        return Directory.GetFiles(directory, "page-*.png").Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Share of pixels that are clearly not white (ink).</summary>
    public static double InkShare(string png)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException($"{png} is not a PNG");
        long ink = 0;
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 600) ink++;
            }
        return (double)ink / (bitmap.Width * (long)bitmap.Height);
    }
}
