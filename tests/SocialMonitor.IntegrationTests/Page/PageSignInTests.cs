using System.Net;
using System.Text.RegularExpressions;

namespace SocialMonitor.IntegrationTests.Page;

/// <summary>Sign-in by a one-time link and its <c>next</c>; what the browser keeps; emails' links to the finding's screen.</summary>
[Collection(PageTests.Name)]
public sealed partial class PageSignInTests(PageFixture fixture)
{
    [Fact]
    public async Task SignIn_ScreenWithoutSession_GoesThroughSignInAndLandsOnNextWithNoTokenAnywhere()
    {
        var (context, page) = await fixture.OpenAsync(key: null);
        await using var _ = context;
        var id = await FirstIdAsync("spirit-lake");

        await page.GotoAsync($"{fixture.Url}/findings/{id}?from=email");
        Assert.Equal($"{fixture.Url}/signin?next={Uri.EscapeDataString($"/findings/{id}?from=email")}", page.Url);
        await PageChecks.AccessibleAsync(page, "signin");

        var link = fixture.SignInLink(0, $"/findings/{id}");
        var token = TokenOf(link);
        await page.GotoAsync(link);
        await page.WaitForSelectorAsync("#actions");

        Assert.Equal($"{fixture.Url}/findings/{id}", page.Url);
        var cookie = Assert.Single(await context.CookiesAsync());
        Assert.Equal("socialmonitor-session", cookie.Name);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Playwright.SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal("", await page.EvaluateAsync<string>("document.cookie"));
        Assert.Equal(0, await page.EvaluateAsync<int>("localStorage.length + sessionStorage.length"));
        var html = await page.ContentAsync();
        Assert.DoesNotContain(token, html, StringComparison.Ordinal);
        Assert.DoesNotContain(PageFixture.CoordinatorKey, html, StringComparison.Ordinal);
        Assert.DoesNotContain(cookie.Value, html, StringComparison.Ordinal);

        // The link works once.
        var again = await page.GotoAsync(link);
        Assert.Equal((int)HttpStatusCode.BadRequest, again!.Status);
        Assert.Contains("does not work", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_NextElsewhere_StaysOnThisSite()
    {
        var (context, page) = await fixture.OpenAsync(key: null);
        await using var _ = context;

        await page.GotoAsync(fixture.SignInLink(0, "//evil.example/findings"));

        Assert.Equal($"{fixture.Url}/findings", page.Url);
    }

    [Fact]
    public async Task Email_OpenTheFinding_OpensItsScreenThroughSignIn()
    {
        var email = File.ReadAllText(Directory.GetFiles(fixture.Outbox, "immediate-*.eml").Order(StringComparer.Ordinal).First());
        var decoded = email.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal).Replace("=3D", "=", StringComparison.Ordinal);
        var url = FindingLink().Match(decoded);
        Assert.True(url.Success, "the email links to a finding's screen");
        var path = new Uri(url.Value).AbsolutePath;
        var (context, page) = await fixture.OpenAsync(key: null);
        await using var _ = context;

        await page.GotoAsync(fixture.Url + path);
        Assert.StartsWith($"{fixture.Url}/signin?next=", page.Url, StringComparison.Ordinal);
        await page.GotoAsync(fixture.SignInLink(0, new Uri(page.Url).Query.Split("next=")[1] is var next ? Uri.UnescapeDataString(next) : "/"));
        await page.WaitForSelectorAsync("#actions");

        Assert.Equal(fixture.Url + path, page.Url);
        Assert.Contains("Why it was flagged", await page.InnerTextAsync("main"), StringComparison.Ordinal);
    }

    private async Task<string> FirstIdAsync(string location)
    {
        using var api = fixture.Api(PageFixture.CoordinatorKey);
        var list = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(api, $"/api/findings?location={location}", TestContext.Current.CancellationToken);
        return list.GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    private static string TokenOf(string link) => Uri.UnescapeDataString(link.Split("token=")[1].Split('&')[0]);

    [GeneratedRegex(@"http://localhost:7071/findings/[0-9a-f]{32}")]
    private static partial Regex FindingLink();
}
