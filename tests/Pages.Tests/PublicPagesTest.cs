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
    public static TheoryData<string> Pages => new() { "/nam", "/nam/2021", Site.UnitPath, "/nam/1999", "/co-quan/2021" };

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
            var name = path == Site.UnitPath ? "don-vi" : path.Trim('/').Replace('/', '-');
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
        var focusable = await page.EvaluateAsync<string[]>(
            "() => Array.from(document.querySelectorAll('a[href],button,input,select,textarea')).filter(e => !e.closest('[hidden]')).map(e => e.outerHTML)");
        var reached = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < focusable.Length + 3; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<string[]?>(
                "() => { const e = document.activeElement; if (!e || e === document.body) return null; const s = getComputedStyle(e);" +
                " return [e.outerHTML, s.outlineStyle, s.outlineWidth]; }");
            if (focus is null) continue;
            reached.Add(focus[0]);
            Assert.True(focus[1] != "none" && focus[2] != "0px", $"No visible focus on {focus[0]}");
        }
        Assert.DoesNotContain(focusable, f => !reached.Contains(f));
    }

    private static string Strip(string text) =>
        new string(text.Normalize(NormalizationForm.FormD).Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray())
            .Replace('đ', 'd').Replace('Đ', 'D');
}
