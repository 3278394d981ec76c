using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Findings;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Api;

/// <summary>
/// <c>GET /api/findings/trends</c> over HTTP on Azurite, as <c>serve</c> and as the functions serve it: the figures of the
/// findings stored (now 2026-10-15 11:00 in Los Angeles, a Thursday of 2026-W42), a manager's scope, and bad parameters.
/// </summary>
public sealed class TrendsApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Hosts => new(ApiHost.Serve, ApiHost.Functions);

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Get_Coordinator_FiguresOfEveryLocation(string host)
    {
        await using var api = await StartAsync(host);
        using var client = api.Client(ApiHost.CoordinatorKey);

        var trends = await client.GetFromJsonAsync<JsonElement>("/api/findings/trends?weeks=2", Ct);

        Assert.Equal("America/Los_Angeles", trends.GetProperty("timeZone").GetString());
        Assert.Equal("2026-10-15", trends.GetProperty("today").GetString());
        Assert.Equal(["2026-W41 2026-10-05", "2026-W42 2026-10-12"],
            trends.GetProperty("weeks").EnumerateArray().Select(w => $"{w.GetProperty("week").GetString()} {w.GetProperty("start").GetString()}"));
        var byLocation = Series(trends, "byLocation");
        Assert.Equal([1, 4], byLocation["hayden"]);
        Assert.Equal([0, 2], byLocation["rathdrum"]); // its 40-day-old finding is before the weeks
        Assert.Equal([0, 1], byLocation["district"]);
        Assert.Equal([0, 1], byLocation["bookmobile"]); // governance.managers of the import
        Assert.Equal(["bookmobile", "district", "hayden", "rathdrum"], byLocation.Keys.Order(StringComparer.Ordinal));
        var byFamily = Series(trends, "byFamily");
        Assert.Equal(["capture", "conduct", "governance", "link-domain", "pii"], byFamily.Keys);
        Assert.Equal([1, 2], byFamily["conduct"]);
        Assert.Equal([0, 2], byFamily["capture"]);
        Assert.Equal([("0-6", 8), ("7-29", 0), ("30-89", 1), ("90+", 0)], Ages(trends));
        Assert.Equal("2026-07-18", trends.GetProperty("dismissedSince").GetString());
        var rules = Rules(trends);
        Assert.Equal(("conduct.profanity", 2, 1, 0.5), rules[0]);
        Assert.Contains(("pii.phone", 2, 0, 0d), rules);
        Assert.Equal(7, rules.Count);
    }

    [Fact]
    public async Task Get_Manager_OnlyTheirLocationsFigures()
    {
        await using var api = await StartAsync(ApiHost.Serve);
        using var client = api.Client(ApiHost.HaydenKey);

        var trends = await client.GetFromJsonAsync<JsonElement>("/api/findings/trends?weeks=2", Ct);
        var elsewhere = await client.GetFromJsonAsync<JsonElement>("/api/findings/trends?location=rathdrum", Ct);

        Assert.Equal(["hayden"], Series(trends, "byLocation").Keys);
        Assert.Equal(["capture", "conduct", "link-domain", "pii"], Series(trends, "byFamily").Keys);
        Assert.Equal([("0-6", 4), ("7-29", 0), ("30-89", 0), ("90+", 0)], Ages(trends));
        Assert.DoesNotContain(Rules(trends), r => r.Rule == "conduct.threat");
        Assert.Empty(Series(elsewhere, "byLocation"));
        Assert.Equal(0, Ages(elsewhere).Sum(a => a.Count));
        Assert.Empty(Rules(elsewhere));
    }

    [Fact]
    public async Task Get_OneLocation_NarrowsTheFigures()
    {
        await using var api = await StartAsync(ApiHost.Serve);
        using var client = api.Client(ApiHost.CoordinatorKey);

        var trends = await client.GetFromJsonAsync<JsonElement>("/api/findings/trends?location=rathdrum", Ct);

        Assert.Equal(12, trends.GetProperty("weeks").GetArrayLength());
        Assert.Equal("2026-W42", trends.GetProperty("weeks")[11].GetProperty("week").GetString());
        Assert.Equal(["rathdrum"], Series(trends, "byLocation").Keys);
        Assert.Equal(2, Series(trends, "byLocation")["rathdrum"][11]);
        Assert.Equal([("0-6", 2), ("7-29", 0), ("30-89", 1), ("90+", 0)], Ages(trends));
    }

    [Theory]
    [InlineData("weeks=0", "weeks")]
    [InlineData("weeks=53", "weeks")]
    [InlineData("weeks=twelve", "weeks")]
    [InlineData("location=nowhere", "nowhere")]
    [InlineData("status=open", "status")]
    public async Task Get_BadParameter_Is400NamingIt(string query, string named)
    {
        await using var api = await StartAsync(ApiHost.Serve);
        using var client = api.Client(ApiHost.CoordinatorKey);

        var response = await client.GetAsync("/api/findings/trends?" + query, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(named, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NoKey_Is401()
    {
        await using var api = await StartAsync(ApiHost.Serve);
        using var client = api.Client();

        var response = await client.GetAsync("/api/findings/trends", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>The API's findings, one more of Hayden's a week ago (dismissed), and one of Rathdrum's 40 days ago (open).</summary>
    private async Task<ApiHost> StartAsync(string host)
    {
        var api = await ApiHost.StartAsync(azurite, host, Ct);
        await ApiData.SeedAsync(api.Services, Ct);
        var store = api.Services.GetRequiredService<FindingStore>();
        var lastWeek = ApiData.Make("hayden", "cln-hayden-fb", "facebook", "conduct.profanity", "medium", "1_31", "darn", 7 * 24);
        await store.TryAddAsync(lastWeek, Ct);
        await store.UpdateAsync("hayden", lastWeek.Id, f => f with { Status = FindingStatuses.Dismissed, DismissReason = "false-positive" }, Ct);
        await store.TryAddAsync(ApiData.Make("rathdrum", "cln-rathdrum-fb", "facebook", "pii.phone", "high", "2_41", "208", 40 * 24), Ct);
        return api;
    }

    private static Dictionary<string, int[]> Series(JsonElement trends, string name) =>
        trends.GetProperty(name).EnumerateArray().ToDictionary(
            s => s.GetProperty("key").GetString()!, s => s.GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()).ToArray());

    private static List<(string Bucket, int Count)> Ages(JsonElement trends) =>
        [.. trends.GetProperty("openByAge").EnumerateArray().Select(a => (a.GetProperty("bucket").GetString()!, a.GetProperty("count").GetInt32()))];

    private static List<(string Rule, int Raised, int Dismissed, double Share)> Rules(JsonElement trends) =>
        [.. trends.GetProperty("dismissedByRule").EnumerateArray().Select(r =>
            (r.GetProperty("rule").GetString()!, r.GetProperty("raised").GetInt32(), r.GetProperty("dismissed").GetInt32(), r.GetProperty("share").GetDouble()))];
}
