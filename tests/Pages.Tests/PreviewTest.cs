using System.Buffers.Binary;
using System.Globalization;
using Microsoft.Playwright;
using ParServerless.Pages.Tests.Support;
using ParServerless.Samples;
using SkiaSharp;

namespace ParServerless.Pages.Tests;

/// <summary>Link previews (Open Graph: title, description, the group's chart as a PNG) and the change-from-last-year column.</summary>
[Collection(SiteGroup.Name)]
public sealed class PreviewTest(Site site)
{
    [Fact]
    public async Task YearPage_PreviewNamesTitleDescriptionAndTheFirstGroupsChart_WhichIsAPng1200x630InTheBandColours()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/nam/2021");
        var group = HueSample.Scheme.Groups[0];
        Assert.Equal(await page.TitleAsync(), await Meta(page, "og:title"));
        Assert.Contains("2021", await Meta(page, "og:description"), StringComparison.Ordinal);
        Assert.Equal(new Uri(site.BaseAddress, "/nam/2021").ToString(), await Meta(page, "og:url"));
        var image = await Meta(page, "og:image");
        Assert.Equal(new Uri(site.BaseAddress, "/nam/2021/bieu-do/" + group.Code).ToString(), image);

        var response = await page.Context.APIRequest.GetAsync(image);
        Assert.Equal(200, response.Status);
        Assert.Equal("image/png", response.Headers["content-type"]);
        Assert.Contains("public", response.Headers["cache-control"], StringComparison.Ordinal);
        var png = await response.BodyAsync();
        var shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(shots, $"og-khoi-{group.Code}.png"), png);
        Assert.Equal((1200, 630), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));

        // One bar per unit, coloured by its band: every band of the group's units shows, and no other band.
        using var bitmap = SKBitmap.Decode(png);
        var colours = new HashSet<SKColor>();
        for (var y = 0; y < bitmap.Height; y += 2)
            for (var x = 0; x < bitmap.Width; x += 2) colours.Add(bitmap.GetPixel(x, y));
        var bands = HueSample.Scheme.BandsFor(group.Code).Bands;
        var present = HueSample.Published.Where(p => p.GroupCode == group.Code).Select(p => p.Band).ToHashSet();
        foreach (var band in bands)
            Assert.True(colours.Contains(SKColor.Parse(band.Color)) == present.Contains(band.Name), $"band {band.Name} ({band.Color})");
    }

    [Fact]
    public async Task UnitPage_PreviewShowsItsOwnGroupsChart_AndTheEnglishChartIsAnotherImage()
    {
        var unit = HueSample.Units[^1];
        var page = await site.NewPageAsync();
        await page.GotoAsync("/nam/2021/don-vi/" + unit.Code);
        Assert.Equal(unit.Name + ": Chỉ số cải cách hành chính năm 2021", await Meta(page, "og:title"));
        Assert.Contains("hạng", await Meta(page, "og:description"), StringComparison.Ordinal);
        var image = await Meta(page, "og:image");
        Assert.EndsWith("/nam/2021/bieu-do/" + unit.GroupCode, image, StringComparison.Ordinal);

        var vi = await page.Context.APIRequest.GetAsync(image);
        var en = await page.Context.APIRequest.GetAsync("/en/years/2021/charts/" + unit.GroupCode);
        Assert.Equal((200, 200), (vi.Status, en.Status));
        Assert.NotEqual(await vi.BodyAsync(), await en.BodyAsync());
        var shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(shots, $"og-en-{unit.GroupCode}.png"), await en.BodyAsync());
        Assert.Equal(404, (await page.Context.APIRequest.GetAsync("/nam/2021/bieu-do/KHONG-CO")).Status);
    }

    [Fact]
    public async Task ResultsTable_ShowsTheChangeFromLastYear_SignedWithAWord_AndTheRankMovement()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/nam/2021");
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        foreach (var group in HueSample.Scheme.Groups)
        {
            var table = page.Locator($"#bang-{group.Code}");
            Assert.Equal("So với năm 2020", await table.Locator("thead th").Nth(4).InnerTextAsync());
            foreach (var published in HueSample.Published.Where(p => p.GroupCode == group.Code).Take(8))
            {
                var before = PreviousYear.Rows.Single(r => r.UnitCode == published.UnitCode);
                var change = decimal.Round(published.Score - before.Total, 3, MidpointRounding.AwayFromZero);
                var text = (change > 0 ? "+" : change < 0 ? "−" : "") + Math.Abs(change).ToString("N3", vi);
                var word = change > 0 ? "(tăng)" : change < 0 ? "(giảm)" : "(không đổi)";
                var cell = await table.Locator($"tr[data-name=\"{published.UnitName}\"] td").Nth(3).InnerTextAsync();
                Assert.StartsWith(text, cell, StringComparison.Ordinal);
                Assert.Contains(word, cell, StringComparison.Ordinal);
                var moved = before.Rank!.Value - published.Rank!.Value;
                if (moved != 0) Assert.Contains((moved > 0 ? "lên " : "xuống ") + Math.Abs(moved) + " bậc", cell, StringComparison.Ordinal);
                else Assert.DoesNotContain("bậc", cell, StringComparison.Ordinal);
            }
        }
    }

    private static async Task<string> Meta(IPage page, string property) =>
        await page.Locator($"meta[property=\"{property}\"]").GetAttributeAsync("content") ?? throw new Xunit.Sdk.XunitException($"no {property}");
}
