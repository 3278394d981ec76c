using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SocialMonitor.IntegrationTests.Page;

/// <summary>What the page tests check on every screen and state: axe-core's WCAG 2.1 AA rules, and a screenshot kept.</summary>
internal static class PageChecks
{
    private static readonly AxeRunOptions s_wcag21aa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>Asserts that axe finds no WCAG 2.1 AA violation, and saves the screenshot <c>{name}.png</c> (listed in the test's output).</summary>
    public static async Task AccessibleAsync(IPage page, string name)
    {
        await ScreenshotAsync(page, name);
        var result = await page.RunAxe(s_wcag21aa);
        var violations = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}");
        Assert.True(result.Violations.Length == 0, $"axe on {name} ({page.Url}): {string.Join("; ", violations)}");
        Assert.NotEmpty(result.Passes);
        TestContext.Current.SendDiagnosticMessage($"axe {name}: 0 violations, {result.Passes.Length} rules passed");
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(PageFixture.Screenshots, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.SendDiagnosticMessage($"screenshot {path}");
    }

    /// <summary>The findings the queue shows: their ids, from the links to their screens.</summary>
    public static async Task<IReadOnlyList<string>> ShownIdsAsync(IPage page)
    {
        await page.WaitForSelectorAsync("#results h2");
        var hrefs = await page.Locator("ul.findings h3 a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        return [.. hrefs.Select(h => h["/findings/".Length..])];
    }
}
