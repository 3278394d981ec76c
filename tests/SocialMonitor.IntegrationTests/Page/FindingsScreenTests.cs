using System.Net.Http.Json;
using System.Text.Json;

namespace SocialMonitor.IntegrationTests.Page;

/// <summary>The findings queue in Chromium on the demo's data: filters in the address, free text, paging, bulk acknowledge, a manager's scope.</summary>
[Collection(PageTests.Name)]
public sealed class FindingsScreenTests(PageFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Queue_AllFindings_NewestFirstInWordsAndAccessible()
    {
        var (context, page) = await fixture.OpenAsync();
        await using var _ = context;

        var shown = await PageChecks.ShownIdsAsync(page);

        var all = await IdsAsync("");
        Assert.NotEmpty(shown);
        Assert.Equal(all.Take(shown.Count), shown); // The first page, newest first.
        Assert.Equal(shown.Count < all.Count, await page.Locator("a[rel=next]").CountAsync() == 1);
        Assert.Contains("A phone number", await page.InnerTextAsync("ul.findings"), StringComparison.Ordinal); // rule titles, not ids
        Assert.DoesNotContain("pii.phone", await page.InnerTextAsync("ul.findings"), StringComparison.Ordinal);
        // Dates in the library's zone (Pacific), whatever the browser's (UTC here).
        Assert.EndsWith("PDT", (await page.Locator("ul.findings time").First.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await PageChecks.AccessibleAsync(page, "findings");
    }

    [Fact]
    public async Task Filters_ChosenInTheForm_AreKeptInTheAddressAndShareable()
    {
        var (context, page) = await fixture.OpenAsync();
        await using var _ = context;
        await page.WaitForSelectorAsync("#results h2");

        await page.SelectOptionAsync("#filter-location", "post-falls");
        await page.SelectOptionAsync("#filter-family", "link-domain");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/findings?location=post-falls&family=link-domain");
        var shown = await PageChecks.ShownIdsAsync(page);

        Assert.Equal(await IdsAsync("location=post-falls&family=link-domain"), shown);
        Assert.NotEmpty(shown);
        Assert.Equal("post-falls", await page.InputValueAsync("#filter-location"));
        // The same address in another browser shows the same view.
        var (other, shared) = await fixture.OpenAsync(next: "/findings?location=post-falls&family=link-domain");
        await using var __ = other;
        Assert.Equal(shown, await PageChecks.ShownIdsAsync(shared));
    }

    [Fact]
    public async Task FreeText_AWordOfTheItem_FindsItsFinding()
    {
        var (context, page) = await fixture.OpenAsync();
        await using var _ = context;
        await page.WaitForSelectorAsync("#results h2");

        await page.FillAsync("#filter-q", "PARKING");
        await page.PressAsync("#filter-q", "Enter");
        await page.WaitForURLAsync("**/findings?q=PARKING");
        var shown = await PageChecks.ShownIdsAsync(page);

        Assert.Equal(await IdsAsync("q=parking"), shown);
        var athol = Assert.Single(shown);
        Assert.Equal("athol", (await FindingAsync(athol)).GetProperty("location").GetString());
        await page.GotoAsync($"{fixture.Url}/findings?q=nothing-has-this-word");
        await page.WaitForSelectorAsync("#results h2");
        Assert.Equal("No findings match", await page.InnerTextAsync("#results h2"));
    }

    [Fact]
    public async Task Paging_NextPageLinks_WalkEveryFindingOnce()
    {
        var (context, page) = await fixture.OpenAsync(next: "/findings?pageSize=5");
        await using var _ = context;
        var seen = new List<string>();

        for (var pages = 1; ; pages++)
        {
            var shown = await PageChecks.ShownIdsAsync(page);
            Assert.InRange(shown.Count, 1, 5);
            seen.AddRange(shown);
            var next = page.Locator("a[rel=next]");
            if (await next.CountAsync() == 0)
            {
                Assert.True(pages >= 3, "the demo's findings fill several pages of 5");
                break;
            }
            // Wait for this link's page, not any page with a cursor: from the second page on, the address already has one.
            var href = await next.GetAttributeAsync("href") ?? "";
            await next.ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith(href, StringComparison.Ordinal));
        }

        Assert.Equal(await IdsAsync(""), seen);
    }

    [Fact]
    public async Task BulkAcknowledge_EveryPostFallsFinding_EachAcknowledgedWithItsETag()
    {
        var (context, page) = await fixture.OpenAsync(next: "/findings?location=post-falls");
        await using var _ = context;
        var shown = await PageChecks.ShownIdsAsync(page);
        Assert.True(shown.Count >= 3);

        await page.CheckAsync("#select-all");
        Assert.Equal($"Acknowledge {shown.Count} selected", await page.InnerTextAsync("#bulk-acknowledge"));
        await page.ClickAsync("#bulk-acknowledge");
        await page.WaitForSelectorAsync("#bulk-outcome .notice");

        Assert.Equal($"{shown.Count} of {shown.Count} acknowledged.", await page.InnerTextAsync("#bulk-outcome p"));
        foreach (var id in shown)
        {
            var finding = await FindingAsync(id);
            Assert.Equal("acknowledged", finding.GetProperty("status").GetString());
            Assert.Equal("coordinator@example.org", finding.GetProperty("statusChangedBy").GetString());
        }
        await PageChecks.ScreenshotAsync(page, "findings-bulk-acknowledged");
    }

    [Fact]
    public async Task Manager_HaydenKey_SeesOnlyHaydenAndAnotherLocationsFindingIsNotFound()
    {
        var (context, page) = await fixture.OpenAsync(key: 1);
        await using var _ = context;

        var shown = await PageChecks.ShownIdsAsync(page);

        Assert.Equal(await IdsAsync("location=hayden"), shown);
        Assert.Equal(["Any", "Hayden"], await page.Locator("#filter-location option").AllInnerTextsAsync());
        var elsewhere = (await IdsAsync("location=rathdrum"))[0];
        var answer = page.WaitForResponseAsync(r => r.Url.EndsWith($"/api/findings/{elsewhere}", StringComparison.Ordinal));
        await page.GotoAsync($"{fixture.Url}/findings/{elsewhere}");
        Assert.Equal(404, (await answer).Status);
        Assert.Equal("Finding not found", await page.InnerTextAsync("h1"));
        await PageChecks.AccessibleAsync(page, "finding-not-found");
    }

    [Fact]
    public async Task NarrowScreen_320Pixels_NothingScrollsSideways()
    {
        var (context, page) = await fixture.OpenAsync(width: 320);
        await using var _ = context;
        await page.WaitForSelectorAsync("#results h2");

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 320"), "the queue fits 320 px");
        await PageChecks.AccessibleAsync(page, "findings-320px");
        await page.ClickAsync("ul.findings h3 a");
        await page.WaitForSelectorAsync("#actions");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 320"), "a finding fits 320 px");
        await PageChecks.AccessibleAsync(page, "finding-320px");
    }

    private async Task<IReadOnlyList<string>> IdsAsync(string filter)
    {
        using var api = fixture.Api(PageFixture.CoordinatorKey);
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/findings?pageSize=200&{filter}", Ct);
        return [.. list.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("id").GetString()!)];
    }

    private async Task<JsonElement> FindingAsync(string id)
    {
        using var api = fixture.Api(PageFixture.CoordinatorKey);
        return await api.GetFromJsonAsync<JsonElement>($"/api/findings/{id}", Ct);
    }
}
