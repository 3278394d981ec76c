using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SocialMonitor.Core.Web;

namespace SocialMonitor.IntegrationTests.Page;

/// <summary>The API the page needs, over HTTP on the demo's data: free text, bulk dispositions, items, the session and its anti-forgery token.</summary>
[Collection(PageTests.Name)]
public sealed class PageApiTests(PageFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FreeText_IgnoresCaseAndAccentsAndBindsItsContinuationToken()
    {
        using var api = fixture.Api(PageFixture.CoordinatorKey);

        var parking = await api.GetFromJsonAsync<JsonElement>("/api/findings?q=P%C3%81RKING", Ct);
        var all = await api.GetFromJsonAsync<JsonElement>("/api/findings?pageSize=1", Ct);
        var other = await api.GetAsync($"/api/findings?pageSize=1&q=shit&continuationToken={Uri.EscapeDataString(all.GetProperty("continuationToken").GetString()!)}", Ct);

        Assert.Equal("athol", Assert.Single(parking.GetProperty("items").EnumerateArray()).GetProperty("location").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    [Fact]
    public async Task BulkDisposition_EachEntryAnsweredOnItsOwn()
    {
        using var api = fixture.Api(PageFixture.CoordinatorKey);
        var hayden = await IdAsync(api, "location=hayden&rule=link-domain.shortener");
        var rathdrum = await IdAsync(api, "location=rathdrum");
        var etag = (await api.GetAsync($"/api/findings/{hayden}", Ct)).Headers.ETag!.ToString();
        var body = new { entries = new object[]
        {
            new { id = hayden, etag, status = "acknowledged" },
            new { id = rathdrum, etag, status = "acknowledged" },
            new { id = new string('0', 32), etag, status = "acknowledged" },
            new { id = hayden + "x", etag = (string?)null, status = "acknowledged" },
        } };

        var answer = await api.PostAsJsonAsync("/api/findings/dispositions", body, Ct);
        var results = (await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("results").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal([200, 412, 404, 428], results.Select(r => r.GetProperty("status").GetInt32()));
        Assert.Equal("acknowledged", results[0].GetProperty("finding").GetProperty("status").GetString());
        Assert.Equal("urn:socialmonitor:problem:precondition-failed", results[1].GetProperty("problem").GetProperty("type").GetString());
        Assert.Contains("it is escalated now", results[1].GetProperty("problem").GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotEqual("acknowledged", (await api.GetFromJsonAsync<JsonElement>($"/api/findings/{rathdrum}", Ct)).GetProperty("status").GetString());
        var empty = await api.PostAsJsonAsync("/api/findings/dispositions", new { entries = Array.Empty<object>() }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task Item_ItsVersionsAndThread_OnlyForTheCallersLocations()
    {
        using var coordinator = fixture.Api(PageFixture.CoordinatorKey);
        using var manager = fixture.Api(PageFixture.ManagerKey);
        var finding = await coordinator.GetFromJsonAsync<JsonElement>($"/api/findings/{await IdAsync(coordinator, "location=athol")}", Ct);
        var itemId = finding.GetProperty("itemId").GetString()!;

        var item = await coordinator.GetFromJsonAsync<JsonElement>($"/api/items/{itemId}?platform=facebook", Ct);
        var hidden = await manager.GetAsync($"/api/items/{itemId}", Ct);

        Assert.Equal(itemId, item.GetProperty("item").GetProperty("id").GetString());
        Assert.Equal("athol", item.GetProperty("location").GetString());
        Assert.Equal(1, item.GetProperty("versions").GetArrayLength());
        var thread = item.GetProperty("thread").EnumerateArray().ToList();
        Assert.Equal("post", thread[0].GetProperty("item").GetProperty("kind").GetString());
        Assert.Single(thread, t => t.GetProperty("isThis").GetBoolean() && t.GetProperty("item").GetProperty("id").GetString() == itemId);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task CookieSession_ChangeWithoutTheAntiForgeryToken_Is403AndWithItGoesThrough()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var browser = new HttpClient(handler) { BaseAddress = new Uri(fixture.Url) };
        var signIn = await browser.GetAsync(new Uri(fixture.SignInLink(1, "/findings/x")).PathAndQuery, Ct);
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Equal("/findings/x", signIn.Headers.Location!.OriginalString);
        var session = await browser.GetFromJsonAsync<JsonElement>("/api/session", Ct);
        var token = session.GetProperty("antiForgery").GetString()!;
        var body = """{"entries":[{"id":"00000000000000000000000000000000","etag":"\"x\"","status":"acknowledged"}]}""";

        var without = await browser.PostAsync("/api/findings/dispositions", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        using var with = new HttpRequestMessage(HttpMethod.Post, "/api/findings/dispositions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        with.Headers.Add(AntiForgery.Header, token);
        var withToken = await browser.SendAsync(with, Ct);

        Assert.Equal(("alex.rivera@example.org", "Manager"), (session.GetProperty("name").GetString(), session.GetProperty("role").GetString()));
        Assert.Equal(["hayden"], session.GetProperty("locations").EnumerateArray().Select(l => l.GetProperty("id").GetString()));
        Assert.Equal("America/Los_Angeles", session.GetProperty("timeZone").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, without.StatusCode);
        Assert.Contains("anti-forgery", await without.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Null((await fixture.Api(PageFixture.CoordinatorKey).GetFromJsonAsync<JsonElement>("/api/session", Ct)).GetProperty("antiForgery").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.PostAsync("/signout", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task DemoServe_PrintedLink_SignsInAndShowsTheDemosFindings()
    {
        using var output = new StringWriter();
        await SocialMonitor.Cli.SignInLinks.PrintAsync(fixture.App, fixture.Url, output);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var coordinator = lines.Single(l => l.Contains("(Coordinator, every location)", StringComparison.Ordinal));
        var link = coordinator[(coordinator.IndexOf(fixture.Url + "/signin?token=", StringComparison.Ordinal))..].Trim();
        Assert.Single(lines, l => l.Contains("(Manager, hayden)", StringComparison.Ordinal));

        var (context, page) = await fixture.OpenAsync(key: null);
        await using var _ = context;
        await page.GotoAsync(link);
        var shown = await PageChecks.ShownIdsAsync(page);

        Assert.Equal($"{fixture.Url}/findings", page.Url);
        Assert.True(shown.Count >= 10, "the demo's findings");
    }

    private static async Task<string> IdAsync(HttpClient api, string filter) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/findings?{filter}", Ct)).GetProperty("items")[0].GetProperty("id").GetString()!;
}
