using System.Globalization;
using Microsoft.Playwright;
using ParServerless.Pages.Tests.Support;
using ParServerless.Samples;

namespace ParServerless.Pages.Tests;

/// <summary>The English version of the public pages: lang="en", English words and number format, links between the versions.</summary>
[Collection(SiteGroup.Name)]
public sealed class EnglishTest(Site site)
{
    [Fact]
    public async Task YearPage_InEnglish_FormatsNumbersTheEnglishWay_AndLinksToTheVietnameseVersionAndBack()
    {
        var published = HueSample.Published[0];
        var page = await site.NewPageAsync();
        await page.GotoAsync("/nam/2021");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.WaitForURLAsync("**/en/years/2021");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Public Administration Reform Index 2021", await page.TitleAsync());
        Assert.Equal("en_GB", await page.Locator("meta[property=\"og:locale\"]").GetAttributeAsync("content"));
        var row = page.Locator($"#bang-{published.GroupCode} tr[data-name=\"{published.UnitName}\"]");
        Assert.Equal(published.Score.ToString("N3", CultureInfo.GetCultureInfo("en-GB")), await row.Locator("td").Nth(1).InnerTextAsync());
        Assert.Equal("Change from 2020", await page.Locator($"#bang-{published.GroupCode} thead th").Nth(4).InnerTextAsync());

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync("**/en/years/2021/units/" + published.UnitCode);
        Assert.Equal(published.UnitName, await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Points lost by criterion", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(published.Score.ToString("N3", CultureInfo.GetCultureInfo("en-GB")), await page.Locator(".stats").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Tiếng Việt" }).ClickAsync();
        await page.WaitForURLAsync("**/nam/2021/don-vi/" + published.UnitCode);
        Assert.Equal("vi", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains(published.Score.ToString("N3", CultureInfo.GetCultureInfo("vi-VN")), await page.Locator(".stats").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task YearsPage_InEnglish_ListsThePublishedYearWithAnEnglishDate_AndAnUnknownYearIsPageNotFound()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/en/years");
        var item = await page.Locator("ul.years li").First.InnerTextAsync();
        Assert.StartsWith("Year 2021 (published on ", item, StringComparison.Ordinal);
        Assert.Equal(404, (await page.GotoAsync("/en/years/1999"))!.Status);
        Assert.Equal("Page not found", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
    }
}
