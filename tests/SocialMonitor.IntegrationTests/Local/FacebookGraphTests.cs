using System.Net;
using System.Text.Json;
using SocialMonitor.IntegrationTests.Support;
using SocialMonitor.Local;
using SocialMonitor.Local.Platforms.Facebook;

namespace SocialMonitor.IntegrationTests.Local;

/// <summary>The Facebook route table on the loopback host, spoken to over raw HTTP: paging, the token check and refusals in the Graph API's error shape.</summary>
public sealed class FacebookGraphTests : IAsyncLifetime
{
    private const string Token = "EAAGgraphTestToken31";
    private const string PageId = "104000000000951";

    private readonly FacebookGraph _graph = new(Data(posts: 5), new HashSet<string>(StringComparer.Ordinal) { Token });
    private readonly HttpClient _http = new();
    private LoopbackPlatformHost? _host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await LoopbackPlatformHost.StartAsync([_graph], Ct);

    [Fact]
    public async Task Feed_PagedByTwo_PagingNextFollowsToTheLastPageWithEveryParameterAndNoNextThere()
    {
        _graph.PageSize = 2;
        var ids = new List<string>();
        var pages = 0;
        string? url = $"{_graph.BaseUrl}/v25.0/{PageId}/feed?fields=id,message&since=0&access_token={Token}";

        while (url is not null)
        {
            var (status, body) = await GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, status);
            pages++;
            ids.AddRange(body.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetString()!));
            url = body.TryGetProperty("paging", out var paging) && paging.TryGetProperty("next", out var next) ? next.GetString() : null;
            if (url is not null)
            {
                Assert.StartsWith($"{_graph.BaseUrl}/v25.0/{PageId}/feed?", url, StringComparison.Ordinal);
                Assert.Contains($"access_token={Token}", url, StringComparison.Ordinal);
                Assert.Contains("since=0", url, StringComparison.Ordinal);
            }
        }

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(1, 5).Reverse().Select(n => $"{PageId}_{n}"), ids); // Newest first, each once.
        Assert.Equal(3, _graph.Requests.Count);
    }

    [Fact]
    public async Task Comments_FilterStream_RepliesFlattenedInTimeOrderAndTopLevelOnlyWithout()
    {
        var (_, stream) = await GetAsync($"{_graph.BaseUrl}/{PageId}_1/comments?filter=stream&access_token={Token}");
        var (_, topLevel) = await GetAsync($"{_graph.BaseUrl}/{PageId}_1/comments?access_token={Token}");

        Assert.Equal(["1_1", "1_2"], stream.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(["1_1"], topLevel.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("", 104, "An access token is required")]
    [InlineData("&access_token=EAAGsomeoneElse", 190, "Invalid OAuth access token")]
    public async Task Feed_MissingOrWrongToken_GraphErrorShapeWithItsCode(string query, int code, string message)
    {
        var (status, body) = await GetAsync($"{_graph.BaseUrl}/v25.0/{PageId}/feed?fields=id{query}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = body.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.StartsWith(message, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("OAuthException", error.GetProperty("type").GetString());
        Assert.True(error.TryGetProperty("fbtrace_id", out _));
    }

    [Fact]
    public async Task Get_UnknownEdgeOrDeletedObject_GraphErrors2500And100Subcode33()
    {
        var (edgeStatus, edge) = await GetAsync($"{_graph.BaseUrl}/v25.0/{PageId}/likes?access_token={Token}");
        _graph.Delete("1_2");
        var (goneStatus, gone) = await GetAsync($"{_graph.BaseUrl}/v25.0/1_2?fields=id&access_token={Token}");

        Assert.Equal((HttpStatusCode.BadRequest, 2500), (edgeStatus, edge.GetProperty("error").GetProperty("code").GetInt32()));
        Assert.Equal((HttpStatusCode.BadRequest, 100, 33),
            (goneStatus, gone.GetProperty("error").GetProperty("code").GetInt32(), gone.GetProperty("error").GetProperty("error_subcode").GetInt32()));
    }

    [Fact]
    public async Task Fault_InjectedForOneEdge_AnswersItBeforeAnyTokenCheck()
    {
        _graph.Fault = request => request.Path.Value!.EndsWith("/roles", StringComparison.Ordinal) ? FacebookSampleError.AppLimit() : null;

        var (status, body) = await GetAsync($"{_graph.BaseUrl}/v25.0/{PageId}/roles");
        var (profileStatus, profile) = await GetAsync($"{_graph.BaseUrl}/v25.0/{PageId}?access_token={Token}");

        Assert.Equal((HttpStatusCode.Forbidden, 4, true),
            (status, body.GetProperty("error").GetProperty("code").GetInt32(), body.GetProperty("error").GetProperty("is_transient").GetBoolean()));
        Assert.Equal((HttpStatusCode.OK, "CLN Graph Test"), (profileStatus, profile.GetProperty("name").GetString()));
    }

    [Fact]
    public void Load_ShippedSamples_EightPagesInIdOrderFromOneFilePerPage()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "samples", "facebook");

        var data = FacebookSampleData.Load(folder);

        Assert.Equal(Directory.GetFiles(folder, "*.json").Length, data.Pages.Count);
        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"10400000000000{n}"), data.Pages.Select(p => p.Id));
    }

    [Fact]
    public void Load_AFileThatIsNotAPage_FailsNamingTheFileAndTheProblem()
    {
        var folder = Directory.CreateTempSubdirectory("socialmonitor-samples-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "good.json"), """{"id":"1","posts":[]}""");
            File.WriteAllText(Path.Combine(folder, "bad.json"), """{"id":"2","posts":[{"id":"2_1"}]}""");

            var ex = Assert.Throws<InvalidDataException>(() => FacebookSampleData.Load(folder));

            Assert.Contains("bad.json", ex.Message, StringComparison.Ordinal);
            Assert.Contains("created_time", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string url)
    {
        using var response = await _http.GetAsync(new Uri(url), Ct);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone());
    }

    /// <summary>One Page with <paramref name="posts"/> posts a day apart, a comment and a reply on the first, a profile and a role.</summary>
    private static FacebookSampleData Data(int posts)
    {
        var list = string.Join(",", Enumerable.Range(1, posts).Select(n =>
            $$"""{"id":"{{PageId}}_{{n}}","created_time":"2026-10-{{n:00}}T12:00:00+0000","message":"Post {{n}}"}"""));
        return FacebookSampleData.Parse($$$"""
            {"pages":[{"id":"{{{PageId}}}","name":"CLN Graph Test","posts":[{{{list}}}],
              "comments":{"{{{PageId}}}_1":[
                {"id":"1_2","created_time":"2026-10-02T09:00:00+0000","message":"A reply","parent":{"id":"1_1"}},
                {"id":"1_1","created_time":"2026-10-02T08:00:00+0000","message":"A comment"}]},
              "profile":{"id":"{{{PageId}}}","name":"CLN Graph Test"},
              "roles":[{"id":"1000000000100","name":"Jordan Avery","tasks":["MANAGE"]}]}]}
            """);
    }
}
