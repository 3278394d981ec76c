using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Platforms.X;
using SocialMonitor.Core.Scanning;
using SocialMonitor.IntegrationTests.Support;
using SocialMonitor.Local;
using SocialMonitor.Local.Platforms.X;

namespace SocialMonitor.IntegrationTests.Platforms.X;

/// <summary>The X client, registered by the app's own host, against X API v2 on the loopback host: every stream, edits, deletions, the error answers, rate limits and the read budget.</summary>
public sealed class XClientTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncDisposable
{
    private const string Token = "AAAAAAAAAAAAAAAAAAAAAXtestBearer%2Fq9Zk";
    private const string UserId = "1580000000000000901";
    private const string GuestId = "1600000000000000901";
    private const string AccountId = "cln-test-x";

    private static readonly DateTimeOffset Now = TestHost.Start;
    private static readonly DateTimeOffset Since = Now.AddDays(-14);

    private readonly LoopbackHosts _hosts = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_PostsOverSeveralPages_ReadsToTheLastPageWithSinceIdHintsAndUnitsPerPostAndUser()
    {
        var posts = Enumerable.Range(1, 5).Select(n => Post(PostId(n), Now.AddDays(-n), $"Post number {n}", replies: n)).ToList();
        var server = await StartServerAsync(Data(posts));
        server.PageSize = 2;
        await using var services = Services(server);
        var session = Session();

        var read = await Client(services).ReadAsync(session, new StreamRequest(StreamNames.Posts, Since: Since), Ct);

        Assert.Equal(Enumerable.Range(1, 5).Select(PostId), read.Items.Select(i => i.Id));
        Assert.Equal(new ChangeHint("3", 3), read.Hints[PostId(3)]);
        Assert.All(read.Items, i => Assert.Equal((ItemKinds.Post, ItemOrigins.Official), (i.Kind, i.Origin)));
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(2, server.Requests.Count(r => r.Contains("pagination_token=", StringComparison.Ordinal)));
        Assert.All(server.Requests, r => Assert.Contains("since_id=", r, StringComparison.Ordinal));
        Assert.All(server.Requests, r => Assert.Contains("note_tweet", r, StringComparison.Ordinal));
        Assert.Equal(new Dictionary<string, int> { [StreamNames.Posts] = 3 }, session.Calls);
        Assert.Equal(5 + 3, session.Units[StreamNames.Posts]); // Five posts and the author once a page: what X bills.
    }

