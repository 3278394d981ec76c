using SocialMonitor.Local;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Cli;
using SocialMonitor.Core.Findings;
using SocialMonitor.IntegrationTests.Pipeline;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Api;

/// <summary><c>GET /api/findings</c> over HTTP: Kestrel (<c>socialmonitor serve</c>) with the same handlers as the functions, Azurite behind.</summary>
public sealed class FindingsApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string CoordinatorKey = ApiHost.CoordinatorKey;
    private const string HaydenKey = ApiHost.HaydenKey;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetFindings_NoKey_Is401ProblemDetails()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);
        await using var api = await StartApiAsync();
        using var client = new HttpClient();

        var response = await client.GetAsync(api.Url + "/api/findings", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("urn:socialmonitor:problem:unauthorized", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task GetFindings_Keys_CoordinatorSeesAllNewestFirstAndManagerOnlyTheirs()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);
        await run.ScanAndDrainAsync(Ct);
        await using var api = await StartApiAsync();

        var all = await GetAllAsync(api.Url, CoordinatorKey, "pageSize=2");
        var hayden = await GetAllAsync(api.Url, HaydenKey, "");
        var filtered = await GetAllAsync(api.Url, CoordinatorKey, "location=bookmobile&status=open");

        Assert.Equal(PipelineData.FindingCount + 1, all.Count);
        Assert.Equal(all.Select(f => f.GetProperty("id").GetString()).Distinct().Count(), all.Count);
        Assert.Equal(PipelineData.FindingCount, hayden.Count);
        Assert.All(hayden, f => Assert.Equal("hayden", f.GetProperty("location").GetString()));
        Assert.Equal("governance.managers", Assert.Single(filtered).GetProperty("rule").GetString());
        var first = all[0];
        foreach (var field in new[] { "id", "rule", "family", "severity", "status", "location", "account", "platform", "itemId", "clause", "evidence", "explanation", "firstSeen", "lastSeen" })
        {
            Assert.True(first.TryGetProperty(field, out _), $"a finding carries {field}");
        }
    }

    [Theory]
    [InlineData("status=closed", "status")]
    [InlineData("pageSize=500", "pageSize")]
    [InlineData("continuationToken=not-a-token", "continuation")]
    public async Task GetFindings_BadParameter_Is400NamingIt(string query, string named)
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);
        await using var api = await StartApiAsync();
        using var client = Client(CoordinatorKey);

        var response = await client.GetAsync($"{api.Url}/api/findings?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetFindings_ContinuationTokenOfAnotherFilter_IsRefused()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);
        await run.ScanAndDrainAsync(Ct);
        await using var api = await StartApiAsync();
        using var client = Client(CoordinatorKey);
        var page = await client.GetFromJsonAsync<JsonElement>($"{api.Url}/api/findings?pageSize=1", Ct);
        var token = page.GetProperty("continuationToken").GetString();

        var response = await client.GetAsync($"{api.Url}/api/findings?pageSize=1&location=hayden&continuationToken={token}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GetFinding_OtherLocationsFindingForManager_Is404()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);
        await run.ScanAndDrainAsync(Ct);
        await using var api = await StartApiAsync();
        var bookmobile = (await run.FindingsAsync(Ct)).Single(f => f.Location == "bookmobile");

        using var manager = Client(HaydenKey);
        using var coordinator = Client(CoordinatorKey);

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{api.Url}/api/findings/{bookmobile.Id}", Ct)).StatusCode);
        var found = await coordinator.GetFromJsonAsync<JsonElement>($"{api.Url}/api/findings/{bookmobile.Id}", Ct);
        Assert.Equal(bookmobile.Id, found.GetProperty("id").GetString());
    }

    private static async Task<List<JsonElement>> GetAllAsync(string url, string key, string query)
    {
        using var client = Client(key);
        var items = new List<JsonElement>();
        string? token = null;
        do
        {
            var next = token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}";
            var page = await client.GetFromJsonAsync<JsonElement>($"{url}/api/findings?{query}{next}", Ct);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            token = page.GetProperty("continuationToken").GetString();
        }
        while (token is not null);
        return items;
    }

    private static HttpClient Client(string key)
    {
        var client = new HttpClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private async Task<RunningApi> StartApiAsync()
    {
        var app = ApiServer.Build(new ConfigurationBuilder().AddInMemoryCollection(ApiHost.Settings(azurite.ConnectionString)).Build(), "http://127.0.0.1:0", verbose: false);
        return new RunningApi(app, await ApiHost.ListenAsync(app, Ct));
    }

    private sealed record RunningApi(WebApplication App, string Url) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
