using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialMonitor.Cli.Demo;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Platforms.Facebook;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Platforms.Facebook;

public sealed class FacebookClientTests
{
    private const string Token = "EAAGtestPageToken7Qx9";
    private const string PageId = "104000000000901";
    private const string PageName = "Community Library Network - Test";
    private const string AccountId = "cln-test-fb";
    private const string PathBase = "/facebook";

    private static readonly DateTimeOffset Since = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReadAsync_FeedAndCommentsSpanSeveralPages_ReadsEveryItemAndCountsCalls()
    {
        var ct = TestContext.Current.CancellationToken;
        var posts = Enumerable.Range(1, 5).Select(n => Post(n, Day(n + 1))).ToList();
        var comments = new Dictionary<int, List<JsonObject>>
        {
            [1] = [.. Enumerable.Range(1, 5).Select(n => Comment(1, n, Day(7).AddMinutes(n)))],
            [2] = [Comment(2, 1, Day(7))],
        };
        await using var server = await StartServerAsync(Data(posts, comments), ct);
        server.PageSize = 2;
        await using var services = BuildServices(server.BaseUrl);

        var result = await Client(services).ReadAsync(TestAccount(), Token, Since, ct);

        // Feed: 5 posts in pages of 2 = 3 calls. Comments: post 1 has 5 (3 calls), the four others 1 call each.
        Assert.Equal(10, result.Calls);
        Assert.Equal(server.Requests.Count, result.Calls);
        var expected = posts.Select(p => (string)p["id"]!)
            .Concat(comments.Values.SelectMany(c => c).Select(c => (string)c["id"]!))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, result.Items.Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.Equal(2, server.Requests.Count(r => r.Contains("/feed?", StringComparison.Ordinal) && r.Contains("after=", StringComparison.Ordinal)));
        Assert.Equal(2, server.Requests.Count(r => r.Contains($"/{PageId}_{PostNumber(1)}/comments?", StringComparison.Ordinal)
            && r.Contains("after=", StringComparison.Ordinal)));
        Assert.All(server.Requests.Where(r => r.Contains("/comments?", StringComparison.Ordinal)),
            r => Assert.Contains("filter=stream", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_PostsCommentsAndReplies_MapsKindsParentsOriginsLinksMediaAndTimes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await StartServerAsync(FacebookSampleData.Parse(MappingJson), ct);
        await using var services = BuildServices(server.BaseUrl);

        var result = await Client(services).ReadAsync(TestAccount(), Token, Since, ct);
        var items = result.Items.ToDictionary(i => i.Id);

        var post = items[$"{PageId}_5001"];
        Assert.Equal((ItemKinds.Post, (string?)null, ItemOrigins.Official), (post.Kind, post.ParentId, post.Origin));
        Assert.Equal(new ItemAuthor(PageId, PageName), post.Author);
        Assert.Equal("Storytime moves to Thursdays! https://bit.ly/3clnStory", post.Text);
        Assert.Equal(["https://www.communitylibrary.net/events/storytime", "https://www.eventbrite.com/e/robot-workshop-1234"], post.Links);
        Assert.Equal(
            [new ItemMedia("photo", "https://scontent.example.net/a.jpg", null, false), new ItemMedia("photo", "https://scontent.example.net/b.jpg", null, false)],
            post.Media);
        Assert.Equal(new DateTimeOffset(2026, 10, 2, 15, 4, 5, TimeSpan.Zero), post.CreatedAt);
        Assert.Equal(TimeSpan.Zero, post.CreatedAt!.Value.Offset);
        Assert.Null(post.EditedAt);
        Assert.Equal("https://www.facebook.com/104000000000901/posts/5001/", post.Permalink);
        Assert.Equal((AccountId, PlatformNames.Facebook, false), (post.Account, post.Platform, post.Hidden));

        var visitorPost = items[$"{PageId}_5002"];
        Assert.Equal((ItemKinds.Post, ItemOrigins.Guest), (visitorPost.Kind, visitorPost.Origin));
        Assert.Equal(new ItemAuthor("9001", "Robin Guest"), visitorPost.Author);
        Assert.Equal("", visitorPost.Text);

        var comment = items["5001_7001"];
        Assert.Equal((ItemKinds.Comment, $"{PageId}_5001", ItemOrigins.Guest), (comment.Kind, comment.ParentId, comment.Origin));
        Assert.Null(comment.Author);
        Assert.Equal(["https://www.example.com/my-blog"], comment.Links);
        Assert.True(comment.Hidden);
        Assert.Equal(new DateTimeOffset(2026, 10, 3, 8, 0, 0, TimeSpan.Zero), comment.CreatedAt);

        var officialReply = items["5001_7002"];
        Assert.Equal((ItemKinds.Reply, "5001_7001", ItemOrigins.Official), (officialReply.Kind, officialReply.ParentId, officialReply.Origin));
        Assert.Equal(new ItemAuthor(PageId, PageName), officialReply.Author);

        var guestReply = items["5001_7003"];
        Assert.Equal((ItemKinds.Reply, "5001_7001", ItemOrigins.Guest), (guestReply.Kind, guestReply.ParentId, guestReply.Origin));
        Assert.Equal(new ItemAuthor("9002", "Casey Reader"), guestReply.Author);
        Assert.Equal([new ItemMedia("photo", "https://scontent.example.net/c.jpg", null, false)], guestReply.Media);
        Assert.Empty(guestReply.Links);

        Assert.Equal(5, result.Items.Count);
        Assert.Equal(new DateTimeOffset(2026, 10, 4, 9, 30, 0, TimeSpan.Zero), result.Cursor);
    }

    [Fact]
    public async Task ReadAsync_CommentsWithoutId_TakeTheIdFromThePermalinkOrAreSkippedWithAWarning()
    {
        var ct = TestContext.Current.CancellationToken;
        var permalink = $"https://www.facebook.com/{PageId}/posts/{PostNumber(1)}/";
        var comments = new Dictionary<int, List<JsonObject>>
        {
            [1] =
            [
                new() { ["created_time"] = Wire(Day(3)), ["message"] = "No id here", ["permalink_url"] = permalink + "?comment_id=801" },
                new()
                {
                    ["created_time"] = Wire(Day(3).AddHours(1)), ["message"] = "A reply without id",
                    ["permalink_url"] = permalink + "?comment_id=801&reply_comment_id=802",
                },
                new() { ["created_time"] = Wire(Day(3).AddHours(2)), ["message"] = "Nothing to go on" },
                Comment(1, 9, Day(4)),
            ],
        };
        await using var server = await StartServerAsync(Data([Post(1, Day(2))], comments), ct);
        var logs = new CapturingLoggerProvider();
        await using var services = BuildServices(server.BaseUrl, logs);

        var result = await Client(services).ReadAsync(TestAccount(), Token, Since, ct);

        var items = result.Items.ToDictionary(i => i.Id);
        Assert.Equal(4, items.Count);
        Assert.Equal((ItemKinds.Comment, $"{PageId}_{PostNumber(1)}"), (items[$"{PostNumber(1)}_801"].Kind, items[$"{PostNumber(1)}_801"].ParentId));
        Assert.Equal((ItemKinds.Reply, $"{PostNumber(1)}_801"), (items[$"{PostNumber(1)}_802"].Kind, items[$"{PostNumber(1)}_802"].ParentId));
        Assert.Contains(logs.Logs, l => l.Level == LogLevel.Warning && l.Message.Contains($"{PageId}_{PostNumber(1)}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    public async Task ReadAsync_BaseUrlWithPath_KeepsThePathWithOrWithoutTrailingSlash(string suffix)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await StartServerAsync(Data([Post(1, Day(2))], []), ct);
        await using var services = BuildServices(server.BaseUrl + suffix);

        var result = await Client(services).ReadAsync(TestAccount(), Token, Since, ct);

        Assert.Single(result.Items);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.StartsWith($"{PathBase}/v25.0/{PageId}", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_Since_ReadsOnlyNewerPostsAndMovesTheCursorToTheLatest()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await StartServerAsync(Data([Post(1, Day(2)), Post(2, Day(5)), Post(3, Day(8).AddHours(3))], []), ct);
        await using var services = BuildServices(server.BaseUrl);

        var result = await Client(services).ReadAsync(TestAccount(), Token, Day(4), ct);

        Assert.Equal([$"{PageId}_{PostNumber(2)}", $"{PageId}_{PostNumber(3)}"], result.Items.Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.Equal(Day(8).AddHours(3), result.Cursor);
        Assert.Contains(server.Requests, r => r.Contains($"since={Day(4).ToUnixTimeSeconds()}&", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_NothingSince_ReturnsNoItemsAndKeepsTheCursor()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await StartServerAsync(Data([Post(1, Day(2))], []), ct);
        await using var services = BuildServices(server.BaseUrl);

        var result = await Client(services).ReadAsync(TestAccount(), Token, Day(10), ct);

        Assert.Empty(result.Items);
        Assert.Equal(Day(10), result.Cursor);
        Assert.Equal(1, result.Calls);
    }

    [Fact]
    public async Task ReadAsync_ServerErrorOnSecondFeedPage_ThrowsPlatformExceptionNamingPlatformAccountAndUrlWithoutToken()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await StartServerAsync(Data([Post(1, Day(2)), Post(2, Day(3)), Post(3, Day(4))], []), ct);
        server.PageSize = 2;
        server.Fault = request => request.Path.Value!.EndsWith("/feed", StringComparison.Ordinal) && request.Query.ContainsKey("after") ? 500 : null;
        await using var services = BuildServices(server.BaseUrl);

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Client(services).ReadAsync(TestAccount(), Token, Since, ct));

        Assert.Equal((500, 1), (ex.StatusCode, ex.ErrorCode));
        Assert.StartsWith($"facebook account {AccountId}: GET {server.BaseUrl}/v25.0/{PageId}/feed?", ex.Message, StringComparison.Ordinal);
        Assert.Contains("after=", ex.Message, StringComparison.Ordinal);
        Assert.Contains("access_token=***", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("answered 500: (#1) An unknown error occurred", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_TruncatedBody_ThrowsPlatformExceptionNamingTheUrl()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await StartServerAsync(Data([Post(1, Day(2))], new() { [1] = [Comment(1, 1, Day(3))] }), ct);
        server.Truncate = request => request.Path.Value!.EndsWith("/comments", StringComparison.Ordinal);
        await using var services = BuildServices(server.BaseUrl);

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Client(services).ReadAsync(TestAccount(), Token, Since, ct));

        Assert.StartsWith($"facebook account {AccountId}: GET {server.BaseUrl}/v25.0/{PageId}_{PostNumber(1)}/comments?", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
        Assert.DoesNotContain(Token, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BadToken_ThrowsPlatformExceptionWithErrorCode190()
    {
        var ct = TestContext.Current.CancellationToken;
        const string badToken = "EAAGnotAcceptedToken55";
        await using var server = await StartServerAsync(Data([Post(1, Day(2))], []), ct);
        await using var services = BuildServices(server.BaseUrl);

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Client(services).ReadAsync(TestAccount(), badToken, Since, ct));

        Assert.Equal((400, 190), (ex.StatusCode, ex.ErrorCode));
        Assert.Contains("(#190) Invalid OAuth access token", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(badToken, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UnknownPage_ThrowsPlatformExceptionWithCode100Subcode33()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await StartServerAsync(Data([Post(1, Day(2))], []), ct);
        await using var services = BuildServices(server.BaseUrl);

        var ex = await Assert.ThrowsAsync<PlatformException>(
            () => Client(services).ReadAsync(TestAccount("104000000000999"), Token, Since, ct));

        Assert.Equal((400, 100, 33), (ex.StatusCode, ex.ErrorCode, ex.ErrorSubcode));
    }

    [Fact]
    public async Task ReadAsync_SuccessAndFailure_LogNoTokenAnywhere()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await StartServerAsync(Data([Post(1, Day(2)), Post(2, Day(3))], new() { [1] = [Comment(1, 1, Day(3))] }), ct);
        server.PageSize = 1;
        var logs = new CapturingLoggerProvider();
        await using var services = BuildServices(server.BaseUrl, logs);
        var client = Client(services);

        await client.ReadAsync(TestAccount(), Token, Since, ct);
        server.Fault = request => request.Query.ContainsKey("after") ? 500 : null;
        await Assert.ThrowsAsync<PlatformException>(() => client.ReadAsync(TestAccount(), Token, Since, ct));
        server.Fault = null;
        await Assert.ThrowsAsync<PlatformException>(() => client.ReadAsync(TestAccount(), "EAAGotherBadToken", Since, ct));

        Assert.Contains(server.Requests, r => r.Contains(Token, StringComparison.Ordinal));
        var requestLogs = logs.Logs.Where(l => l.Category == typeof(FacebookClient).FullName && l.EventId.Id == 1).ToList();
        Assert.True(requestLogs.Count >= 6, $"expected a log line per request, got {requestLogs.Count}");
        Assert.All(requestLogs, l => Assert.Contains("access_token=***", l.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Logs, l => l.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
        Assert.All(logs.Logs, l => Assert.DoesNotContain(Token, l.Everything, StringComparison.Ordinal));
        Assert.All(logs.Logs, l => Assert.DoesNotContain("EAAGotherBadToken", l.Everything, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_ShippedSampleData_LoadsAndMapsEveryPostAndComment()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = FacebookSampleData.Load(Path.Combine(RepositoryRoot(), "samples", "facebook.json"));
        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"10400000000000{n}"), data.Pages.Select(p => p.Id));
        await using var server = await StartServerAsync(data, ct);
        await using var services = BuildServices(server.BaseUrl);
        var client = Client(services);
        var first = new DateTimeOffset(2026, 10, 2, 0, 0, 0, TimeSpan.Zero);
        var last = new DateTimeOffset(2026, 10, 14, 12, 0, 0, TimeSpan.Zero);

        foreach (var page in data.Pages)
        {
            var account = TestAccount(page.Id);
            var result = await client.ReadAsync(account, Token, new DateTimeOffset(2026, 10, 1, 18, 0, 0, TimeSpan.Zero), ct);

            var expected = page.Posts.Concat(page.Comments.Values.SelectMany(c => c)).Select(e => e.GetProperty("id").GetString()!).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected.Order(StringComparer.Ordinal), result.Items.Select(i => i.Id).Order(StringComparer.Ordinal));
            var ids = result.Items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            Assert.All(result.Items, item =>
            {
                Assert.InRange(item.CreatedAt!.Value, first, last);
                Assert.True(item.ParentId is null || ids.Contains(item.ParentId), $"{item.Id}: parent {item.ParentId} not read");
                Assert.Equal(item.Kind == ItemKinds.Post, item.ParentId is null);
                Assert.DoesNotContain(item.Links, l => l.Contains("l.facebook.com", StringComparison.Ordinal));
            });
            Assert.Contains(result.Items, i => i.Origin == ItemOrigins.Official);
        }
    }

    private const string MappingJson = """
        {"pages":[{"id":"104000000000901","name":"Community Library Network - Test",
          "posts":[
            {"id":"104000000000901_5001","created_time":"2026-10-02T15:04:05+0000","updated_time":"2026-10-04T09:00:00+0000",
             "message":"Storytime moves to Thursdays! https://bit.ly/3clnStory",
             "permalink_url":"https://www.facebook.com/104000000000901/posts/5001/",
             "from":{"name":"Community Library Network - Test","id":"104000000000901"},"is_hidden":false,
             "attachments":{"data":[
               {"type":"share","media_type":"link","description":"Storytime at the library",
                "url":"https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.communitylibrary.net%2Fevents%2Fstorytime&h=AT1xyz",
                "unshimmed_url":"https://www.communitylibrary.net/events/storytime"},
               {"type":"album","media_type":"album","url":"https://www.facebook.com/104000000000901/posts/5001/",
                "unshimmed_url":"https://www.facebook.com/104000000000901/posts/5001/",
                "subattachments":{"data":[
                  {"type":"photo","media":{"image":{"height":720,"width":720,"src":"https://scontent.example.net/a.jpg"}},
                   "url":"https://www.facebook.com/photo.php?fbid=61"},
                  {"type":"photo","media":{"image":{"height":720,"width":720,"src":"https://scontent.example.net/b.jpg"}},
                   "url":"https://www.facebook.com/photo.php?fbid=62"},
                  {"type":"share","url":"https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.eventbrite.com%2Fe%2Frobot-workshop-1234&h=AT2abc"}]}}]}},
            {"id":"104000000000901_5002","created_time":"2026-10-04T09:30:00+0000","updated_time":"2026-10-04T09:30:00+0000",
             "permalink_url":"https://www.facebook.com/104000000000901/posts/5002/",
             "from":{"name":"Robin Guest","id":"9001"}}],
          "comments":{"104000000000901_5001":[
            {"id":"5001_7001","created_time":"2026-10-03T08:00:00+0000","message":"Here is my write-up",
             "permalink_url":"https://www.facebook.com/104000000000901/posts/5001/?comment_id=7001","is_hidden":true,
             "attachment":{"type":"share","url":"https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.example.com%2Fmy-blog&h=AT3def",
                           "unshimmed_url":"https://www.example.com/my-blog"}},
            {"id":"5001_7002","created_time":"2026-10-03T09:00:00+0000","message":"Thanks for sharing!",
             "from":{"name":"Community Library Network - Test","id":"104000000000901"},"parent":{"id":"5001_7001"},
             "permalink_url":"https://www.facebook.com/104000000000901/posts/5001/?comment_id=7001&reply_comment_id=7002"},
            {"id":"5001_7003","created_time":"2026-10-03T10:00:00+0000","message":"Great photo",
             "from":{"name":"Casey Reader","id":"9002"},"parent":{"id":"5001_7001"},
             "permalink_url":"https://www.facebook.com/104000000000901/posts/5001/?comment_id=7001&reply_comment_id=7003",
             "attachment":{"type":"photo","media":{"image":{"height":400,"width":400,"src":"https://scontent.example.net/c.jpg"}},
                           "url":"https://www.facebook.com/photo.php?fbid=63"}}]}}]}
        """;

    private static Account TestAccount(string pageId = PageId) => new()
    {
        Id = AccountId,
        Platform = PlatformNames.Facebook,
        PlatformId = pageId,
        Location = "test",
        Token = "cln-test-fb-token",
    };

    private static ServiceProvider BuildServices(string baseUrl, CapturingLoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        services.AddHttpClient();
        services.AddFacebook();
        services.AddSingleton(Options.Create(new PlatformsOptions
        {
            Facebook = new PlatformOptions { BaseUrl = baseUrl, ApiVersion = "v25.0" },
        }));
        return services.BuildServiceProvider();
    }

    private static FacebookClient Client(ServiceProvider services) =>
        Assert.IsType<FacebookClient>(Assert.Single(services.GetServices<IPlatformClient>()));

    private static Task<FacebookSampleServer> StartServerAsync(FacebookSampleData data, CancellationToken ct) =>
        FacebookSampleServer.StartAsync(data, PathBase, new HashSet<string>(StringComparer.Ordinal) { Token }, ct);

    private static DateTimeOffset Day(int day) => new(2026, 10, day, 12, 0, 0, TimeSpan.Zero);

    private static string Wire(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", CultureInfo.InvariantCulture);

    private static string PostNumber(int n) => (1229000000000000L + n).ToString(CultureInfo.InvariantCulture);

    private static JsonObject Post(int n, DateTimeOffset created) => new()
    {
        ["id"] = $"{PageId}_{PostNumber(n)}",
        ["created_time"] = Wire(created),
        ["updated_time"] = Wire(created),
        ["message"] = $"Post number {n}",
        ["permalink_url"] = $"https://www.facebook.com/{PageId}/posts/{PostNumber(n)}/",
        ["from"] = new JsonObject { ["name"] = PageName, ["id"] = PageId },
        ["is_hidden"] = false,
    };

    private static JsonObject Comment(int post, int n, DateTimeOffset created) => new()
    {
        ["id"] = $"{PostNumber(post)}_{9000 + n}",
        ["created_time"] = Wire(created),
        ["message"] = $"Comment {n} on post {post}",
        ["permalink_url"] = $"https://www.facebook.com/{PageId}/posts/{PostNumber(post)}/?comment_id={9000 + n}",
    };

    private static FacebookSampleData Data(IEnumerable<JsonObject> posts, Dictionary<int, List<JsonObject>> comments)
    {
        var commentsByPost = new JsonObject();
        foreach (var (post, list) in comments)
        {
            commentsByPost[$"{PageId}_{PostNumber(post)}"] = new JsonArray([.. list]);
        }
        var root = new JsonObject
        {
            ["pages"] = new JsonArray(new JsonObject
            {
                ["id"] = PageId,
                ["name"] = PageName,
                ["posts"] = new JsonArray([.. posts]),
                ["comments"] = commentsByPost,
            }),
        };
        return FacebookSampleData.Parse(root.ToJsonString());
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialMonitor.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No SocialMonitor.sln above {AppContext.BaseDirectory}");
    }
}
