using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ParServerless.Files;
using ParServerless.Pages.Tests.Support;
using ParServerless.Samples;

namespace ParServerless.Pages.Tests;

/// <summary>The agency's upload desk, year 2021 while still open: sign in, template, dry run, send, earlier uploads.</summary>
[Collection(OpenSiteGroup.Name)]
public sealed class DeskTest(OpenSite site)
{
    [Fact]
    public async Task Agency_SignsIn_DownloadsTheTemplate_ChecksAndSendsIt_AndSeesItAccepted_AndAWrongFileGetsCodedProblems()
    {
        var unit = HueSample.Units.First(u => u.Code == "SO-TP");
        var page = await site.NewPageAsync();
        await page.GotoAsync("/co-quan/2021");
        await page.GetByLabel("Mã đơn vị").FillAsync(unit.Code);
        await page.GetByLabel("Khóa của đơn vị").FillAsync("not-the-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        Assert.Contains("không đúng", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);

        var key = await site.UnitKeyAsync(unit.Code);
        await page.GetByLabel("Mã đơn vị").FillAsync(unit.Code);
        await page.GetByLabel("Khóa của đơn vị").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Nộp hồ sơ năm 2021: đơn vị SO-TP" }).WaitForAsync();
        Assert.DoesNotContain(key, page.Url, StringComparison.Ordinal);
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "par_don_vi");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Contains("đang nhận hồ sơ", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty((await page.AccessibilityAsync()).Violations);

        // The template, through the desk's link (the session cookie, no key in the URL).
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Mẫu tự đánh giá (XLSX)" }).ClickAsync());
        var template = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(template[..2]));

        // Filled with the project's own writer; checked, then sent.
        var filled = Path.Combine(Path.GetTempPath(), $"tu-danh-gia-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(filled, TemplateWriter.Write(HueSample.Scheme, 2021, unit, FileKind.SelfAssessment));
        await page.GetByLabel("Tệp (XLSX, CSV hoặc JSON)").SetInputFilesAsync(filled);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra thử" }).ClickAsync();
        Assert.Contains("tệp hợp lệ", await page.Locator("#ket-qua").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("Tệp (XLSX, CSV hoặc JSON)").SetInputFilesAsync(filled);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi chính thức" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Đã nhận tệp" }).WaitForAsync();
        Assert.Empty((await page.AccessibilityAsync()).Violations);
        var shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { FullPage = true, Path = Path.Combine(shots, $"trang-co-quan-{width}.png") });
        }
        await page.SetViewportSizeAsync(1280, 900);

        // Another unit's file as SO-TP's own: the dry run lists the reader's coded problems in Vietnamese.
        var wrong = Path.Combine(Path.GetTempPath(), $"sai-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(wrong, TemplateWriter.Write(HueSample.Scheme, 2021, HueSample.Units.First(u => u.Code == "SO-NV"), FileKind.SelfAssessment));
        await page.GetByLabel("Tệp (XLSX, CSV hoặc JSON)").SetInputFilesAsync(wrong);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra thử" }).ClickAsync();
        var report = await page.Locator("section[aria-labelledby=ket-qua]").InnerTextAsync();
        Assert.Contains("tệp bị từ chối", report, StringComparison.Ordinal);
        Assert.Contains("PAR-", report, StringComparison.Ordinal);

        // The earlier upload is listed with its status once ingestion has run.
        await ParServerless.Testing.Eventually.TrueAsync(async () =>
        {
            await page.GotoAsync("/co-quan/2021");
            return await page.Locator("table caption", new() { HasText = "Các lần nộp" }).CountAsync() == 1;
        }, "the upload in the desk's list");
    }
}

internal static class AxeExtensions
{
    public static Task<Deque.AxeCore.Commons.AxeResult> AccessibilityAsync(this IPage page) => page.RunAxe();
}
