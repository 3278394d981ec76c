using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Audit;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Api;

/// <summary><c>GET /api/audit</c> over HTTP: filters, pages, CSV; the coordinator's only.</summary>
public sealed class AuditApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAudit_Filters_SelectEntriesNewestFirstAcrossPages()
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        var audit = api.Services.GetRequiredService<AuditLog>();
        for (var i = 0; i < 5; i++)
        {
            await audit.AppendAsync(i % 2 == 0 ? "sam.lee@example.org" : "pat.kim@example.org", "finding", $"f{i}", i % 2 == 0 ? "hayden" : "rathdrum",
                "acknowledged", """{"status":"open"}""", """{"status":"acknowledged"}""", $"step {i}", Ct);
            api.Time.Advance(TimeSpan.FromMinutes(10));
        }
        using var client = api.Client(ApiHost.CoordinatorKey);

        var first = await client.GetFromJsonAsync<JsonElement>("/api/audit?pageSize=2&subject=finding", Ct);
        var second = await client.GetFromJsonAsync<JsonElement>(
            $"/api/audit?pageSize=2&subject=finding&continuationToken={first.GetProperty("continuationToken").GetString()}", Ct);
        var bySam = await client.GetFromJsonAsync<JsonElement>("/api/audit?actor=sam.lee@example.org&location=hayden", Ct);
        var window = await client.GetFromJsonAsync<JsonElement>("/api/audit?from=2026-10-15T18:10:00Z&to=2026-10-15T18:30:00Z", Ct);
        var one = await client.GetFromJsonAsync<JsonElement>("/api/audit?subject=finding&subjectId=f3", Ct);
        var refused = await client.GetAsync($"/api/audit?pageSize=2&subject=approval&continuationToken={first.GetProperty("continuationToken").GetString()}", Ct);
        var injected = await client.GetFromJsonAsync<JsonElement>("/api/audit?actor=x' or Actor ne 'x", Ct);

        Assert.Equal(["step 4", "step 3"], Whys(first));
        Assert.Equal(["step 2", "step 1"], Whys(second));
        Assert.Equal(["step 4", "step 2", "step 0"], Whys(bySam));
        Assert.Equal(["step 2", "step 1"], Whys(window));
        Assert.Equal(["step 3"], Whys(one));
        Assert.Equal("open", one.GetProperty("items")[0].GetProperty("before").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Empty(Whys(injected));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("1!8!YXVkaXQ- 1!99!bm90LWEtcm93LWtleQ--")]
    public async Task GetAudit_ForgedContinuationToken_Is400LikeTheFindingsList(string position)
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        await api.Services.GetRequiredService<AuditLog>().AppendAsync("coordinator@example.org", "approval", "link-1", null, "approved", null, "{}", "why", Ct);
        using var client = api.Client(ApiHost.CoordinatorKey);
        // Bound to the query as the API binds its own tokens, so only the position inside is forged.
        var forged = SocialMonitor.Core.Storage.BoundContinuationToken.Write(position, new AuditQuery().Hash());

        var response = await client.GetAsync($"/api/audit?continuationToken={Uri.EscapeDataString(forged)}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.EndsWith("invalid-continuation-token", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAudit_Csv_KeepsJsonAsTextAndEscapesFormulas()
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        await api.Services.GetRequiredService<AuditLog>().AppendAsync(
            "coordinator@example.org", "approval", "link-1", null, "approved", null, """{"value":"a,b"}""", "-1+1", Ct);
        using var client = api.Client(ApiHost.CoordinatorKey);

        var csv = await client.GetStringAsync("/api/audit?format=csv&subject=approval", Ct);

        var lines = csv.Split("\r\n");
        Assert.Equal("id,at,actor,subject,subjectId,location,action,before,after,why", lines[0]);
        Assert.EndsWith(",coordinator@example.org,approval,link-1,,approved,,\"{\"\"value\"\":\"\"a,b\"\"}\",'-1+1", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("subject=user", "subject")]
    [InlineData("location=hayden,rathdrum", "location")]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("action=nonsense", "action")]
    [InlineData("location=haydn", "location")]
    public async Task GetAudit_BadParameter_Is400(string query, string named)
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        using var client = api.Client(ApiHost.CoordinatorKey);

        var response = await client.GetAsync($"/api/audit?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString();
        Assert.Contains($"'{named}'", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("action=acknowleged", "Query parameter 'action' names no action: there is no action 'acknowleged' (did you mean 'acknowledged'?).")]
    [InlineData("location=haydn", "Query parameter 'location' names no location: there is no location 'haydn' (did you mean 'hayden'?).")]
    public async Task GetAudit_UnknownActionOrLocation_NamesItWithTheNearOne(string query, string detail)
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        using var client = api.Client(ApiHost.CoordinatorKey);

        var response = await client.GetAsync($"/api/audit?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(detail, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GetAudit_SameDateFromAndTo_IsThatWholeDay()
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        await api.Services.GetRequiredService<AuditLog>().AppendAsync(
            "coordinator@example.org", "finding", "f-1", null, "acknowledged", null, "{}", "on the day", Ct);
        using var client = api.Client(ApiHost.CoordinatorKey);

        var day = await client.GetFromJsonAsync<JsonElement>($"/api/audit?from={api.Time.GetUtcNow():yyyy-MM-dd}&to={api.Time.GetUtcNow():yyyy-MM-dd}&subject=finding", Ct);

        Assert.Equal(["on the day"], Whys(day));
    }

    private static List<string> Whys(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("why").GetString()!)];
}
