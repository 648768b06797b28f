using System.Globalization;
using System.Text;
using ParServerless.Pipeline.Api.Contracts;
using ParServerless.Scoring.Formatting;
using ParServerless.Scoring.Schemes;
using SkiaSharp;

namespace ParServerless.Pipeline.Pages;

/// <summary>
/// A group's chart as a PNG of 1200 × 630 px, the pages' Open Graph image (ảnh xem trước khi chia sẻ liên kết). It follows
/// the Decision's chart rules: one horizontal bar per unit in rank order, coloured by band, on an axis from 0 to 100 with
/// ticks every 10; names in a column left of the frame, values right of it, so no label crosses the frame; the group
/// average as a dashed line; a legend of the bands. Readable for any group size: a row is never lower than
/// <see cref="MinPitch"/> (20 px; 21 units fit); a group with more units than fit shows the first ones in rank order and says how many more.
/// </summary>
/// <remarks>The Decision's own font (Tinos, embedded in the Documents assembly) is used, never a system font.</remarks>
internal static class ChartImage
{
    public const int Width = 1200;
    public const int Height = 630;
    private const float Margin = 40;
    private const float Top = 118;
    private const float Bottom = 86;
    private const float MinPitch = 20;
    private const float MaxPitch = 44;

    private static readonly Lazy<(SKTypeface Regular, SKTypeface Bold)> Faces = new(() => (Load("Regular"), Load("Bold")));

