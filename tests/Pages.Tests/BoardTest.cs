using System.Net;
using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ParServerless.Files;
using ParServerless.Pages.Tests.Support;
using ParServerless.Samples;
using ParServerless.Testing;

namespace ParServerless.Pages.Tests;

/// <summary>Sở Nội vụ's board on the open 2021: sign in, see an agency's upload arrive, keyboard, axe, publish with a confirmation.</summary>
[Collection(OpenSiteGroup.Name)]
public sealed class BoardTest(OpenSite site)
{
    private const string Board = "/so-noi-vu/2021";

    private static readonly ParServerless.Scoring.Units.Unit Sender = HueSample.Units[^1];
    private static readonly ParServerless.Scoring.Units.Unit Mistaken = HueSample.Units[^2];

    [Fact]
    public async Task SoNoiVu_SignsIn_SeesTheBoardChangeAfterAnAgencyUpload_AndPublishingIsConfirmedAndAnsweredInTheApisWords()
    {
        // A window for the self-assessment round, so the board counts down (the desk still says it takes files).
        await site.Pipeline.SendAdminAsync(HttpMethod.Put, "/api/admin/years/2021/rounds/self-assessment", System.Net.Http.Json.JsonContent.Create(
            new { opens = DateTimeOffset.UtcNow.AddDays(-3), deadline = DateTimeOffset.UtcNow.AddDays(5).AddHours(3) }));
        var page = await SignedInAsync();
        var self = page.Locator("section[aria-labelledby=dot-self-assessment]");
        Assert.Contains("còn 5 ngày", await self.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(Sender.Code + " (", await self.Locator("p", new() { HasText = "Chưa nộp:" }).InnerTextAsync(), StringComparison.Ordinal);

        // The agencies upload: one its own file, one another unit's (PAR-E020).
        Assert.Equal(HttpStatusCode.Accepted, await UploadAsync(Sender.Code, TemplateWriter.Write(HueSample.Scheme, 2021, Sender, FileKind.SelfAssessment)));
        Assert.Equal(HttpStatusCode.Accepted, await UploadAsync(Mistaken.Code, TemplateWriter.Write(HueSample.Scheme, 2021, Sender, FileKind.SelfAssessment)));

        await Eventually.TrueAsync(async () =>
        {
            await page.GotoAsync(Board);
            var text = await self.InnerTextAsync();
            return text.Contains("Đã nộp: " + Sender.Code + " (", StringComparison.Ordinal) && text.Contains("PAR-E020", StringComparison.Ordinal);
        }, "the board to show both uploads once ingested");
        var rejected = await self.Locator("ul.rejected > li", new() { HasText = Mistaken.Code }).InnerTextAsync();
        Assert.Contains("PAR-E020", rejected, StringComparison.Ordinal);
        Assert.DoesNotContain(Sender.Code + " (", await self.Locator("p", new() { HasText = "Chưa nộp:" }).InnerTextAsync(), StringComparison.Ordinal);

        // The board with both uploads, as docs/images shows it (docs/PAGES.md says how to refresh the images).
        var shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            var results = await page.RunAxe();
            Assert.True(results.Violations.Length == 0,
                $"board at {width} px: " + string.Join("; ", results.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
            await page.ScreenshotAsync(new() { FullPage = true, Path = Path.Combine(shots, $"trang-so-noi-vu-{width}.png") });
        }
        await page.SetViewportSizeAsync(1280, 900);

        // Publishing: the browser asks for the confirmation first; then the answer is what publishing answers, word for word:
        // the API queues a job that ends refused (units not appraised); the board says so at once, without queuing a job bound to fail.
        await page.GetByRole(AriaRole.Button, new() { Name = "Công bố" }).ClickAsync();
        Assert.Equal(0, await page.Locator("#tra-loi").CountAsync());
        await page.GetByLabel("Tôi xác nhận công bố kết quả năm 2021", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Công bố" }).ClickAsync();
        var answer = await page.Locator("section[aria-labelledby=tra-loi]").InnerTextAsync();
        var (code, vi) = await site.PublishThroughApiAsync();
        Assert.Equal("PAR-A050", code); // the settings are complete (HueSample.Decision); the self-assessments are not appraised
        Assert.Contains(code + ": " + vi, answer, StringComparison.Ordinal);
        // The checklist said the same before anyone pressed the button.
        Assert.Contains(vi, await page.Locator("#cong-bo + p + ul").InnerTextAsync(), StringComparison.Ordinal);
        // The API's job, refused as units are not appraised, shows among the board's publication jobs, with its code.
        await page.GotoAsync(Board);
        var jobs = await page.Locator("#luot-cong-bo + ul").InnerTextAsync();
        Assert.Contains("không thực hiện được", jobs, StringComparison.Ordinal);
        Assert.Contains(code + ": " + vi, jobs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongKeyRefused_RightKeyInAnHttpOnlyStrictCookie_NeverInTheUrl()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(Board);
        await page.GetByLabel("Khóa quản trị").FillAsync("not-the-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        Assert.Contains("không đúng", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty((await page.RunAxe()).Violations);

        await page.GetByLabel("Khóa quản trị").FillAsync(SiteHost.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Bảng theo dõi năm 2021" }).WaitForAsync();
        Assert.DoesNotContain(SiteHost.AdminKey, page.Url, StringComparison.Ordinal);
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "par_so_noi_vu");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal(Board, cookie.Path);

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await page.GetByLabel("Khóa quản trị").WaitForAsync();
    }

    [Fact]
    public async Task Board_HasNoAxeViolations_At1280And390()
    {
        foreach (var width in new[] { 1280, 390 })
        {
            var page = await SignedInAsync(width);
            var results = await page.RunAxe();
            Assert.True(results.Violations.Length == 0,
                $"board at {width} px: " + string.Join("; ", results.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
        }
    }

    [Fact]
    public async Task Keyboard_TabReachesEveryLinkAndControlOfTheBoard_WithVisibleFocus()
    {
        var page = await SignedInAsync();
        await Keyboard.TabReachesEveryControlAsync(page);

        // The confirmation and the button are reached and worked by keys alone: Space checks, Enter submits.
        await page.GetByLabel("Tôi xác nhận công bố kết quả năm 2021", new() { Exact = false }).FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#tra-loi").WaitForAsync();
    }

    private async Task<IPage> SignedInAsync(int width = 1280)
    {
        var page = await site.NewPageAsync(width);
        await page.GotoAsync(Board);
        await page.GetByLabel("Khóa quản trị").FillAsync(SiteHost.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Bảng theo dõi năm 2021" }).WaitForAsync();
        return page;
    }

    private async Task<HttpStatusCode> UploadAsync(string unit, byte[] file)
    {
        var key = await site.UnitKeyAsync(unit);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/agency/2021/{unit}/uploads/self-assessment/tu-danh-gia-{unit}.xlsx")
        {
            Content = new ByteArrayContent(file),
        };
        request.Headers.Add("X-Par-Key", key);
        using var response = await site.Pipeline.Http.SendAsync(request);
        return response.StatusCode;
    }
}