    [Fact]
    public async Task ReadAsync_PostsSince_SinceIdFromTheCursorReturnsOnlyNewerPosts()
    {
        var server = await StartServerAsync(Data([Post(PostId(1), Now.AddDays(-1), "new"), Post(PostId(20), Now.AddDays(-20), "old")]));
        await using var services = Services(server);

        var read = await Client(services).ReadAsync(Session(), new StreamRequest(StreamNames.Posts, Since: Now.AddDays(-2)), Ct);

        Assert.Equal([PostId(1)], read.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task ReadAsync_LongPostWithLinksAndMedia_ReadsNoteTweetExpandedLinksAndAltTextPresentAndAbsent()
    {
        var longText = string.Concat(Enumerable.Repeat("Read with us this fall at every library. ", 9)) + "Sign up: https://t.co/AbCdEf1234";
        var post = Post(PostId(1), Now.AddDays(-1), longText[..270] + "\u2026 https://t.co/Photo12345");
        post["note_tweet"] = new JsonObject
        {
            ["text"] = longText,
            ["entities"] = new JsonObject { ["urls"] = new JsonArray(Url("https://t.co/AbCdEf1234", "https://bit.ly/cln-fall", unwound: "https://www.communitylibrary.net/fall")) },
        };
        post["entities"] = new JsonObject { ["urls"] = new JsonArray(Url("https://t.co/Photo12345", $"https://x.com/cln/status/{PostId(1)}/photo/1", display: "pic.x.com/Photo12345")) };
        post["attachments"] = new JsonObject { ["media_keys"] = new JsonArray("3_1", "3_2") };
        var data = Data([post], media: [Media("3_1", "A stack of books."), Media("3_2", null)]);
        var server = await StartServerAsync(data);
        await using var services = Services(server);

        var item = Assert.Single((await Client(services).ReadAsync(Session(), new StreamRequest(StreamNames.Posts, Since: Since), Ct)).Items);

        Assert.Equal(longText, item.Text);
        Assert.Equal(["https://www.communitylibrary.net/fall"], item.Links);
        Assert.Equal([("photo", "A stack of books."), ("photo", "")], item.Media.Select(m => (m.Type, m.AltText)));
        Assert.All(item.Media, m => Assert.Null(m.Captions));
    }

    [Fact]
    public async Task ReadAsync_EditedPost_IsKeptUnderItsOriginalIdInItsNewestVersion()
    {
        var original = PostId(2);
        var edit = PostId(1);
        var first = Post(original, Now.AddHours(-3), "Author talk Tuesday", history: [original]);
        var server = await StartServerAsync(Data([first]));
        await using var services = Services(server);
        var client = Client(services);
        var before = Assert.Single((await client.ReadAsync(Session(), new StreamRequest(StreamNames.Posts, Since: Since), Ct)).Items);

        server.Edit(original, Post(edit, Now.AddHours(-2), "Author talk moves to Thursday", history: [original, edit]).ToJsonString());
        var after = Assert.Single((await client.ReadAsync(Session(), new StreamRequest(StreamNames.Posts, Since: Since), Ct)).Items);

        Assert.Equal((original, (DateTimeOffset?)null), (before.Id, before.EditedAt));
        Assert.Equal((original, "Author talk moves to Thursday", (DateTimeOffset?)Now.AddHours(-2)), (after.Id, after.Text, after.EditedAt));
        Assert.Equal($"https://x.com/clntest/status/{original}", after.Permalink);
    }

    [Fact]
    public async Task ReadAsync_ConversationAndMentions_ReadsRepliesAsCommentsAndRepliesWithTheirParentsAndGuestOrigin()
    {
        var post = Post(PostId(3), Now.AddDays(-1), "Book sale tickets", replies: 2);
        var comment = Post(PostId(2), Now.AddHours(-20), "@clntest I'm at 2217 E Mullan Ave", author: GuestId, conversation: PostId(3), repliedTo: PostId(3));
        var answer = Post(PostId(1), Now.AddHours(-19), "@guest we will call you", conversation: PostId(3), repliedTo: PostId(2));
        var server = await StartServerAsync(Data([post], mentions: [comment], replies: [comment, answer]));
        server.PageSize = 1;
        await using var services = Services(server);
        var client = Client(services);
        var session = Session();

        var replies = await client.ReadAsync(session, new StreamRequest(XClient.Replies, PostId(3)), Ct);
        var mentions = await client.ReadAsync(session, new StreamRequest(XClient.Mentions, Since: Since), Ct);

        Assert.Equal([(PostId(1), ItemKinds.Reply, PostId(2), ItemOrigins.Official), (PostId(2), ItemKinds.Comment, PostId(3), ItemOrigins.Guest)],
            replies.Items.Select(i => (i.Id, i.Kind, i.ParentId, i.Origin)));
        Assert.Equal("Gene Guest", replies.Items[1].Author?.Name);
        var mention = Assert.Single(mentions.Items); // The same item whichever stream met it.
        Assert.Equal(ItemJson.Serialize(replies.Items[1]), ItemJson.Serialize(mention));
        Assert.Contains(server.Requests, r => r.Contains("query=conversation_id%3A" + PostId(3), StringComparison.Ordinal) && r.Contains("next_token=", StringComparison.Ordinal));
        Assert.Equal(2, session.Calls[XClient.Replies]);
    }

    [Fact]
    public async Task IsGoneAsync_PostThatExistsThenIsDeleted_FalseThenTrueOnlyOnA200WithResourceNotFound()
    {
        var server = await StartServerAsync(Data([Post(PostId(1), Now.AddDays(-1), "soon gone")]));
        await using var services = Services(server);
        var client = Client(services);

        var before = await client.IsGoneAsync(Session(), PostId(1), Ct);
        server.Delete(PostId(1));
        var after = await client.IsGoneAsync(Session(), PostId(1), Ct);
        server.Fault = _ => LoopbackAnswer.Json(200, new JsonObject { ["meta"] = new JsonObject() });
        var unclear = await Assert.ThrowsAsync<PlatformException>(() => client.IsGoneAsync(Session(), PostId(1), Ct));

        Assert.Equal((false, true), (before, after));
        Assert.Contains("neither the post nor resource-not-found", unclear.Message, StringComparison.Ordinal);
        Assert.Contains(server.Requests, r => r.Contains($"/2/tweets?ids={PostId(1)}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_PartialAnswer_KeepsTheDataBesideTheErrorsAndLogsThem()
    {
        var server = await StartServerAsync(Data([]));
        server.Fault = _ => LoopbackAnswer.Json(200, JsonNode.Parse($$$"""
            {"data":[{"id":"{{{PostId(1)}}}","text":"kept","created_at":"2026-10-14T12:00:00.000Z","edit_history_tweet_ids":["{{{PostId(1)}}}"]}],
             "errors":[{"value":"{{{PostId(2)}}}","title":"Not Found Error","resource_id":"{{{PostId(2)}}}","type":"https://api.twitter.com/2/problems/resource-not-found"}],
             "meta":{"result_count":1}}
            """)!);
        var logs = new CapturingLoggerProvider();
        await using var services = Services(server, logs: logs);

        var read = await Client(services).ReadAsync(Session(), new StreamRequest(StreamNames.Posts, Since: Since), Ct);

        Assert.Equal("kept", Assert.Single(read.Items).Text);
        Assert.Contains(logs.Logs, l => l.Category == typeof(XClient).FullName && l.Message.Contains(PostId(2), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("text", "Rate limit exceeded")]
    [InlineData("problem", """{"title":"Too Many Requests","type":"about:blank","status":429,"detail":"Too Many Requests"}""")]
    [InlineData("v1.1", """{"errors":[{"code":88,"message":"Rate limit exceeded"}]}""")]
    public async Task ReadAsync_429InEachBodyShapeWithAResetBeyondMaxWait_ThrowsThrottledWithTheResetAndDoesNotRetry(string shape, string body)
    {
        var server = await StartServerAsync(Data([Post(PostId(1), Now.AddDays(-1), "x")]));
        var reset = Now.AddMinutes(10).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        server.Fault = _ => new LoopbackAnswer(429, System.Text.Encoding.UTF8.GetBytes(body))
        {
            ContentType = shape == "text" ? "text/plain" : "application/json",
            Headers = new Dictionary<string, string> { ["x-rate-limit-limit"] = "450", ["x-rate-limit-remaining"] = "0", ["x-rate-limit-reset"] = reset },
        };
        await using var services = Services(server, maxWaitSeconds: 60);

        var e = await Assert.ThrowsAsync<PlatformException>(() => Client(services).ReadAsync(Session(), new StreamRequest(StreamNames.Posts, Since: Since), Ct));

        Assert.Equal((PlatformErrorKind.Throttled, 429, TimeSpan.FromMinutes(10)), (e.Kind, e.StatusCode, e.RetryAfter));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ReadAsync_429WithAResetWithinMaxWait_WaitsForTheResetOnTheClockAndReads()
    {
        var server = await StartServerAsync(Data([Post(PostId(1), Now.AddDays(-1), "x")]));
        var faults = 0;
        server.Fault = _ => Interlocked.Increment(ref faults) == 1
            ? XApi.Problem(429, "Too Many Requests", "about:blank", "Too Many Requests") with
            {
                Headers = new Dictionary<string, string> { ["x-rate-limit-remaining"] = "0", ["x-rate-limit-reset"] = Now.AddSeconds(20).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
            }
            : null;
        var time = new FakeTimeProvider(Now);
        await using var services = Services(server, time: time);

        var reading = Client(services).ReadAsync(Session(), new StreamRequest(StreamNames.Posts, Since: Since), Ct);
        var waited = await FakeClock.AdvanceUntilAsync(time, () => server.Requests.Count == 2, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var read = await reading;

        Assert.InRange(waited, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(26)); // The reset and a second of margin, on 1-second steps.
        Assert.Single(read.Items);
    }

    [Fact]
    public async Task ReadAsync_RemainingZeroWithAResetBeyondMaxWait_StopsTheNextRequestToThatEndpointUnsent()
    {
        var server = await StartServerAsync(Data([Post(PostId(1), Now.AddDays(-1), "x")]));
        server.ResponseHeaders = _ => new Dictionary<string, string>
        {
            ["x-rate-limit-limit"] = "1500", ["x-rate-limit-remaining"] = "0", ["x-rate-limit-reset"] = Now.AddMinutes(14).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        };
        await using var services = Services(server, maxWaitSeconds: 60);
        var client = Client(services);

        await client.ReadAsync(Session(), new StreamRequest(StreamNames.Posts, Since: Since), Ct);
        var e = await Assert.ThrowsAsync<PlatformException>(() => client.ReadAsync(Session(), new StreamRequest(StreamNames.Posts, Since: Since), Ct));
        var mentions = await client.ReadAsync(Session(), new StreamRequest(XClient.Mentions, Since: Since), Ct); // Another endpoint, another window.

        Assert.Equal(PlatformErrorKind.Throttled, e.Kind);
        Assert.Contains("not sent", e.Message, StringComparison.Ordinal);
        Assert.Empty(mentions.Items);
        Assert.Equal(2, server.Requests.Count);
    }

    [Theory]
    [InlineData(401, "about:blank", PlatformErrorKind.Token)]
    [InlineData(402, "https://api.twitter.com/2/problems/credits-depleted", PlatformErrorKind.BudgetExhausted)]
    [InlineData(403, "https://api.twitter.com/2/problems/client-not-enrolled", PlatformErrorKind.Token)]
    [InlineData(403, "https://api.twitter.com/2/problems/not-authorized-for-resource", PlatformErrorKind.Permission)]
    public async Task ReadAsync_ErrorStatus_IsClassifiedByStatusAndTypeWithoutRetrying(int status, string type, PlatformErrorKind kind)
    {
        var server = await StartServerAsync(Data([]));
        server.Fault = _ => XApi.Problem(status, "Error", type, "X said no");
        await using var services = Services(server);

        var e = await Assert.ThrowsAsync<PlatformException>(() => Client(services).ReadAsync(Session(), new StreamRequest(StreamNames.Posts, Since: Since), Ct));

        Assert.Equal((kind, status), (e.Kind, e.StatusCode));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task CheckTokenAsync_GoodAndRefusedToken_ValidNeverExpiringThenTokenKind()
    {
        var server = await StartServerAsync(Data([]));
        await using var services = Services(server);
        var client = Client(services);

        var status = await client.CheckTokenAsync(Session(), Ct);
        var e = await Assert.ThrowsAsync<PlatformException>(() => client.CheckTokenAsync(Session("AAAAotherBearer"), Ct));

        Assert.Equal((true, (DateTimeOffset?)null), (status.Valid, status.ExpiresAt));
        Assert.Equal((PlatformErrorKind.Token, 401), (e.Kind, e.StatusCode));
        Assert.Contains($"/2/users/{UserId}?", server.Requests[0], StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.Contains("/users/me", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_Profile_MapsNameUsernameDescriptionExpandedUrlAndPicture()
    {
        var server = await StartServerAsync(Data([]));
        await using var services = Services(server);

        var profile = Assert.Single((await Client(services).ReadAsync(Session(), new StreamRequest(StreamNames.Profile), Ct)).Items);

        Assert.Equal((UserId, ItemKinds.Profile, "CLN Test", "clntest"), (profile.Id, profile.Kind, profile.Facts?["name"], profile.Facts?["handle"]));
        Assert.Equal(["https://www.communitylibrary.net/", "https://www.communitylibrary.net/policies"], profile.Links);
        Assert.Equal("https://pbs.twimg.com/profile_images/1/test.jpg", Assert.Single(profile.Media).Url);
        Assert.Contains("bio: The test library", profile.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SuccessAndFailure_NoTokenInAnyUrlLogExceptionOrArchivedAnswer()
    {
        var server = await StartServerAsync(Data([Post(PostId(1), Now.AddDays(-1), "x"), Post(PostId(2), Now.AddDays(-2), "y")]));
        server.PageSize = 1;
        var logs = new CapturingLoggerProvider();
        await using var services = Services(server, logs: logs, maxWaitSeconds: 1);
        var client = Client(services);
        var archived = new List<PlatformResponse>();
        var session = new PlatformSession(TestAccount(), Token, (r, _) => { archived.Add(r); return Task.CompletedTask; });

        await client.ReadAsync(session, new StreamRequest(StreamNames.Posts, Since: Since), Ct);
        server.Fault = r => r.Query.ContainsKey("pagination_token") ? XApi.Problem(503, "Service Unavailable", "about:blank", $"echo {r.Headers.Authorization}") : null;
        var failed = await Assert.ThrowsAsync<PlatformException>(() => client.ReadAsync(session, new StreamRequest(StreamNames.Posts, Since: Since), Ct));
        server.Fault = null;
        var refused = await Assert.ThrowsAsync<PlatformException>(() => client.ReadAsync(Session("AAAAotherBearer"), new StreamRequest(StreamNames.Posts, Since: Since), Ct));

        Assert.All(server.Requests, r => Assert.DoesNotContain(Token, r, StringComparison.Ordinal)); // The token travels in the header only.
        Assert.All(logs.Logs, l => Assert.DoesNotContain(Token, l.Everything, StringComparison.Ordinal));
        Assert.All(logs.Logs, l => Assert.DoesNotContain("AAAAotherBearer", l.Everything, StringComparison.Ordinal));
        Assert.DoesNotContain(Token, failed.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("AAAAotherBearer", refused.ToString(), StringComparison.Ordinal);
        Assert.Contains(archived, r => r.Status == 503);
        Assert.All(archived, r => Assert.DoesNotContain(Token, r.Url + r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plan_MonthlyReadBudgetSetting_BecomesTheBudgetAndAReadBeyondItStopsTheScanMidway()
    {
        await azurite.ResetAsync(Ct);
        var server = await StartServerAsync(Data([Post(PostId(1), Now.AddDays(-1), "a", replies: 1), Post(PostId(2), Now.AddDays(-2), "b", replies: 1)],
            replies: [Post(PostId(0), Now.AddHours(-1), "hi", author: GuestId, conversation: PostId(1), repliedTo: PostId(1))]));
        var time = new FakeTimeProvider(Now);
        await using var services = Services(server, time: time, budget: 5);
        var client = Client(services);
        var budgets = services.GetRequiredService<BudgetStore>();

        var results = await ReadAllAsync(services, client, AccountCursors.None, budgets);

        Assert.Equal(new PlatformBudget(5, BudgetPeriod.Month), client.Plan.Budget);
        // Mentions (nothing), posts (2 posts + 1 user = 3), the first post's replies (1 reply + 1 user = 2): 5, spent; the second post's replies are not read.
        Assert.Equal([XClient.Mentions, StreamNames.Posts, XClient.Replies, XClient.Replies], results.Select(r => r.Stream));
        Assert.Equal((PlatformErrorKind.BudgetExhausted, true), (results[^1].Failure?.Kind, results[^1].Stops));
        Assert.Equal(5, await budgets.UsedAsync(PlatformNames.X, client.Plan.Budget!, Ct));
        Assert.DoesNotContain(server.Requests, r => r.Contains(PostId(2), StringComparison.Ordinal) && r.Contains("search", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scan_ShippedSampleData_ReadsPerScanFirstWithActivityThenWithNothingNew()
    {
        var accounts = AccountsFileReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "samples", "accounts.json")).File!.Accounts
            .Where(a => a.Platform == PlatformNames.X).ToList();
        var data = XSampleData.Load(Path.Combine(AppContext.BaseDirectory, "samples", "x"));
        var server = new XApi(data, new HashSet<string>(StringComparer.Ordinal) { Token });
        await _hosts.StartAsync([server], Ct);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 10, 15, 18, 0, 0, TimeSpan.Zero));
        await using var services = Services(server, time: time);
        var client = Client(services);
        var calls = new List<(string Account, int First, int Second, long FirstUnits, long SecondUnits)>();

        foreach (var account in accounts)
        {
            var first = new PlatformSession(account, Token);
            var firstResults = await ReadAllAsync(services, client, AccountCursors.None, null, first);
            time.Advance(TimeSpan.FromMinutes(15));
            var second = new PlatformSession(account, Token);
            var secondResults = await ReadAllAsync(services, client, new AccountCursors(firstResults.Select(r => r.Cursor)), null, second);
            Assert.All(firstResults.Concat(secondResults), r => Assert.Null(r.Failure));
            calls.Add((account.Id, first.TotalCalls, second.TotalCalls, first.TotalUnits, second.TotalUnits));
        }

        // Calls. First scan: mentions, posts, one reply search per post with replies, the profile. Nothing new: mentions and posts only.
        // Units (posts and users returned, what X bills): the posts and mentions of the comment window come back on every scan.
        Assert.Equal([("cln-district-x", 3, 2, 8, 7), ("cln-postfalls-x", 4, 2, 10, 5), ("cln-hayden-x", 4, 2, 5, 2)], calls);
    }

    private static async Task<List<StreamResult>> ReadAllAsync(ServiceProvider services, IPlatformClient client, AccountCursors cursors, BudgetStore? budgets,
        PlatformSession? session = null)
    {
        var capture = services.GetRequiredService<AccountCapture>();
        var results = new List<StreamResult>();
        await foreach (var result in capture.ReadAsync(client, session ?? Session(), cursors, budgets, Ct))
        {
            results.Add(result);
        }
        return results;
    }

    private ServiceProvider Services(XApi server, CapturingLoggerProvider? logs = null, TimeProvider? time = null, int maxWaitSeconds = 60, long? budget = null) =>
        TestHost.Create(azurite, new Dictionary<string, string?>
        {
            ["Platforms:X:BaseUrl"] = server.BaseUrl,
            ["Platforms:X:MonthlyReadBudget"] = budget?.ToString(CultureInfo.InvariantCulture),
            ["Scan:MaxWaitSeconds"] = maxWaitSeconds.ToString(CultureInfo.InvariantCulture),
        }, time ?? new FakeTimeProvider(Now), logs);

    private static XClient Client(ServiceProvider services) =>
        Assert.IsType<XClient>(Assert.Single(services.GetServices<IPlatformClient>(), c => c.Platform == PlatformNames.X));

    private static PlatformSession Session(string token = Token) => new(TestAccount(), token);

    private static Account TestAccount() => new() { Id = AccountId, Platform = PlatformNames.X, PlatformId = UserId, Location = "test", Token = "cln-test-x-token" };

    private async Task<XApi> StartServerAsync(XSampleData data)
    {
        var server = new XApi(data, new HashSet<string>(StringComparer.Ordinal) { Token });
        await _hosts.StartAsync([server], Ct);
        return server;
    }

    public ValueTask DisposeAsync() => _hosts.DisposeAsync();

    /// <summary>An X id made <paramref name="n"/> days before now, so larger numbers are older, as X's time-ordered ids are.</summary>
    private static string PostId(int n) =>
        (((Now.AddDays(-n).ToUnixTimeMilliseconds() - 1288834974657L) << 22) + n).ToString(CultureInfo.InvariantCulture);

    private static XSampleData Data(IReadOnlyList<JsonObject> tweets, IReadOnlyList<JsonObject>? mentions = null, IReadOnlyList<JsonObject>? replies = null,
        IReadOnlyList<JsonObject>? media = null)
    {
        var account = new JsonObject
        {
            ["user"] = new JsonObject
            {
                ["id"] = UserId, ["name"] = "CLN Test", ["username"] = "clntest", ["description"] = "The test library. Rules: https://t.co/Rules12345",
                ["url"] = "https://t.co/Home123456", ["profile_image_url"] = "https://pbs.twimg.com/profile_images/1/test.jpg",
                ["entities"] = new JsonObject
                {
                    ["url"] = new JsonObject { ["urls"] = new JsonArray(Url("https://t.co/Home123456", "https://www.communitylibrary.net/")) },
                    ["description"] = new JsonObject { ["urls"] = new JsonArray(Url("https://t.co/Rules12345", "https://www.communitylibrary.net/policies")) },
                },
            },
            ["tweets"] = new JsonArray([.. tweets.Select(t => t.DeepClone())]),
            ["mentions"] = new JsonArray([.. (mentions ?? []).Select(t => t.DeepClone())]),
            ["replies"] = new JsonArray([.. (replies ?? []).Select(t => t.DeepClone())]),
            ["users"] = new JsonArray(new JsonObject { ["id"] = GuestId, ["name"] = "Gene Guest", ["username"] = "guest" }),
            ["media"] = new JsonArray([.. (media ?? []).Select(m => m.DeepClone())]),
        };
        return XSampleData.Parse(new JsonObject { ["accounts"] = new JsonArray(account) }.ToJsonString());
    }

    private static JsonObject Post(string id, DateTimeOffset created, string text, int replies = 0, string author = UserId, string? conversation = null,
        string? repliedTo = null, string[]? history = null)
    {
        var post = new JsonObject
        {
            ["id"] = id,
            ["text"] = text,
            ["author_id"] = author,
            ["created_at"] = created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["conversation_id"] = conversation ?? id,
            ["edit_history_tweet_ids"] = new JsonArray([.. (history ?? [id]).Select(h => (JsonNode)h)]),
            ["public_metrics"] = new JsonObject { ["reply_count"] = replies, ["retweet_count"] = 0, ["like_count"] = 0, ["quote_count"] = 0 },
        };
        if (repliedTo is not null)
        {
            post["referenced_tweets"] = new JsonArray(new JsonObject { ["type"] = "replied_to", ["id"] = repliedTo });
        }
        return post;
    }

    private static JsonObject Url(string shortUrl, string expanded, string? display = null, string? unwound = null)
    {
        var url = new JsonObject { ["start"] = 0, ["end"] = 23, ["url"] = shortUrl, ["expanded_url"] = expanded, ["display_url"] = display ?? new Uri(expanded).Host };
        if (unwound is not null)
        {
            url["unwound_url"] = unwound;
        }
        return url;
    }

    private static JsonObject Media(string key, string? altText)
    {
        var media = new JsonObject { ["media_key"] = key, ["type"] = "photo", ["url"] = $"https://pbs.twimg.com/media/{key}.jpg" };
        if (altText is not null)
        {
            media["alt_text"] = altText;
        }
        return media;
    }
}
