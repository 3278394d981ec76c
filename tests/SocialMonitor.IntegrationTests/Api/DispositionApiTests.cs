using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Api;

/// <summary><c>POST /api/findings/{id}/disposition</c> over HTTP: If-Match, transitions, history and audit.</summary>
public sealed class DispositionApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly Finding s_finding = ApiData.Findings[0];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Hosts => new(ApiHost.Serve, ApiHost.Functions);

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Post_TwoConcurrentWithTheSameETag_OneSucceedsOne412(string host)
    {
        await using var api = await StartAsync(host);
        using var first = api.Client(ApiHost.HaydenKey);
        using var second = api.Client(ApiHost.CoordinatorKey);
        var etag = await ETagAsync(first);

        var responses = await Task.WhenAll(
            first.SendAsync(Post(etag, """{"status":"resolved","action":"comment hidden on Facebook by the Hayden manager"}"""), Ct),
            second.SendAsync(Post(etag, """{"status":"dismissed","reason":"false-positive"}"""), Ct));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], responses.Select(r => r.StatusCode).Order());
        var lost = responses.Single(r => r.StatusCode == HttpStatusCode.PreconditionFailed);
        Assert.Equal("urn:socialmonitor:problem:precondition-failed", (await lost.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("type").GetString());
        var won = await responses.Single(r => r.IsSuccessStatusCode).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var stored = await api.Services.GetRequiredService<FindingStore>().GetAsync("hayden", s_finding.Id, Ct);
        Assert.Equal(won.GetProperty("status").GetString(), stored!.Status);
        Assert.Single(await api.Services.GetRequiredService<AuditLog>().HistoryAsync("finding", s_finding.Id, Ct));
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Post_WithoutIfMatch_Is428AndChangesNothing(string host)
    {
        await using var api = await StartAsync(host);
        using var client = api.Client(ApiHost.HaydenKey);

        var missing = await client.SendAsync(Post(null, """{"status":"acknowledged"}"""), Ct);
        var star = await client.SendAsync(Post("*", """{"status":"acknowledged"}"""), Ct);

        Assert.Equal((HttpStatusCode.PreconditionRequired, HttpStatusCode.PreconditionRequired), (missing.StatusCode, star.StatusCode));
        Assert.Equal("urn:socialmonitor:problem:precondition-required", (await missing.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("type").GetString());
        Assert.Equal(FindingStatuses.Open, (await api.Services.GetRequiredService<FindingStore>().GetAsync("hayden", s_finding.Id, Ct))!.Status);
    }

    [Fact]
    public async Task Post_StaleETagAfterAnotherChange_Is412()
    {
        await using var api = await StartAsync(ApiHost.Serve);
        using var client = api.Client(ApiHost.HaydenKey);
        var etag = await ETagAsync(client);
        var acknowledged = await client.SendAsync(Post(etag, """{"status":"acknowledged"}"""), Ct);

        var stale = await client.SendAsync(Post(etag, """{"status":"escalated","note":"threat"}"""), Ct);
        var garbage = await client.SendAsync(Post("\"not-one-of-ours\"", """{"status":"escalated","note":"threat"}"""), Ct);
        var fresh = await client.SendAsync(Post(acknowledged.Headers.ETag!.ToString(), """{"status":"escalated","note":"threat against staff"}"""), Ct);

        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal((HttpStatusCode.PreconditionFailed, HttpStatusCode.PreconditionFailed), (stale.StatusCode, garbage.StatusCode));
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Theory]
    [InlineData("""{"status":"resolved"}""", "action")]
    [InlineData("""{"status":"dismissed"}""", "reason")]
    [InlineData("""{"status":"dismissed","reason":"bored"}""", "reason")]
    [InlineData("""{"status":"dismissed","reason":"duplicate"}""", "duplicateOf")]
    [InlineData("""{"status":"dismissed","reason":"duplicate","duplicateOf":"0123456789abcdef0123456789abcdef"}""", "duplicateOf")]
    [InlineData("""{"status":"escalated"}""", "note")]
    [InlineData("""{"status":"closed"}""", "status")]
    [InlineData("""{"status":"acknowledged","actor":"coordinator@example.org"}""", "actor")]
    [InlineData("""{"status":"acknowledged","action":"x"}""", "action")]
    [InlineData("""not json""", "JSON")]
    [InlineData("", "empty")]
    public async Task Post_BadBody_Is400NamingWhatIsWrong(string body, string named)
    {
        await using var api = await StartAsync(ApiHost.Serve);
        using var client = api.Client(ApiHost.HaydenKey);

        var response = await client.SendAsync(Post(await ETagAsync(client), body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("urn:socialmonitor:problem:invalid-body", problem.GetProperty("type").GetString());
        Assert.Contains(named, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"status":"dismissed","reason":"mild language"}""", "'reason' is one of false-positive, allowed-by-policy, duplicate, not 'mild language': put your own words in 'note'.")]
    [InlineData("""{"status":"acknowledged",}""", "The body is not the JSON object expected at line 1, position ")]
    [InlineData("""{"status":"acknowledged","reson":"x"}""", ": 'reson' is not a known field ($.reson).")]
    public async Task Post_BadBody_SaysItInWordsWithoutParserInternals(string body, string detail)
    {
        await using var api = await StartAsync(ApiHost.Serve);
        using var client = api.Client(ApiHost.HaydenKey);

        var response = await client.SendAsync(Post(await ETagAsync(client), body), Ct);

        var text = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()!;
        Assert.Contains(detail, text, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SocialMonitor.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NotAllowedTransition_Is409SayingWhatIs()
    {
        await using var api = await StartAsync(ApiHost.Serve);
        using var client = api.Client(ApiHost.HaydenKey);
        var resolved = await client.SendAsync(Post(await ETagAsync(client), """{"status":"resolved","action":"post edited"}"""), Ct);

        var response = await client.SendAsync(Post(resolved.Headers.ETag!.ToString(), """{"status":"acknowledged"}"""), Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("urn:socialmonitor:problem:invalid-transition", problem.GetProperty("type").GetString());
        Assert.Contains("resolved cannot be set acknowledged; it can be set open", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lifecycle_AcknowledgeResolveReopen_ShowsInHistoryAuditAndSummary()
    {
        await using var api = await StartAsync(ApiHost.Serve);
        using var manager = api.Client(ApiHost.HaydenKey);
        using var coordinator = api.Client(ApiHost.CoordinatorKey);
        api.Time.Advance(TimeSpan.FromHours(2));
        var acknowledged = await manager.SendAsync(Post(await ETagAsync(manager), """{"status":"acknowledged","note":"looking"}"""), Ct);
        api.Time.Advance(TimeSpan.FromMinutes(30));
        var resolved = await manager.SendAsync(Post(acknowledged.Headers.ETag!.ToString(),
            """{"status":"resolved","action":"comment hidden on Facebook by the Hayden manager"}"""), Ct);
        var reopened = await coordinator.SendAsync(Post(resolved.Headers.ETag!.ToString(), """{"status":"open","note":"the comment is visible again"}"""), Ct);

        var detail = await manager.GetFromJsonAsync<JsonElement>($"/api/findings/{s_finding.Id}", Ct);
        var audit = await coordinator.GetFromJsonAsync<JsonElement>("/api/audit?subject=finding", Ct);
        var summary = await manager.GetFromJsonAsync<JsonElement>("/api/findings/summary", Ct);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { acknowledged.StatusCode, resolved.StatusCode, reopened.StatusCode });
        Assert.Equal("open", detail.GetProperty("status").GetString());
        Assert.Equal(1, detail.GetProperty("reopenCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("resolution").ValueKind);
        var history = detail.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["reopened", "resolved", "acknowledged"], history.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal([ApiData.CoordinatorEmail, ApiData.HaydenManagerEmail, ApiData.HaydenManagerEmail], history.Select(e => e.GetProperty("actor").GetString()));
        Assert.Equal("comment hidden on Facebook by the Hayden manager", history[1].GetProperty("after").GetProperty("resolution").GetString());
        Assert.Equal("open", history[2].GetProperty("before").GetProperty("status").GetString());
        Assert.Equal("the comment is visible again", history[0].GetProperty("why").GetString());
        Assert.Equal(3, audit.GetProperty("items").GetArrayLength());
        Assert.Equal("PT3H", summary.GetProperty("medianTimeToAcknowledge").GetString());
        Assert.Equal(1, summary.GetProperty("takenUp").GetInt32());
    }

    [Fact]
    public async Task Post_DismissAsDuplicate_RecordsTheOriginal()
    {
        await using var api = await StartAsync(ApiHost.Serve);
        using var client = api.Client(ApiHost.HaydenKey);
        var original = ApiData.Findings[2].Id;

        var response = await client.SendAsync(Post(await ETagAsync(client), $$"""{"status":"dismissed","reason":"duplicate","duplicateOf":"{{original}}"}"""), Ct);

        var finding = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("dismissed", "duplicate", original), (finding.GetProperty("status").GetString(), finding.GetProperty("dismissReason").GetString(), finding.GetProperty("duplicateOf").GetString()));
        Assert.Equal(ApiData.HaydenManagerEmail, finding.GetProperty("statusChangedBy").GetString());
    }

    [Fact]
    public async Task Get_FindingWithItem_ShowsTheItemAndAStrongETag()
    {
        await using var api = await StartAsync(ApiHost.Serve);
        await api.Services.GetRequiredService<FindingItems>().SaveAsync(
            new Item { Id = s_finding.ItemId, Platform = "facebook", Account = "cln-hayden-fb", Text = "More at https://bit.ly/cute-kids" }, "v1", Ct);
        using var client = api.Client(ApiHost.HaydenKey);

        var response = await client.GetAsync($"/api/findings/{s_finding.Id}", Ct);
        var detail = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Equal("More at https://bit.ly/cute-kids", detail.GetProperty("item").GetProperty("text").GetString());
        Assert.Empty(detail.GetProperty("history").EnumerateArray());
    }

    private async Task<ApiHost> StartAsync(string host)
    {
        var api = await ApiHost.StartAsync(azurite, host, Ct);
        await ApiData.SeedAsync(api.Services, Ct);
        return api;
    }

    private static async Task<string> ETagAsync(HttpClient client)
    {
        var response = await client.GetAsync($"/api/findings/{s_finding.Id}", Ct);
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag!.ToString();
    }

    private static HttpRequestMessage Post(string? etag, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/findings/{s_finding.Id}/disposition")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }
        return request;
    }
}