    public static byte[] Render(GroupResults group, Scheme scheme, int year, Lang l)
    {
        var format = ScoreFormat.For(scheme);
        var bands = scheme.BandsFor(group.Code).Bands;
        string Colour(string? band) => bands.FirstOrDefault(b => b.Name == band)?.Color ?? "#7f7f7f";

        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Skia could not create a raster surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        var (regular, bold) = Faces.Value;
        using var title = new SKFont(bold, 34);
        using var subtitle = new SKFont(regular, 22);
        using var name = new SKFont(regular, 17);
        using var value = new SKFont(bold, 17);
        using var small = new SKFont(regular, 16);
        using var ink = new SKPaint { Color = new SKColor(0xFF1A1A1A), IsAntialias = true };
        using var grey = new SKPaint { Color = new SKColor(0xFF555555), IsAntialias = true };

        using (var band = new SKPaint { Color = new SKColor(0xFF0B3D66) }) canvas.DrawRect(0, 0, Width, 8, band);
        canvas.DrawText(Fit(title, Nfc(group.Name), Width - 2 * Margin), Margin, 58, SKTextAlign.Left, title, ink);
        canvas.DrawText(Nfc(l.T($"Chỉ số cải cách hành chính năm {year}, theo thứ hạng", $"Public Administration Reform Index {year}, in rank order")), Margin, 92, SKTextAlign.Left, subtitle, grey);

        var units = group.Units;
        var room = Height - Top - Bottom;
        var fitting = Math.Max(1, (int)(room / MinPitch));
        var shown = units.Count <= fitting ? units.Count : fitting - 1;
        var pitch = Math.Min(MaxPitch, room / Math.Max(1, units.Count <= fitting ? units.Count : fitting));
        var labels = units.Take(shown).Select(u => (Name: Nfc((u.Rank is { } r ? l.Int(r) + ". " : "") + u.Name), Value: l.Number(format, u.Index.Value))).ToList();
        var nameWidth = Math.Min(labels.Select(x => name.MeasureText(x.Name)).DefaultIfEmpty(0).Max(), Width * 0.36f);
        var valueWidth = labels.Select(x => value.MeasureText(x.Value)).DefaultIfEmpty(40).Max() + 10;
        var left = Margin + nameWidth + 10;
        var right = Width - Margin - valueWidth;
        float X(decimal v) => left + (float)(Math.Clamp(v, 0, 100) / 100) * (right - left);
        var bottom = Top + Math.Max(1, units.Count <= fitting ? units.Count : fitting) * pitch;

        using var grid = new SKPaint { Color = new SKColor(0x22000000), StrokeWidth = 1, Style = SKPaintStyle.Stroke };
        for (var t = 0; t <= 100; t += 10)
        {
            canvas.DrawLine(X(t), Top, X(t), bottom, grid);
            canvas.DrawText(t.ToString(CultureInfo.InvariantCulture), X(t), bottom + 22, SKTextAlign.Center, small, grey);
        }
        for (var i = 0; i < shown; i++)
        {
            var u = units[i];
            var rowTop = Top + i * pitch;
            var barHeight = Math.Min(pitch * 0.66f, 26);
            using var fill = new SKPaint { Color = SKColor.Parse(Colour(u.Band)), IsAntialias = true };
            canvas.DrawRect(left, rowTop + (pitch - barHeight) / 2, X(u.Index.Value) - left, barHeight, fill);
            var baseline = rowTop + pitch / 2 + 6;
            canvas.DrawText(Fit(name, labels[i].Name, nameWidth), left - 10, baseline, SKTextAlign.Right, name, ink);
            canvas.DrawText(labels[i].Value, Width - Margin, baseline, SKTextAlign.Right, value, ink);
        }
        if (shown < units.Count)
            canvas.DrawText(Nfc(l.T($"… và {units.Count - shown} đơn vị khác (xem trang kết quả)", $"… and {units.Count - shown} more units (see the results page)")),
                left, Top + shown * pitch + pitch / 2 + 6, SKTextAlign.Left, name, grey);
        using var frame = new SKPaint { Color = new SKColor(0xFF808080), StrokeWidth = 1, Style = SKPaintStyle.Stroke };
        canvas.DrawRect(left, Top, right - left, bottom - Top, frame);

        if (units.Count > 0)
        {
            var average = units.Average(u => u.Index.Value);
            using var dash = new SKPaint { Color = new SKColor(0xCC000000), StrokeWidth = 2, Style = SKPaintStyle.Stroke, PathEffect = SKPathEffect.CreateDash([8, 5], 0) };
            canvas.DrawLine(X(average), Top, X(average), bottom, dash);
            var label = Nfc(l.T("Bình quân khối ", "Group average ") + l.Number(format, average));
            var w = small.MeasureText(label);
            canvas.DrawText(label, Math.Clamp(X(average) - w / 2, left, Width - Margin - w), Top - 8, SKTextAlign.Left, small, ink);
        }

        // Legend: the bands present, by colour and name (the page's table says the same in text).
        var x = left;
        var legendY = Height - 26f;
        foreach (var band in bands.Where(b => units.Any(u => u.Band == b.Name)))
        {
            using var swatch = new SKPaint { Color = SKColor.Parse(band.Color) };
            canvas.DrawRect(x, legendY - 14, 16, 16, swatch);
            var text = Nfc(band.Name);
            canvas.DrawText(text, x + 22, legendY, SKTextAlign.Left, small, ink);
            x += 22 + small.MeasureText(text) + 28;
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>The text, shortened with "…" until it fits the width.</summary>
    private static string Fit(SKFont font, string text, float width)
    {
        if (font.MeasureText(text) <= width) return text;
        while (text.Length > 1 && font.MeasureText(text + "…") > width) text = text[..^1].TrimEnd();
        return text + "…";
    }

    // Unshaped text needs precomposed letters: Tinos has every Vietnamese precomposed glyph.
    private static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);

    /// <summary>The Decision's font, from the Documents assembly (where the npm lock file's Tinos is embedded).</summary>
    private static SKTypeface Load(string face)
    {
        var resource = $"ParServerless.Documents.Fonts.Tinos-{face}.ttf";
        using var stream = typeof(Documents.Decision.DecisionDocument).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Font resource {resource} is missing from the Documents assembly.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"Font resource {resource} is not a font Skia can read.");
    }
}
