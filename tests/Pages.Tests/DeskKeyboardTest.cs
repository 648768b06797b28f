using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ParServerless.Files;
using ParServerless.Pages.Tests.Support;
using ParServerless.Samples;

namespace ParServerless.Pages.Tests;

/// <summary>The upload desk by keyboard alone, with a slow line (upload progress), and after a deadline.</summary>
[Collection(OpenSiteGroup.Name)]
public sealed class DeskKeyboardTest(OpenSite site)
{
    [Fact]
    public async Task Keyboard_SignsIn_ReachesEveryControl_AndCompletesAndSubmitsTheUploadForm()
    {
        var unit = HueSample.Units.First(u => u.Code != "SO-TP" && u.Code != "SO-NV");
        var key = await site.UnitKeyAsync(unit.Code);
        var page = await site.NewPageAsync();
        await page.GotoAsync("/co-quan/2021");

        await Keyboard.TabToAsync(page, "#don-vi");
        await page.Keyboard.TypeAsync(unit.Code);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(key);
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Nộp hồ sơ năm 2021: đơn vị {unit.Code}" }).WaitForAsync();

        var response = await page.ReloadAsync();
        Assert.True((await response!.BodyAsync()).Length < 100 * 1024, "the signed-in desk is over 100 KB");
        await Keyboard.TabReachesEveryControlAsync(page);

        // The form, by keys only: the kind (a select), the file (its chooser opens on Space), then "Kiểm tra thử" with Enter.
        var file = Path.Combine(Path.GetTempPath(), $"ban-phim-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, TemplateWriter.Write(HueSample.Scheme, 2021, unit, FileKind.SelfAssessment));
        await page.ReloadAsync();
        await Keyboard.TabToAsync(page, "#loai");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("explanation", await page.Locator("#loai").InputValueAsync());
        await page.Keyboard.PressAsync("ArrowUp");
        Assert.Equal("self-assessment", await page.Locator("#loai").InputValueAsync());
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("tep", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Space"));
        await chooser.SetFilesAsync(file);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Kiểm tra thử", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");

        // The report takes the focus, so the keyboard user lands on it.
        Assert.Contains("tệp hợp lệ", await page.Locator("#ket-qua").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.hasAttribute('data-focus')"));
        await Keyboard.TabReachesEveryControlAsync(page);
    }

    [Fact]
    public async Task LargeFile_OnASlowLine_ShowsUploadProgress_ThenTheReport()
    {
        var unit = HueSample.Units.First(u => u.Code == "SO-TP");
        var page = await SignedInAsync(unit.Code);
        // 1.5 MB of rows no reader accepts, sent at 256 KB/s: the progress is visible for seconds, then the coded report shows.
        var file = Path.Combine(Path.GetTempPath(), $"lon-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, string.Concat(Enumerable.Repeat("khong,phai,mau,nao,ca,0123456789abcdef0123456789abcdef\n", 1_500_000 / 52)));
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 20, ["downloadThroughput"] = -1, ["uploadThroughput"] = 256 * 1024,
        });
        await page.GetByLabel("Tệp (XLSX, CSV hoặc JSON)").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra thử" }).ClickAsync();

        var progress = page.Locator("#tien-do");
        await Microsoft.Playwright.Assertions.Expect(progress).ToBeVisibleAsync();
        await Microsoft.Playwright.Assertions.Expect(progress.Locator("[role=status]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Đang gửi tệp: ([1-9]|[1-9][0-9])%$"));
        var value = await progress.Locator("progress").EvaluateAsync<double>("p => p.value");
        Assert.InRange(value, 1, 99);
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Gửi chính thức" }).IsDisabledAsync(), "the buttons wait while the file travels");

        var report = page.Locator("section[aria-labelledby=ket-qua]");
        await report.WaitForAsync(new() { Timeout = 60_000 });
        var text = await report.InnerTextAsync();
        Assert.Contains("tệp bị từ chối", text, StringComparison.Ordinal);
        Assert.Contains("PAR-", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PassedDeadline_IsSaidPlainlyAtTheTop_AndOnTheKindToChoose()
    {
        // The explanation round closed on 1 December 2021, 17:00 Vietnam time; self-assessment stays open for the other tests.
        await site.Pipeline.SendAdminAsync(HttpMethod.Put, "/api/admin/years/2021/rounds/explanation", System.Net.Http.Json.JsonContent.Create(new
        {
            opens = new DateTimeOffset(2021, 11, 1, 8, 0, 0, TimeSpan.FromHours(7)),
            deadline = new DateTimeOffset(2021, 12, 1, 17, 0, 0, TimeSpan.FromHours(7)),
        }));
        var page = await SignedInAsync(HueSample.Units[2].Code);
        var alert = page.Locator("section.alert[role=alert]");
        Assert.Equal("Một đợt nộp đã hết hạn", await alert.Locator("h2").InnerTextAsync());
        var text = await alert.InnerTextAsync();
        Assert.Contains("Hạn nộp hồ sơ giải trình là 17:00 ngày 01/12/2021 (giờ Việt Nam): đã qua.", text, StringComparison.Ordinal);
        Assert.Contains("sẽ bị từ chối", text, StringComparison.Ordinal);
        Assert.Contains("liên hệ Sở Nội vụ", text, StringComparison.Ordinal);
        Assert.Equal("Giải trình (đã hết hạn)", await page.Locator("#loai option[value=explanation]").InnerTextAsync());
        Assert.Equal("Tự đánh giá", await page.Locator("#loai option[value=self-assessment]").InnerTextAsync());
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => v.Id + ": " + v.Help)));
        var shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { FullPage = true, Path = Path.Combine(shots, $"trang-co-quan-het-han-{width}.png") });
        }
    }

    private async Task<IPage> SignedInAsync(string unit)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/co-quan/2021");
        await page.GetByLabel("Mã đơn vị").FillAsync(unit);
        await page.GetByLabel("Khóa của đơn vị").FillAsync(await site.UnitKeyAsync(unit));
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Nộp hồ sơ năm 2021: đơn vị {unit}" }).WaitForAsync();
        return page;
    }
}
