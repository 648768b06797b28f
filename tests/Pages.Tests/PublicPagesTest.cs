using System.Net;
using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ParServerless.Pages.Tests.Support;
using ParServerless.Samples;

namespace ParServerless.Pages.Tests;

/// <summary>The public pages as a citizen uses them, in headless Chromium.</summary>
[Collection(SiteGroup.Name)]
public sealed class PublicPagesTest(Site site)
{
    public static TheoryData<string> Pages => new()
    {
        "/nam", "/nam/2021", Site.UnitPath, "/nam/1999", "/co-quan/2021",
        "/en/years", Site.EnglishUnpublishedYearPath, Site.EnglishUnitPath, Site.EnglishMissingYearPath,
    };

    [Fact]
    public async Task Citizen_FindsAUnit_OpensItsPage_AndDownloadsTheDecisionPdf()
    {
        var unit = HueSample.Units[0];
        var page = await site.NewPageAsync();
        await page.GotoAsync("/nam");
        await page.GetByRole(AriaRole.Link, new() { Name = "Năm 2021" }).ClickAsync();
        Assert.Equal("vi", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Chỉ số cải cách hành chính năm 2021", await page.TitleAsync());

        // The search (the page's script) narrows the group's table to the unit, typed without diacritics.
        var group = HueSample.Scheme.Groups.Single(g => g.Code == unit.GroupCode);
        var search = page.GetByLabel("Tìm đơn vị trong khối").Nth(HueSample.Scheme.Groups.ToList().IndexOf(group));
        await search.FillAsync(Strip(unit.Name));
        var rows = page.Locator($"#bang-{group.Code} tbody tr:visible");
        Assert.Equal(1, await rows.CountAsync());
        await rows.GetByRole(AriaRole.Link).ClickAsync();

        await page.WaitForURLAsync("**" + Site.UnitPath);
        Assert.Equal(unit.Name, await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Điểm bị trừ theo tiêu chí", await page.ContentAsync(), StringComparison.Ordinal);

        var href = await page.GetByRole(AriaRole.Link, new() { Name = "Quyết định công bố (PDF)" }).GetAttributeAsync("href");
        var pdf = await page.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, pdf.Status);
        Assert.StartsWith("application/pdf", pdf.Headers["content-type"], StringComparison.Ordinal);
        Assert.Equal("%PDF", Encoding.ASCII.GetString((await pdf.BodyAsync())[..4]));
    }

    [Fact]
    public async Task UnpublishedYear_AnswersExactlyAsAYearThatDoesNotExist()
    {
        var before = site.BeforePublication;
        Assert.Equal(HttpStatusCode.NotFound, before[Site.UnpublishedYearPath].Status);
        Assert.Equal(HttpStatusCode.NotFound, before[Site.UnitPath].Status);
        Assert.Equal(before[Site.MissingYearPath], before[Site.UnpublishedYearPath]);
        Assert.Equal(before[Site.MissingYearPath], before[Site.UnitPath]);
        Assert.DoesNotContain("2021", before["/nam"].Body, StringComparison.Ordinal);
        Assert.DoesNotContain(HueSample.Units[0].Name, before[Site.UnitPath].Body, StringComparison.Ordinal);
        // The English pages and the chart image keep the embargo the same way.
        Assert.Equal(HttpStatusCode.NotFound, before[Site.EnglishUnpublishedYearPath].Status);
        Assert.Equal(before[Site.EnglishMissingYearPath], before[Site.EnglishUnpublishedYearPath]);
        Assert.Equal(before[Site.EnglishMissingYearPath], before[Site.EnglishUnitPath]);
        Assert.Equal(HttpStatusCode.NotFound, before[Site.ChartPath].Status);
        Assert.Equal(before[Site.MissingChartPath], before[Site.ChartPath]);
        Assert.Equal(before[Site.MissingYearPath], before[Site.ChartPath]);

        // After publication the same page opens, and the missing year still answers the not-found page.
        var page = await site.NewPageAsync();
        Assert.Equal(200, (await page.GotoAsync(Site.UnpublishedYearPath))!.Status);
        Assert.Equal(404, (await page.GotoAsync(Site.MissingYearPath))!.Status);
        Assert.Equal("Không tìm thấy trang", await page.Locator("h1").InnerTextAsync());
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryPage_HasNoAxeViolations_AndStaysUnder100KB(string path)
    {
        foreach (var width in new[] { 1280, 390 })
        {
            var page = await site.NewPageAsync(width);
            var response = await page.GotoAsync(path);
            Assert.True((await response!.BodyAsync()).Length < 100 * 1024, $"{path} is over 100 KB");
            // Kept beside the test output for docs/images (docs/PAGES.md says how to refresh them).
            var shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
            var name = path == Site.UnitPath ? "don-vi" : path == Site.EnglishUnitPath ? "en-unit" : path.Trim('/').Replace('/', '-');
            var png = await page.ScreenshotAsync(new() { FullPage = true, Path = Path.Combine(shots.FullName, $"trang-{name}-{width}.png") });
            Assert.True(png.Length > 1000);
            var results = await page.RunAxe();
            Assert.True(results.Violations.Length == 0,
                $"{path} at {width} px: " + string.Join("; ", results.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Keyboard_TabReachesEveryLinkAndControl_WithVisibleFocus(string path)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(path);
        await Keyboard.TabReachesEveryControlAsync(page);
    }

    private static string Strip(string text) =>
        new string(text.Normalize(NormalizationForm.FormD).Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray())
            .Replace('đ', 'd').Replace('Đ', 'D');
}
