using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Platforms.X;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Scanning;
using SocialMonitor.Core.Storage;
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
        var time = new TestClock(Now);
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
    public async Task Plan_MonthlyReadBudgetSetting_BecomesAPacedBudgetAndAReadBeyondItStopsTheScanMidway()
    {
        await azurite.ResetAsync(Ct);
        var server = await StartServerAsync(Data([Post(PostId(1), Now.AddDays(-1), "a"), Post(PostId(2), Now.AddDays(-2), "b")]));
        await using var services = Services(server, budget: 3);
        var client = Client(services);
        var budgets = services.GetRequiredService<BudgetStore>();

        var results = await ReadAllAsync(services, client, AccountCursors.None, budgets);

        Assert.Equal(new PlatformBudget(3, BudgetPeriod.Month) { Paced = true }, client.Plan.Budget);
        Assert.Equal(new HintLookup(XClient.Lookup, 100, TimeSpan.FromDays(7)), client.Plan.Lookup);
        // Mentions (nothing: 0), posts (2 posts + 1 user = 3): spent, so the profile is not sent and the scan stops.
        Assert.Equal([XClient.Mentions, StreamNames.Posts, StreamNames.Profile], results.Select(r => r.Stream));
        Assert.Equal((PlatformErrorKind.BudgetExhausted, true), (results[^1].Failure?.Kind, results[^1].Stops));
        Assert.Equal(3, await budgets.UsedAsync(PlatformNames.X, client.Plan.Budget!, Ct));
        Assert.DoesNotContain(server.Requests, r => r.Contains($"/2/users/{UserId}?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_LookupOfKnownIds_CurrentVersionsWithReplyHintsAndADeletionConfirmedBesideThem()
    {
        var (original, edit) = (PostId(3), IdAt(Now.AddDays(-3).AddMinutes(20), 3));
        var server = await StartServerAsync(Data([
            Post(PostId(2), Now.AddDays(-2), "Book club", replies: 4),
            Post(edit, Now.AddDays(-3).AddMinutes(20), "Story time at 10:30", replies: 2, history: [original, edit]),
        ]));
        // X answers an earlier id of an edited post with that earlier version; its newest id is then looked up too.
        server.Fault = r => r.Query["ids"].ToString() == $"{PostId(2)},{original},{PostId(4)}"
            ? LoopbackAnswer.Json(200, JsonNode.Parse($$$"""
                {"data":[{"id":"{{{PostId(2)}}}","text":"Book club","author_id":"{{{UserId}}}","created_at":"2026-10-13T18:00:00.000Z","edit_history_tweet_ids":["{{{PostId(2)}}}"],"public_metrics":{"reply_count":4}},
                         {"id":"{{{original}}}","text":"Story time at 10","author_id":"{{{UserId}}}","created_at":"2026-10-12T18:00:00.000Z","edit_history_tweet_ids":["{{{original}}}","{{{edit}}}"],"public_metrics":{"reply_count":0}}],
                 "errors":[{"value":"{{{PostId(4)}}}","detail":"Could not find tweet with ids: [{{{PostId(4)}}}].","title":"Not Found Error","resource_type":"tweet","parameter":"ids","resource_id":"{{{PostId(4)}}}","type":"https://api.twitter.com/2/problems/resource-not-found"}]}
                """)!)
            : null;
        await using var services = Services(server);
        var session = Session();

        var read = await Client(services).ReadAsync(session, new StreamRequest(XClient.Lookup, Ids: [PostId(2), original, PostId(4)]), Ct);

        Assert.Equal([(original, "Story time at 10:30"), (PostId(2), "Book club")], read.Items.Select(i => (i.Id, i.Text)).Order());
        Assert.Equal((new ChangeHint("4", 4), new ChangeHint("2", 2)), (read.Hints[PostId(2)], read.Hints[original]));
        Assert.Equal([PostId(4)], read.Gone);
        Assert.Equal(2, session.Calls[XClient.Lookup]); // The ids, then the edited post's newest id.
        Assert.Contains(server.Requests, r => r.Contains($"/2/tweets?ids={edit}&", StringComparison.Ordinal));
        Assert.All(server.Requests, r => Assert.Contains("public_metrics", r, StringComparison.Ordinal));
        Assert.All(server.Requests, r => Assert.DoesNotContain("max_results", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scan_OlderPostWhoseReplyCountMoved_IsLookedUpByIdAndItsRepliesRead_AnUnchangedOneIsNotSearched()
    {
        var time = new TestClock(Now);
        var moved = Post(PostId(3), Now.AddDays(-3), "Story time", replies: 0);
        var server = await StartServerAsync(Data([moved, Post(PostId(2), Now.AddDays(-2), "Book club", replies: 1), Post(PostId(1), Now.AddDays(-1), "Hours")],
            replies: [Post(IdAt(Now.AddHours(-30), 7), Now.AddHours(-30), "Which book?", author: GuestId, conversation: PostId(2), repliedTo: PostId(2))]));
        await using var services = await ScannerServicesAsync(server, time);
        await ScanAsync(services);
        time.Advance(TimeSpan.FromMinutes(15));
        var reply = IdAt(time.GetUtcNow().AddMinutes(-5), 8);
        server.Add(UserId, "replies", Post(reply, time.GetUtcNow().AddMinutes(-5), "Can my kids come?", author: GuestId, conversation: PostId(3), repliedTo: PostId(3)).ToJsonString());
        moved["public_metrics"]!["reply_count"] = 1;
        server.Edit(PostId(3), moved.ToJsonString());
        var before = server.Requests.Count;

        var summary = await ScanAsync(services);

        var requests = server.Requests.Skip(before).ToList();
        // since_id from the newest post queued: only it comes back; the two older posts are looked up by id, in one call.
        Assert.Equal(1, summary.CallsByStream[StreamNames.Posts]);
        var lookup = Assert.Single(requests, r => r.Contains("/2/tweets?ids=", StringComparison.Ordinal));
        Assert.Contains($"ids={PostId(2)}%2C{PostId(3)}&", lookup, StringComparison.Ordinal);
        var search = Assert.Single(requests, r => r.Contains("search/recent", StringComparison.Ordinal));
        Assert.Contains($"conversation_id%3A{PostId(3)}", search, StringComparison.Ordinal); // Moved from 0 to 1; the other stayed at 1.
        var index = services.GetRequiredService<ItemIndex>();
        Assert.Equal((StreamNames.Key(XClient.Replies, PostId(3)), ItemKinds.Comment), ((await index.GetAsync(AccountId, reply, Ct))!.Stream, (await index.GetAsync(AccountId, reply, Ct))!.Kind));
        Assert.Equal(StreamNames.Posts, (await index.GetAsync(AccountId, PostId(3), Ct))!.Stream); // A looked-up post stays in its stream.
        Assert.Equal("1", (await services.GetRequiredService<CursorStore>().GetAsync(AccountId, StreamNames.Key(XClient.Replies, PostId(3)), Ct))?.Hint);
        Assert.Null(summary.Stopped);
    }

    [Fact]
    public async Task Scan_KnownPostsOfTheLastSevenDays_AreLookedUpInBatchesOfAHundredAndOlderOnesNever()
    {
        var time = new TestClock(Now);
        var posts = Enumerable.Range(1, 151).Select(n => Post(IdAt(Now.AddHours(-n), n), Now.AddHours(-n), $"Post {n}")).ToList();
        posts.Add(Post(PostId(8), Now.AddDays(-8), "Last week's"));
        var server = await StartServerAsync(Data(posts));
        await using var services = await ScannerServicesAsync(server, time);
        await ScanAsync(services);
        time.Advance(TimeSpan.FromMinutes(15));
        var before = server.Requests.Count;

        var summary = await ScanAsync(services);

        var lookups = server.Requests.Skip(before).Where(r => r.Contains("/2/tweets?ids=", StringComparison.Ordinal)).ToList();
        var ids = lookups.Select(r => r.Split("ids=")[1].Split('&')[0].Split("%2C")).ToList();
        Assert.Equal([100, 50], ids.Select(i => i.Length)); // 151 in the week, the newest read again by the posts read.
        Assert.Equal(posts.Skip(1).Take(150).Select(p => p["id"]!.GetValue<string>()).Order(), ids.SelectMany(i => i).Order());
        Assert.DoesNotContain(PostId(8), string.Concat(lookups), StringComparison.Ordinal);
        Assert.Equal(2, summary.CallsByStream[XClient.Lookup]);
    }

    [Fact]
    public async Task Scan_OlderPostDeleted_TheLookupsResourceNotFoundConfirmsTheDeletionAndTheRestOfTheAnswerIsKept()
    {
        var time = new TestClock(Now);
        var kept = Post(PostId(2), Now.AddDays(-2), "Book club Tuesday");
        var server = await StartServerAsync(Data([Post(PostId(3), Now.AddDays(-3), "Wrong date"), kept, Post(PostId(1), Now.AddDays(-1), "Hours")]));
        await using var services = await ScannerServicesAsync(server, time);
        await ScanAsync(services);
        time.Advance(TimeSpan.FromMinutes(15));
        server.Delete(PostId(3));
        kept["text"] = "Book club Wednesday"; // Its count did not move; the lookup still brings its current text.
        server.Edit(PostId(2), kept.ToJsonString());
        var before = server.Requests.Count;

        await ScanAsync(services);

        var index = services.GetRequiredService<ItemIndex>();
        Assert.True((await index.GetAsync(AccountId, PostId(3), Ct))!.Deleted);
        Assert.Equal((false, 2), ((await index.GetAsync(AccountId, PostId(2), Ct))!.Deleted, (await index.GetAsync(AccountId, PostId(2), Ct))!.Version));
        var history = await services.GetRequiredService<ItemHistory>().ListAsync(PostId(3), Ct);
        Assert.Contains(history, e => e.Event == ItemEvents.Deleted);
        Assert.Single(server.Requests.Skip(before), r => r.Contains("/2/tweets?ids=", StringComparison.Ordinal)); // No second question about the deleted one.
    }

    [Fact]
    public async Task Scan_AheadOfThePace_ReadsMentionsOwnPostsAndProfileAndDefersTheReplySearch_BehindItReadsIt()
    {
        var start = new DateTimeOffset(2026, 10, 2, 0, 0, 0, TimeSpan.Zero); // 1 of 31 days gone: the pace of 3,100 is 100.
        var time = new TestClock(start);
        var post = IdAt(start.AddHours(-12), 1);
        var server = await StartServerAsync(Data([Post(post, start.AddHours(-12), "Story time", replies: 1)],
            mentions: [Post(IdAt(start.AddHours(-2), 2), start.AddHours(-2), "@clntest thanks!", author: GuestId)],
            replies: [Post(IdAt(start.AddHours(-6), 3), start.AddHours(-6), "See you there", author: GuestId, conversation: post, repliedTo: post)]));
        var logs = new CapturingLoggerProvider();
        await using var services = await ScannerServicesAsync(server, time, budget: 3100, logs: logs);
        var budget = Client(services).Plan.Budget!;
        await services.GetRequiredService<BudgetStore>().SpendAsync(PlatformNames.X, budget, 150, Ct); // Ahead: 150 spent of a pace of 100.

        var ahead = await ScanAsync(services);
        var aheadRequests = server.Requests.ToList();
        time.SetUtcNow(start.AddDays(1)); // The pace is 200; 150 and this scan's few are spent: behind.
        var behind = await ScanAsync(services);

        var aheadPaths = aheadRequests.Select(r => r.Split('?')[0]).Where(p => p.Contains("/2/", StringComparison.Ordinal)).Select(p => p[(p.IndexOf("/2/", StringComparison.Ordinal) + 2)..]);
        Assert.Equal([$"/users/{UserId}/mentions", $"/users/{UserId}/tweets", $"/users/{UserId}"], aheadPaths);
        Assert.Null(ahead.Stopped);
        Assert.False(ahead.CallsByStream.ContainsKey(XClient.Replies));
        Assert.Contains(logs.Logs, l => l.Message.Contains("1 per-post reads wait for the next scan", StringComparison.Ordinal));
        Assert.NotNull(await services.GetRequiredService<ItemIndex>().GetAsync(AccountId, IdAt(start.AddHours(-2), 2), Ct)); // The mention.
        Assert.Equal(1, behind.CallsByStream[XClient.Replies]);
        Assert.NotNull(await services.GetRequiredService<ItemIndex>().GetAsync(AccountId, IdAt(start.AddHours(-6), 3), Ct)); // The reply, a scan later.
    }

    [Fact]
    public async Task Scan_BudgetReachedMidScan_StopsWithOneBudgetExhaustedPerAccountAndMonth()
    {
        var time = new TestClock(Now);
        var server = await StartServerAsync(Data([Post(PostId(1), Now.AddDays(-1), "a"), Post(PostId(2), Now.AddDays(-2), "b")]));
        await using var services = await ScannerServicesAsync(server, time, budget: 3);
        var findingId = CaptureConditions.FindingId(TestAccount() with { Location = "hayden" }, CaptureCondition.BudgetExhausted);

        var first = await ScanAsync(services); // Mentions 0, posts 3: the profile is not sent.
        time.Advance(TimeSpan.FromMinutes(15));
        var second = await ScanAsync(services); // Spent: not even the mentions are sent.
        var october = (await FindingAsync(services, findingId), await NotifiesAsync(services, findingId));
        time.SetUtcNow(new DateTimeOffset(2026, 11, 1, 0, 30, 0, TimeSpan.Zero));
        var november = await ScanAsync(services); // A new month: mentions 0, the newest post 2, the profile 1, and to the end.
        var resolved = await FindingAsync(services, findingId);
        time.Advance(TimeSpan.FromMinutes(15));
        await ScanAsync(services); // Spent again: raised again, once for November.

        Assert.Equal(("budget exhausted", "budget exhausted", (string?)null), (first.Stopped, second.Stopped, november.Stopped));
        Assert.Equal(2, (await services.GetRequiredService<ItemIndex>().ListStreamAsync(AccountId, StreamNames.Posts, null, Ct)).Count); // Read before the stop.
        Assert.Equal(0, second.Calls);
        Assert.Equal((FindingStatuses.Open, 1), (october.Item1.Status, october.Item2));
        Assert.Equal(FindingStatuses.Resolved, resolved.Status);
        Assert.Equal((FindingStatuses.Open, 2), ((await FindingAsync(services, findingId)).Status, await NotifiesAsync(services, findingId)));
    }

    [Fact]
    public async Task Scan_ShippedSampleData_ReadsPerScanFirstWithActivityThenWithNothingNew()
    {
        var data = XSampleData.Load(Path.Combine(AppContext.BaseDirectory, "samples", "x"));
        var server = new XApi(data, new HashSet<string>(StringComparer.Ordinal) { Token });
        await _hosts.StartAsync([server], Ct);
        var time = new TestClock(new DateTimeOffset(2026, 10, 15, 18, 0, 0, TimeSpan.Zero));
        await using var services = await ScannerServicesAsync(server, time, budget: 100_000_000, samples: true);
        var budgets = services.GetRequiredService<BudgetStore>();
        var budget = Client(services).Plan.Budget!;
        var reads = new List<(string Account, int First, int Second, long FirstUnits, long SecondUnits)>();

        foreach (var account in new[] { "cln-district-x", "cln-postfalls-x", "cln-hayden-x" })
        {
            var spent = await budgets.UsedAsync(PlatformNames.X, budget, Ct);
            var first = await ScanAsync(services, account);
            var afterFirst = await budgets.UsedAsync(PlatformNames.X, budget, Ct);
            time.Advance(TimeSpan.FromMinutes(15));
            var second = await ScanAsync(services, account);
            Assert.Equal((null, null), (first.Stopped, second.Stopped));
            reads.Add((account, first.Calls, second.Calls, afterFirst - spent, await budgets.UsedAsync(PlatformNames.X, budget, Ct) - afterFirst));
        }

        // Calls. First scan (the sample's activity): mentions, posts, one reply search per post with replies, the profile.
        // Nothing new: mentions and posts (each from its newest item, which comes back once more, since_id being its time)
        // and one lookup of the week's older posts where there are any (Post Falls). Units (posts and users returned, what
        // X bills): the newest mention and the newest post, each with its author, and each looked-up post with its author.
        Assert.Equal([("cln-district-x", 3, 2, 8, 4), ("cln-postfalls-x", 4, 3, 10, 6), ("cln-hayden-x", 4, 2, 5, 2)], reads);
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
            ["Images:AllowLoopback"] = "true", // The profile pictures come from the loopback host (ServeImages).
            ["Tokens:cln-test-x-token"] = Token,
            ["Tokens:cln-district-x-token"] = Token,
            ["Tokens:cln-postfalls-x-token"] = Token,
            ["Tokens:cln-hayden-x-token"] = Token,
        }, time ?? new TestClock(Now), logs);

    /// <summary>The app's scanner in fresh storage, with the test account (at Hayden) or the shipped sample's accounts imported.</summary>
    private async Task<ServiceProvider> ScannerServicesAsync(XApi server, TimeProvider time, long? budget = null, CapturingLoggerProvider? logs = null, bool samples = false)
    {
        await azurite.ResetAsync(Ct);
        server.ServeImages = true;
        var services = Services(server, logs, time, budget: budget);
        var file = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "accounts.json"), Ct))!;
        if (!samples)
        {
            file["accounts"] = new JsonArray(new JsonObject
            {
                ["id"] = AccountId, ["platform"] = PlatformNames.X, ["platformId"] = UserId, ["handle"] = "clntest", ["location"] = "hayden",
                ["token"] = "cln-test-x-token", ["approvedBy"] = "coordinator@example.org", ["approvedOn"] = "2026-02-02",
            });
        }
        await services.GetRequiredService<AccountsImporter>().ImportAsync(AccountsFileReader.Read(file.ToJsonString()), Ct);
        return services;
    }

    private static Task<ScanSummary> ScanAsync(ServiceProvider services, string account = AccountId) =>
        services.GetRequiredService<AccountScanner>().ScanAsync(new ScanAccountMessage(account), Ct);

    private static async Task<Finding> FindingAsync(ServiceProvider services, string id) =>
        (await services.GetRequiredService<FindingStore>().GetAsync("hayden", id, Ct))!;

    /// <summary>The notify messages queued for the finding: one per email it was routed to be sent for.</summary>
    private static async Task<int> NotifiesAsync(ServiceProvider services, string findingId)
    {
        var queue = await services.GetRequiredService<StorageClients>().QueueAsync(QueueNames.Notify, Ct);
        var messages = (await queue.PeekMessagesAsync(32, Ct)).Value;
        return messages.Count(m => m.Body.ToString().Contains(findingId, StringComparison.Ordinal));
    }

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
    private static string PostId(int n) => IdAt(Now.AddDays(-n), n);

    /// <summary>An X id of the time <paramref name="at"/>, with <paramref name="n"/> as its sequence (time-ordered, as X's are).</summary>
    private static string IdAt(DateTimeOffset at, int n) =>
        (((at.ToUnixTimeMilliseconds() - 1288834974657L) << 22) + n).ToString(CultureInfo.InvariantCulture);

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
