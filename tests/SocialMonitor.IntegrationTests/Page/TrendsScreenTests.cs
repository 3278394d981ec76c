using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace SocialMonitor.IntegrationTests.Page;

/// <summary>
/// The trends screen in Chromium on the demo's data: each table shows the API's figures, the charts are drawn by the
/// embedded Chart.js under the page's CSP, a manager sees only their location, and an error is shown, all accessible.
/// </summary>
[Collection(PageTests.Name)]
public sealed class TrendsScreenTests(PageFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Trends_Coordinator_TablesEqualTheApiChartsDrawnAndAccessible()
    {
        var (context, page) = await fixture.OpenAsync(next: "/trends");
        await using var _ = context;
        var console = Console(page);
        await page.ReloadAsync(); // listened from the start: Chart.js loading under the CSP, every chart drawn
        await DrawnAsync(page);

        var trends = await TrendsAsync(PageFixture.CoordinatorKey, "");

        await AssertTablesAsync(page, trends);
        Assert.True(trends.GetProperty("byLocation").EnumerateArray().Sum(s => s.GetProperty("counts").EnumerateArray().Sum(c => c.GetInt32())) > 0,
            "the demo's findings are in this week's figures");
        Assert.Equal("Trends - SocialMonitor", await page.TitleAsync());
        Assert.Empty(console);
        await PageChecks.AccessibleAsync(page, "trends");
    }

    [Fact]
    public async Task Trends_Manager_OnlyTheirLocation()
    {
        var (context, page) = await fixture.OpenAsync(key: 1, next: "/trends?weeks=4");
        await using var _ = context;
        await DrawnAsync(page);

        var trends = await TrendsAsync(PageFixture.ManagerKey, "?weeks=4");

        await AssertTablesAsync(page, trends);
        Assert.Equal(["Week", "Hayden"], await page.Locator("#table-by-location thead th").AllInnerTextsAsync());
        Assert.Equal(4, await page.Locator("#table-by-location tbody tr").CountAsync());
    }

    [Fact]
    public async Task Trends_ApiRefuses_ErrorShownAndAccessible()
    {
        var (context, page) = await fixture.OpenAsync(next: "/trends?weeks=99");
        await using var _ = context;

        var error = page.Locator("#trends-error");
        await error.WaitForAsync();

        Assert.Contains("'weeks' must be a whole number from 1 to 52", await error.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("alert", await error.GetAttributeAsync("role"));
        await PageChecks.AccessibleAsync(page, "trends-error");
    }

    /// <summary>Every table cell against the API's numbers: weeks by location and by family, open by age, dismissed per rule.</summary>
    private static async Task AssertTablesAsync(IPage page, JsonElement trends)
    {
        var weeks = trends.GetProperty("weeks").EnumerateArray().Select(w => w.GetProperty("week").GetString()!).ToList();
        foreach (var (table, name) in new[] { ("#table-by-location", "byLocation"), ("#table-by-family", "byFamily") })
        {
            var series = trends.GetProperty(name).EnumerateArray().Select(s => s.GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()).ToList()).ToList();
            var rows = page.Locator($"{table} tbody tr");
            Assert.Equal(weeks.Count, await rows.CountAsync());
            Assert.Equal(series.Count + 1, await page.Locator($"{table} thead th").CountAsync());
            for (var week = 0; week < weeks.Count; week++)
            {
                Assert.StartsWith(weeks[week] + " (", await rows.Nth(week).Locator("th").InnerTextAsync(), StringComparison.Ordinal);
                Assert.Equal(series.Select(s => s[week].ToString(CultureInfo.InvariantCulture)), await rows.Nth(week).Locator("td").AllInnerTextsAsync());
            }
        }
        Assert.Equal(trends.GetProperty("openByAge").EnumerateArray().Select(a => a.GetProperty("count").GetInt32().ToString(CultureInfo.InvariantCulture)),
            await page.Locator("#table-open-by-age tbody td").AllInnerTextsAsync());
        var rules = trends.GetProperty("dismissedByRule").EnumerateArray().ToList();
        var shown = page.Locator("#table-dismissed tbody tr");
        Assert.Equal(rules.Count, await shown.CountAsync());
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            Assert.Equal(rule.GetProperty("rule").GetString(), await shown.Nth(i).GetAttributeAsync("data-rule"));
            var share = Math.Round(rule.GetProperty("share").GetDouble() * 1000) / 10;
            Assert.Equal([rule.GetProperty("raised").GetInt32().ToString(CultureInfo.InvariantCulture), rule.GetProperty("dismissed").GetInt32().ToString(CultureInfo.InvariantCulture),
                share.ToString(CultureInfo.InvariantCulture) + "%"], await shown.Nth(i).Locator("td").AllInnerTextsAsync());
        }
    }

    /// <summary>Waits until the tables are shown and each chart is drawn by Chart.js (the embedded library loaded under the CSP).</summary>
    private static async Task DrawnAsync(IPage page)
    {
        await page.Locator("#table-by-location").WaitForAsync();
        var canvases = await page.Locator("canvas").EvaluateAllAsync<string[]>("c => c.map(x => x.id)");
        Assert.NotEmpty(canvases);
        await page.WaitForFunctionAsync("ids => ids.every(id => globalThis.Chart && globalThis.Chart.getChart(id) !== undefined)", canvases);
    }

    /// <summary>The console's errors and the page's uncaught exceptions (a CSP refusal is an error there).</summary>
    private static List<string> Console(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }

    private async Task<JsonElement> TrendsAsync(string key, string query)
    {
        using var client = fixture.Api(key);
        return await client.GetFromJsonAsync<JsonElement>("/api/findings/trends" + query, Ct);
    }
}
