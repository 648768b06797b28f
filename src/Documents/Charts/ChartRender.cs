using ScottPlot;
using SkiaSharp;

namespace ParServerless.Documents.Charts;

/// <summary>Draws a ScottPlot plot onto a PDF page canvas exactly once.</summary>
internal static class ChartRender
{
    /// <summary>
    /// ScottPlot renders a second time within one call when the first pass changes its layout (axis panels sized to the
    /// tick labels). On a bitmap the second pass simply paints over the first; on a PDF page both passes stay, doubling
    /// every label. So the plot is first rendered into a discarded picture, which settles the layout, and then onto the page.
    /// </summary>
    public static void Once(Plot plot, SKCanvas canvas, SKSize size)
    {
        var width = (int)size.Width;
        var height = (int)size.Height;
        using (var recorder = new SKPictureRecorder())
        {
            var scratch = recorder.BeginRecording(new SKRect(0, 0, width, height));
            plot.Render(scratch, width, height);
            using var discarded = recorder.EndRecording();
        }
        plot.Render(canvas, width, height);
    }
}
