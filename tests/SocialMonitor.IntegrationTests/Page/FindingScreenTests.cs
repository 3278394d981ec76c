using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Web;

namespace SocialMonitor.IntegrationTests.Page;

/// <summary>One finding in Chromium: what it shows, triage with the ETag flow (and a stale change), hostile text, the keyboard path, the CSP.</summary>
[Collection(PageTests.Name)]
public sealed class FindingScreenTests(PageFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Finding_GuestComment_ShowsItemEvidenceThreadClauseAdviceAndHistory()
    {
        var id = await IdAsync("hayden", "link-domain.unapproved");
        var (context, page) = await fixture.OpenAsync(next: $"/findings/{id}");
        await using var _ = context;
        await page.WaitForSelectorAsync("#history-heading");
        var main = await page.InnerTextAsync("main");

        Assert.Equal(RuleTexts.For("link-domain.unapproved").Title, (await page.InnerTextAsync("h1")).Trim());
        Assert.NotNull(await page.QuerySelectorAsync("figure.item blockquote mark"));
        Assert.Contains("The thread", main, StringComparison.Ordinal);
        Assert.True(await page.Locator("ol.thread li").CountAsync() >= 2, "the post and its comments");
        Assert.Equal(1, await page.Locator("ol.thread li[aria-current=true]").CountAsync());
        Assert.Contains("Versions and events", main, StringComparison.Ordinal);
        Assert.Contains("Version 1 captured", main, StringComparison.Ordinal);
        Assert.Contains("What to do", main, StringComparison.Ordinal);
        Assert.NotEmpty((await page.InnerTextAsync("blockquote.clause")).Trim());
        Assert.StartsWith("https://www.facebook.com/", await page.GetAttributeAsync("a[target=_blank]", "href"), StringComparison.Ordinal);
        Assert.Contains("History of the finding", main, StringComparison.Ordinal);
        Assert.EndsWith("PDT", (await page.Locator("p.meta time").First.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await PageChecks.AccessibleAsync(page, "finding");
    }

    [Fact]
    public async Task Resolve_InTheDialog_SendsTheETagAndShowsTheNewStatusAndHistory()
    {
        var id = await IdAsync("harrison", null);
        var (context, page) = await fixture.OpenAsync(next: $"/findings/{id}");
        await using var _ = context;
        await page.WaitForSelectorAsync("#resolve");
        var sent = new List<IRequest>();
        page.Request += (_, request) => { if (request.Method == "POST") sent.Add(request); };

        await page.ClickAsync("#resolve");
        await page.WaitForSelectorAsync("#resolve-dialog[open]");
        await PageChecks.AccessibleAsync(page, "finding-resolve-dialog");
        await page.ClickAsync("#resolve-dialog button[type=submit]");
        Assert.Equal("Say what was done.", await page.InnerTextAsync("#resolve-dialog-problem"));
        await PageChecks.AccessibleAsync(page, "finding-resolve-dialog-error");
        await page.FillAsync("#resolve-action", "Link removed from the post by the Harrison manager");
        await page.ClickAsync("#resolve-dialog button[type=submit]");
        await page.WaitForSelectorAsync("#alerts .notice");

        Assert.Contains("Status: Resolved", await page.InnerTextAsync("#status-line"), StringComparison.Ordinal);
        Assert.Contains("resolved", await page.InnerTextAsync("#history"), StringComparison.Ordinal);
        var post = Assert.Single(sent);
        Assert.NotNull(await post.HeaderValueAsync("if-match"));
        Assert.NotNull(await post.HeaderValueAsync(AntiForgery.Header.ToLowerInvariant()));
        var stored = await FindingAsync(id);
        Assert.Equal("resolved", stored.GetProperty("status").GetString());
        Assert.Equal("Link removed from the post by the Harrison manager", stored.GetProperty("resolution").GetString());
        await PageChecks.ScreenshotAsync(page, "finding-resolved");
    }

    [Fact]
    public async Task Dismiss_AfterSomeoneElseChangedIt_SaysWhoAndOffersAReload()
    {
        var id = await IdAsync(null, "accessibility.alt-text");
        var (context, page) = await fixture.OpenAsync(next: $"/findings/{id}");
        await using var _ = context;
        await page.WaitForSelectorAsync("#dismiss");
        // Meanwhile a script of the coordinator's acknowledges it with the API key.
        await AcknowledgeWithKeyAsync(id);

        await page.ClickAsync("#dismiss");
        await page.WaitForSelectorAsync("#dismiss-dialog[open]");
        await PageChecks.AccessibleAsync(page, "finding-dismiss-dialog");
        await page.CheckAsync("#reason-false-positive");
        await page.ClickAsync("#dismiss-dialog button[type=submit]");
        await page.WaitForSelectorAsync("#stale");

        var stale = await page.InnerTextAsync("#stale");
        Assert.Contains("changed since you opened it", stale, StringComparison.Ordinal);
        Assert.Contains("coordinator@example.org set it acknowledged", stale, StringComparison.Ordinal);
        Assert.Equal("reload", await page.EvaluateAsync<string>("document.activeElement.id"));
        await PageChecks.AccessibleAsync(page, "finding-stale");
        Assert.Equal("acknowledged", (await FindingAsync(id)).GetProperty("status").GetString()); // the stale change was not made

        await page.ClickAsync("#reload");
        await page.WaitForSelectorAsync("#dismiss");
        Assert.Contains("Status: Acknowledged", await page.InnerTextAsync("#status-line"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileGuestComment_ScriptAndImgOnerror_ShownAsTextNeverRun()
    {
        var id = await IdAsync("athol", "conduct.profanity");
        var (context, page) = await fixture.OpenAsync(next: $"/findings/{id}");
        await using var _ = context;
        var violations = new List<string>();
        page.Console += (_, message) => violations.Add(message.Text);
        await page.WaitForSelectorAsync("#history-heading");

        var text = await page.InnerTextAsync("figure.item blockquote");
        Assert.Contains("<script>document.title='pwned'</script>", text, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=", text, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main script, main img").CountAsync());
        Assert.NotEqual("pwned", await page.TitleAsync());
        await PageChecks.ScreenshotAsync(page, "finding-hostile-comment");
        await page.GotoAsync($"{fixture.Url}/findings?q=parking");
        await page.WaitForSelectorAsync("ul.findings");
        Assert.Equal(0, await page.Locator("main script, main img").CountAsync());
        Assert.NotEqual("pwned", await page.TitleAsync());
    }

    [Fact]
    public async Task Keyboard_FromTheQueueToAcknowledged_WithoutAMouse()
    {
        var id = await IdAsync("spirit-lake", null);
        var (context, page) = await fixture.OpenAsync(next: "/findings?location=spirit-lake");
        await using var _ = context;
        await page.WaitForSelectorAsync("ul.findings");

        await TabToAsync(page, $"a[href='/findings/{id}']");
        Assert.True(await page.EvaluateAsync<bool>("getComputedStyle(document.activeElement).outlineStyle !== 'none'"), "focus is visible");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#acknowledge");
        await TabToAsync(page, "#acknowledge");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#alerts .notice");
        Assert.Contains("Status: Acknowledged", await page.InnerTextAsync("#status-line"), StringComparison.Ordinal);

        await TabToAsync(page, "#resolve");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#resolve-dialog[open]");
        Assert.Equal("resolve-action", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("Escape");
        await page.WaitForSelectorAsync("#resolve-dialog", new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached });
        Assert.Equal("acknowledged", (await FindingAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Headers_PageAndAssets_StrictCspAndNoInlineScript()
    {
        var (context, page) = await fixture.OpenAsync();
        await using var _ = context;

        foreach (var path in new[] { "/findings", "/signin", "/assets/app.js", "/assets/app.css" })
        {
            var answer = await page.GotoAsync(fixture.Url + path);
            var headers = await answer!.AllHeadersAsync();
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, headers["content-security-policy"]);
            Assert.Equal("nosniff", headers["x-content-type-options"]);
        }
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        var shell = await (await page.GotoAsync(fixture.Url + "/findings"))!.TextAsync();
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)", shell);
        Assert.DoesNotMatch("<[^>]+\\son[a-z]+=", shell);
        // An inline script another page slipped in would be refused by the browser.
        var refused = await page.EvaluateAsync<bool>("""
            new Promise(resolve => {
              document.addEventListener('securitypolicyviolation', () => resolve(true), { once: true });
              const s = document.createElement('script'); s.textContent = 'window.ran = true'; document.body.append(s);
              setTimeout(() => resolve(window.ran !== true), 1000);
            })
            """);
        Assert.True(refused, "the CSP refuses inline script");
    }

    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"document.activeElement && document.activeElement.matches({JsonSerializer.Serialize(selector)})"))
            {
                return;
            }
        }
        Assert.Fail($"Tab never reached {selector}.");
    }

    private async Task<string> IdAsync(string? location, string? rule)
    {
        using var api = fixture.Api(PageFixture.CoordinatorKey);
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/findings?status=open{(location is null ? "" : "&location=" + location)}{(rule is null ? "" : "&rule=" + rule)}", Ct);
        return list.GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> FindingAsync(string id)
    {
        using var api = fixture.Api(PageFixture.CoordinatorKey);
        return await api.GetFromJsonAsync<JsonElement>($"/api/findings/{id}", Ct);
    }

    private async Task AcknowledgeWithKeyAsync(string id)
    {
        using var api = fixture.Api(PageFixture.CoordinatorKey);
        var read = await api.GetAsync($"/api/findings/{id}", Ct);
        using var change = new HttpRequestMessage(HttpMethod.Post, $"/api/findings/{id}/disposition")
        {
            Content = new StringContent("""{"status":"acknowledged"}""", Encoding.UTF8, "application/json"),
        };
        change.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.ToString());
        Assert.True((await api.SendAsync(change, Ct)).IsSuccessStatusCode);
    }
}
