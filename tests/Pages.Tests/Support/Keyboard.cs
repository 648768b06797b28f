using Microsoft.Playwright;

namespace ParServerless.Pages.Tests.Support;

/// <summary>Keyboard-only use: what Tab reaches, and whether the focus is visible there.</summary>
public static class Keyboard
{
    /// <summary>
    /// Presses Tab through the whole page and asserts that every link and control (and every scrollable region made focusable with
    /// <c>tabindex="0"</c>) was reached, each with a visible outline.
    /// </summary>
    public static async Task TabReachesEveryControlAsync(IPage page)
    {
        var focusable = await page.EvaluateAsync<string[]>(
            "() => Array.from(document.querySelectorAll('a[href],button,input,select,textarea,[tabindex=\"0\"]')).filter(e => !e.closest('[hidden]') && !e.disabled).map(e => e.outerHTML)");
        Assert.NotEmpty(focusable);
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
        var missed = focusable.Where(f => !reached.Contains(f)).ToList();
        Assert.True(missed.Count == 0, "Tab never reached: " + string.Join("; ", missed));
    }

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has the focus (at most <paramref name="limit"/> times).</summary>
    public static async Task TabToAsync(IPage page, string selector, int limit = 200)
    {
        for (var i = 0; i < limit; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement !== null && document.activeElement.matches(s)", selector)) return;
        }
        throw new Xunit.Sdk.XunitException($"Tab never reached {selector}");
    }
}
