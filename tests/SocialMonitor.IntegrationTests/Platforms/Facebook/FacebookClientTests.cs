using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Platforms.Facebook;
using SocialMonitor.Core.Scanning;
using SocialMonitor.IntegrationTests.Support;
using SocialMonitor.Local;
using SocialMonitor.Local.Platforms.Facebook;

namespace SocialMonitor.IntegrationTests.Platforms.Facebook;

/// <summary>The Facebook client against the Graph API on the loopback host: every stream, the error answers, and the throttling signals on a fake clock.</summary>
public sealed class FacebookClientTests : IAsyncDisposable
{
    private const string Token = "EAAGtestPageToken7Qx9";
    private const string PageId = "104000000000901";
    private const string PageName = "Community Library Network - Test";
    private const string AccountId = "cln-test-fb";
    private const string PathBase = "/facebook";

    private static readonly DateTimeOffset Since = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly LoopbackHosts _hosts = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_PostsOverSeveralPages_ReadsEveryPostWithItsHintAndCountsEveryCall()
    {
        var posts = Enumerable.Range(1, 5).Select(n => Post(n, Day(n + 1))).ToList();
        var comments = new Dictionary<int, List<JsonObject>> { [1] = [Comment(1, 1, Day(7)), Comment(1, 2, Day(8))] };
        var server = await StartServerAsync(Data(posts, comments));
        server.PageSize = 2;
        await using var services = BuildServices(server.BaseUrl);
        var session = Session();

        var read = await Client(services).ReadAsync(session, new StreamRequest(StreamNames.Posts, Since: Since), Ct);

        Assert.Equal(posts.Select(p => (string)p["id"]!).Reverse(), read.Items.Select(i => i.Id));
        Assert.Equal(new ChangeHint($"{Day(2):yyyy-MM-dd'T'HH:mm:ss'Z'}|2", 2), read.Hints[$"{PageId}_{PostNumber(1)}"]);
        Assert.Equal(0, read.Hints[$"{PageId}_{PostNumber(5)}"].Comments);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(new Dictionary<string, int> { [StreamNames.Posts] = 3 }, session.Calls);
        Assert.All(server.Requests, r => Assert.Contains("comments.summary%28true%29", r, StringComparison.Ordinal));
        Assert.Equal(2, server.Requests.Count(r => r.Contains("after=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ReadAsync_CommentStreamOverSeveralPages_ReadsCommentsAndFlattenedRepliesToTheLastPage()
    {
        var comments = new Dictionary<int, List<JsonObject>>
        {
            [1] = [.. Enumerable.Range(1, 4).Select(n => Comment(1, n, Day(7).AddMinutes(n))), Reply(1, 5, 1, Day(8))],
        };
        var server = await StartServerAsync(Data([Post(1, Day(2))], comments));
        server.PageSize = 2;
        await using var services = BuildServices(server.BaseUrl);
        var session = Session();

        var read = await Client(services).ReadAsync(session, new StreamRequest(StreamNames.Comments, $"{PageId}_{PostNumber(1)}"), Ct);

        Assert.Equal(comments[1].Select(c => (string)c["id"]!), read.Items.Select(i => i.Id));
        var reply = read.Items[^1];
        Assert.Equal((ItemKinds.Reply, $"{PostNumber(1)}_9001"), (reply.Kind, reply.ParentId));
        Assert.Equal(3, session.Calls[StreamNames.Comments]);
        Assert.All(server.Requests, r => Assert.Contains("filter=stream", r, StringComparison.Ordinal));
        Assert.Contains(server.Requests, r => r.Contains("after=", StringComparison.Ordinal));
        Assert.All(server.Requests, r => Assert.DoesNotContain("access_token", r, StringComparison.Ordinal));
        Assert.Equal(server.Requests.Count, server.Tokens.Count(t => t == Token));
    }

    [Fact]
    public async Task ReadAsync_PostsCommentsAndReplies_MapsKindsParentsOriginsLinksMediaAndTimes()
    {
        var server = await StartServerAsync(FacebookSampleData.Parse(MappingJson));
        await using var services = BuildServices(server.BaseUrl);
        var client = Client(services);

        var posts = (await client.ReadAsync(Session(), new StreamRequest(StreamNames.Posts, Since: Since), Ct)).Items.ToDictionary(i => i.Id);
        var items = (await client.ReadAsync(Session(), new StreamRequest(StreamNames.Comments, $"{PageId}_5001"), Ct)).Items.ToDictionary(i => i.Id);

        var post = posts[$"{PageId}_5001"];
        Assert.Equal((ItemKinds.Post, (string?)null, ItemOrigins.Official), (post.Kind, post.ParentId, post.Origin));
        Assert.Equal(new ItemAuthor(PageId, PageName), post.Author);
        Assert.Equal("Storytime moves to Thursdays! https://bit.ly/3clnStory", post.Text);
        Assert.Equal(["https://www.communitylibrary.net/events/storytime", "https://www.eventbrite.com/e/robot-workshop-1234"], post.Links);
        Assert.Equal(
            [new ItemMedia("photo", "https://scontent.example.net/a.jpg", null, null), new ItemMedia("photo", "https://scontent.example.net/b.jpg", null, null)],
            post.Media);
        Assert.Equal(new DateTimeOffset(2026, 10, 2, 15, 4, 5, TimeSpan.Zero), post.CreatedAt);
        Assert.Equal(TimeSpan.Zero, post.CreatedAt!.Value.Offset);
        Assert.Null(post.EditedAt);
        Assert.Equal("https://www.facebook.com/104000000000901/posts/5001/", post.Permalink);
        Assert.Equal((AccountId, PlatformNames.Facebook, false), (post.Account, post.Platform, post.Hidden));
        Assert.Null(post.Facts);

        var visitorPost = posts[$"{PageId}_5002"];
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
        Assert.Equal([new ItemMedia("photo", "https://scontent.example.net/c.jpg", null, null)], guestReply.Media);
        Assert.Empty(guestReply.Links);
        Assert.Equal((2, 3), (posts.Count, items.Count));
    }

    [Fact]
    public async Task ReadAsync_Profile_MapsNameAboutWebsitePhoneEmailsHoursPictureAndCover()
    {
        var server = await StartServerAsync(FacebookSampleData.Parse(MappingJson));
        await using var services = BuildServices(server.BaseUrl);
        var session = Session();

        var profile = Assert.Single((await Client(services).ReadAsync(session, new StreamRequest(StreamNames.Profile), Ct)).Items);

        Assert.Equal((PageId, ItemKinds.Profile, ItemOrigins.Official, (string?)null), (profile.Id, profile.Kind, profile.Origin, profile.ParentId));
        Assert.Equal(new ItemAuthor(PageId, PageName), profile.Author);
        var facts = profile.Facts!;
        Assert.Equal(PageName, facts["name"]);
        Assert.Equal("https://www.communitylibrary.net/locations/test", facts["website"]);
        Assert.Equal("(208) 555-0140", facts["phone"]);
        Assert.Equal("info@communitylibrary.net, test@communitylibrary.net", facts["email"]);
        Assert.Equal("CLNTest", facts["handle"]);
        Assert.Equal("https://scontent.xx.fbcdn.net/v/t39/cover_n.jpg", facts["banner"]);
        Assert.Equal("mon 10:00-19:00; mon 20:00-21:00; sat 10:00-17:00", facts["hours"]);
        Assert.Equal("Library", facts["category"]);
        Assert.Contains("bio: Comment policy: https://communitylibrary.net/social-media-policy", profile.Text, StringComparison.Ordinal);
        Assert.Contains("phone: (208) 555-0140", profile.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("fbcdn", profile.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("facebook.com", profile.Text, StringComparison.Ordinal);
        Assert.Equal(["https://www.communitylibrary.net/locations/test"], profile.Links);
        // The CDN signature (oh=, oe=) is dropped: a rotated signature is not an edit of the profile.
        Assert.Equal(
            [new ItemMedia("photo", "https://scontent.xx.fbcdn.net/v/t39/logo_n.png", null, null),
             new ItemMedia("photo", "https://scontent.xx.fbcdn.net/v/t39/cover_n.jpg", null, null)],
            profile.Media);
        Assert.Equal("https://www.facebook.com/CLNTest", profile.Permalink);
        Assert.Contains(server.Requests, r => r.StartsWith($"{PathBase}/v25.0/{PageId}?fields=", StringComparison.Ordinal));
        Assert.Equal(1, session.Calls[StreamNames.Profile]);
    }

    [Fact]
    public async Task ReadAsync_RolesAndApps_MapsEachEntryWithItsTasksOrFields()
    {
        var server = await StartServerAsync(FacebookSampleData.Parse(MappingJson));
        await using var services = BuildServices(server.BaseUrl);
        var client = Client(services);

        var roles = (await client.ReadAsync(Session(), new StreamRequest(StreamNames.Roles), Ct)).Items;
        var apps = (await client.ReadAsync(Session(), new StreamRequest(StreamNames.Apps), Ct)).Items;

        Assert.Equal([$"{PageId}/roles/1000000000100", $"{PageId}/roles/1000000000199"], roles.Select(r => r.Id));
        Assert.All(roles, r => Assert.Equal((ItemKinds.Role, PageId, ItemOrigins.Official), (r.Kind, r.ParentId, r.Origin)));
        Assert.Equal(new ItemAuthor("1000000000199", "Former Volunteer"), roles[1].Author);
        Assert.Equal("ANALYZE, MODERATE", roles[1].Facts!["tasks"]);
        Assert.Contains("tasks: ANALYZE, MODERATE", roles[1].Text, StringComparison.Ordinal);
        var app = Assert.Single(apps);
        Assert.Equal(($"{PageId}/subscribed_apps/183319479511", ItemKinds.App), (app.Id, app.Kind));
        Assert.Equal(("Hootsuite", "feed, mention"), (app.Facts!["name"], app.Facts["subscribedFields"]));
        Assert.Empty(app.Links);
        Assert.Equal("https://www.hootsuite.com/", app.Facts["link"]);
        Assert.DoesNotContain("hootsuite.com", app.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_CommentsWithoutId_TakeTheIdFromThePermalinkOrAreSkippedWithAWarning()
    {
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
        var server = await StartServerAsync(Data([Post(1, Day(2))], comments));
        var logs = new CapturingLoggerProvider();
        await using var services = BuildServices(server.BaseUrl, logs);

        var read = await Client(services).ReadAsync(Session(), new StreamRequest(StreamNames.Comments, $"{PageId}_{PostNumber(1)}"), Ct);

        var items = read.Items.ToDictionary(i => i.Id);
        Assert.Equal(3, items.Count);
        Assert.Equal((ItemKinds.Comment, $"{PageId}_{PostNumber(1)}"), (items[$"{PostNumber(1)}_801"].Kind, items[$"{PostNumber(1)}_801"].ParentId));
        Assert.Equal((ItemKinds.Reply, $"{PostNumber(1)}_801"), (items[$"{PostNumber(1)}_802"].Kind, items[$"{PostNumber(1)}_802"].ParentId));
        Assert.Contains(logs.Logs, l => l.Level == LogLevel.Warning && l.Message.Contains($"{PageId}_{PostNumber(1)}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    public async Task ReadAsync_BaseUrlWithPath_KeepsThePathWithOrWithoutTrailingSlash(string suffix)
    {
        var server = await StartServerAsync(Data([Post(1, Day(2))], []));
        await using var services = BuildServices(server.BaseUrl + suffix);

        var read = await Client(services).ReadAsync(Session(), new StreamRequest(StreamNames.Posts, Since: Since), Ct);

        Assert.Single(read.Items);
        Assert.All(server.Requests, r => Assert.StartsWith($"{PathBase}/v25.0/{PageId}/feed?", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_PostsSince_ReadsOnlyNewerPosts()
    {
        var server = await StartServerAsync(Data([Post(1, Day(2)), Post(2, Day(5)), Post(3, Day(8).AddHours(3))], []));
        await using var services = BuildServices(server.BaseUrl);

        var read = await Client(services).ReadAsync(Session(), new StreamRequest(StreamNames.Posts, Since: Day(4)), Ct);

        Assert.Equal([$"{PageId}_{PostNumber(3)}", $"{PageId}_{PostNumber(2)}"], read.Items.Select(i => i.Id));
        Assert.Contains(server.Requests, r => r.Contains($"since={Day(4).ToUnixTimeSeconds()}&", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_ServerErrorOnSecondFeedPageBeyondTheWaitBudget_ThrowsNamingPlatformAccountAndUrlWithoutToken()
    {
        var server = await StartServerAsync(Data([Post(1, Day(2)), Post(2, Day(3)), Post(3, Day(4))], []));
        server.PageSize = 2;
        server.Fault = request => request.Path.Value!.EndsWith("/feed", StringComparison.Ordinal) && request.Query.ContainsKey("after")
            ? FacebookSampleError.ServerError() : null;
        await using var services = BuildServices(server.BaseUrl, maxWaitSeconds: 1);

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Client(services).ReadAsync(Session(), new StreamRequest(StreamNames.Posts, Since: Since), Ct));

        Assert.Equal((500, "1", PlatformErrorKind.Other), (ex.StatusCode, ex.PlatformCode, ex.Kind));
        Assert.StartsWith($"facebook account {AccountId}: GET {server.BaseUrl}/v25.0/{PageId}/feed?", ex.Message, StringComparison.Ordinal);
        Assert.Contains("after=", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("access_token", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("answered 500: (#1) An unknown error occurred", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_TruncatedBody_ThrowsPlatformExceptionNamingTheUrl()
    {
        var server = await StartServerAsync(Data([Post(1, Day(2))], new() { [1] = [Comment(1, 1, Day(3))] }));
        server.Truncate = request => request.Path.Value!.EndsWith("/comments", StringComparison.Ordinal);
        await using var services = BuildServices(server.BaseUrl);

        var ex = await Assert.ThrowsAsync<PlatformException>(
            () => Client(services).ReadAsync(Session(), new StreamRequest(StreamNames.Comments, $"{PageId}_{PostNumber(1)}"), Ct));

        Assert.StartsWith($"facebook account {AccountId}: GET {server.BaseUrl}/v25.0/{PageId}_{PostNumber(1)}/comments?", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
        Assert.IsType<JsonException>(ex.InnerException, exactMatch: false);
        Assert.DoesNotContain(Token, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SessionExpired190_ThrowsTokenKindWithoutRetrying()
    {
        var server = await StartServerAsync(Data([Post(1, Day(2))], []));
        server.Fault = _ => FacebookSampleError.SessionExpired();
        await using var services = BuildServices(server.BaseUrl);

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Client(services).ReadAsync(Session(), new StreamRequest(StreamNames.Posts, Since: Since), Ct));

        Assert.Equal((400, "190/463", PlatformErrorKind.Token), (ex.StatusCode, ex.PlatformCode, ex.Kind));
        Assert.Contains("Session has expired", ex.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ReadAsync_TokenNotAccepted_ThrowsTokenKindWithoutTheToken()
    {
        const string badToken = "EAAGnotAcceptedToken55";
        var server = await StartServerAsync(Data([Post(1, Day(2))], []));
        await using var services = BuildServices(server.BaseUrl);

        var ex = await Assert.ThrowsAsync<PlatformException>(
            () => Client(services).ReadAsync(Session(badToken), new StreamRequest(StreamNames.Posts, Since: Since), Ct));

        Assert.Equal((400, "190", PlatformErrorKind.Token), (ex.StatusCode, ex.PlatformCode, ex.Kind));
        Assert.Contains("(#190) Invalid OAuth access token", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(badToken, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_MissingPermissionOnAnEdge_ThrowsPermissionKind()
    {
        var server = await StartServerAsync(FacebookSampleData.Parse(MappingJson));
        server.Fault = request => request.Path.Value!.EndsWith("/roles", StringComparison.Ordinal) ? FacebookSampleError.MissingPermission("pages_manage_metadata") : null;
        await using var services = BuildServices(server.BaseUrl);

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Client(services).ReadAsync(Session(), new StreamRequest(StreamNames.Roles), Ct));

        Assert.Equal((403, "200", PlatformErrorKind.Permission), (ex.StatusCode, ex.PlatformCode, ex.Kind));
        Assert.Contains("pages_manage_metadata", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UnknownPage_ThrowsPermissionKindWithSubcode33()
    {
        var server = await StartServerAsync(Data([Post(1, Day(2))], []));
        await using var services = BuildServices(server.BaseUrl);

        var ex = await Assert.ThrowsAsync<PlatformException>(
            () => Client(services).ReadAsync(Session(account: TestAccount("104000000000999")), new StreamRequest(StreamNames.Posts, Since: Since), Ct));

        // Code 100 on an edge: a missing permission or the object is gone; the scanner asks the object itself to tell.
        Assert.Equal((400, "100/33", PlatformErrorKind.Permission), (ex.StatusCode, ex.PlatformCode, ex.Kind));
    }

    [Fact]
    public async Task IsGoneAsync_CommentThatExistsThenIsDeleted_FalseThenTrueOnCode100Subcode33()
    {
        var server = await StartServerAsync(Data([Post(1, Day(2))], new() { [1] = [Comment(1, 1, Day(3))] }));
        await using var services = BuildServices(server.BaseUrl);
        var client = Client(services);
        var session = Session();
        var id = $"{PostNumber(1)}_9001";

        var before = await client.IsGoneAsync(session, id, Ct);
        server.Delete(id);
        var after = await client.IsGoneAsync(session, id, Ct);

        Assert.Equal((false, true), (before, after));
        Assert.Equal(2, session.Calls[StreamNames.Deletions]);
        Assert.EndsWith($"/{id}?fields=id", server.Requests[^1], StringComparison.Ordinal);
        Assert.Equal(Token, server.Tokens[^1]);
    }

    [Fact]
    public async Task CheckTokenAsync_DataAccessExpiring_ReturnsValidWithThatExpiry()
    {
        var server = await StartServerAsync(Data([Post(1, Day(2))], []));
        server.TokenExpiry[Token] = new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.Zero);
        await using var services = BuildServices(server.BaseUrl);

        var status = await Client(services).CheckTokenAsync(Session(), Ct);

        Assert.True(status.Valid);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.Zero), status.ExpiresAt);
        Assert.Contains("pages_read_engagement", status.Scopes);
        Assert.Contains(server.Requests, r => r.EndsWith($"/debug_token?input_token={Token}", StringComparison.Ordinal));
        Assert.Equal(Token, server.Tokens[^1]);
    }

    [Fact]
    public async Task ReadAsync_AppLimitCode4Once_RetriesAfterBackOffOnTheFakeClockAndLosesNothing()
    {
        var server = await StartServerAsync(Data([Post(1, Day(2)), Post(2, Day(3))], []));
        var faults = 0;
        server.Fault = _ => Interlocked.Increment(ref faults) == 1 ? FacebookSampleError.AppLimit() : null;
        var logs = new CapturingLoggerProvider();
        var time = new TestClock(TestHost.Start);
        await using var services = BuildServices(server.BaseUrl, logs, time);
        var session = Session();

        var reading = Client(services).ReadAsync(session, new StreamRequest(StreamNames.Posts, Since: Since), Ct);
        await FakeClock.WaitUntilAsync(() => RetryLogged(logs), "the retry to be scheduled");
        var waited = await FakeClock.AdvanceUntilAsync(time, () => server.Requests.Count == 2, TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(1));
        var read = await reading;

        Assert.InRange(waited, FacebookRetryBase, FacebookRetryBase * 1.25 + TimeSpan.FromSeconds(1));
        Assert.Equal(2, read.Items.Count);
        Assert.Equal(2, session.Calls[StreamNames.Posts]); // The throttled attempt counts against the limits too.
    }

    [Fact]
    public async Task ReadAsync_PageLimit80001WithRegainEstimate_WaitsTheEstimatedMinutesThenReads()
    {
        var server = await StartServerAsync(Data([Post(1, Day(2))], []));
        var faults = 0;
        server.Fault = _ => Interlocked.Increment(ref faults) == 1 ? FacebookSampleError.PageLimit(PageId, minutes: 3) : null;
        var logs = new CapturingLoggerProvider();
        var time = new TestClock(TestHost.Start);
        await using var services = BuildServices(server.BaseUrl, logs, time, maxWaitSeconds: 600);

        var reading = Client(services).ReadAsync(Session(), new StreamRequest(StreamNames.Posts, Since: Since), Ct);
        await FakeClock.WaitUntilAsync(() => RetryLogged(logs), "the retry to be scheduled");
        var waited = await FakeClock.AdvanceUntilAsync(time, () => server.Requests.Count == 2, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10));
        var read = await reading;

        Assert.InRange(waited, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(30));
        Assert.Single(read.Items);
    }

    [Fact]
    public async Task ReadAsync_RetryAfterOn503_WaitsWhatTheHeaderSays()
    {
        var server = await StartServerAsync(Data([Post(1, Day(2))], []));
        var faults = 0;
        server.Fault = _ => Interlocked.Increment(ref faults) == 1
            ? new FacebookSampleError(503, 2, "Service temporarily unavailable", IsTransient: true) { Headers = new Dictionary<string, string> { ["Retry-After"] = "40" } }
            : null;
        var logs = new CapturingLoggerProvider();
        var time = new TestClock(TestHost.Start);
        await using var services = BuildServices(server.BaseUrl, logs, time);

        var reading = Client(services).ReadAsync(Session(), new StreamRequest(StreamNames.Posts, Since: Since), Ct);
        await FakeClock.WaitUntilAsync(() => RetryLogged(logs), "the retry to be scheduled");
        var waited = await FakeClock.AdvanceUntilAsync(time, () => server.Requests.Count == 2, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));
        await reading;

        Assert.InRange(waited, TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(50));
    }

    [Fact]
    public async Task ReadAsync_ThrottleLongerThanMaxWait_ThrowsThrottledAtOnceWithTheWait()
    {
        var server = await StartServerAsync(Data([Post(1, Day(2))], []));
        server.Fault = _ => FacebookSampleError.PageLimit(PageId, minutes: 30);
        var time = new TestClock(TestHost.Start);
        await using var services = BuildServices(server.BaseUrl, time: time);

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Client(services).ReadAsync(Session(), new StreamRequest(StreamNames.Posts, Since: Since), Ct));

        Assert.Equal((400, "80001", PlatformErrorKind.Throttled, TimeSpan.FromMinutes(30)), (ex.StatusCode, ex.PlatformCode, ex.Kind, ex.RetryAfter));
        Assert.Single(server.Requests);
        Assert.Equal(TestHost.Start, time.GetUtcNow());
    }

    [Fact]
    public async Task ReadAsync_UsageHeadersOnASuccess_HoldTheNextRequestsOfThatPage()
    {
        var server = await StartServerAsync(Data([Post(1, Day(2))], new() { [1] = [Comment(1, 1, Day(3))] }));
        server.ResponseHeaders = request => request.Path.Value!.EndsWith("/feed", StringComparison.Ordinal)
            ? new Dictionary<string, string>
            {
                ["X-App-Usage"] = """{"call_count":12,"total_time":9,"total_cputime":4}""",
                ["X-Business-Use-Case-Usage"] = $$"""{"{{PageId}}":[{"type":"pages","call_count":100,"total_cputime":10,"total_time":20,"estimated_time_to_regain_access":1}]}""",
            }
            : null;
        var logs = new CapturingLoggerProvider();
        var time = new TestClock(TestHost.Start);
        await using var services = BuildServices(server.BaseUrl, logs, time);
        var client = Client(services);
        await client.ReadAsync(Session(), new StreamRequest(StreamNames.Posts, Since: Since), Ct);

        var reading = client.ReadAsync(Session(), new StreamRequest(StreamNames.Comments, $"{PageId}_{PostNumber(1)}"), Ct);
        await FakeClock.WaitUntilAsync(() => logs.Logs.Any(l => l.EventId.Id == 6), "the hold to be logged");
        var waited = await FakeClock.AdvanceUntilAsync(time, () => server.Requests.Count == 2, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));
        await reading;

        Assert.InRange(waited, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(65));
        Assert.Null(services.GetRequiredService<FacebookUsageGate>().HoldFor("104000000000902")); // Another Page is not held by this one's limit.
    }

    [Fact]
    public async Task ReadAsync_AppUsageAtTheLimit_StopsTheNextRequestAsThrottledWithoutSendingIt()
    {
        var server = await StartServerAsync(Data([Post(1, Day(2))], []));
        server.ResponseHeaders = _ => new Dictionary<string, string> { ["X-App-Usage"] = """{"call_count":100,"total_time":35,"total_cputime":20}""" };
        await using var services = BuildServices(server.BaseUrl, time: new TestClock(TestHost.Start));
        var client = Client(services);
        await client.ReadAsync(Session(), new StreamRequest(StreamNames.Posts, Since: Since), Ct);

        var ex = await Assert.ThrowsAsync<PlatformException>(() => client.ReadAsync(Session(), new StreamRequest(StreamNames.Profile), Ct));

        Assert.Equal((PlatformErrorKind.Throttled, FacebookUsageGate.AppRest), (ex.Kind, ex.RetryAfter));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ReadAsync_SuccessAndFailure_LogAndArchiveNoTokenAnywhere()
    {
        var server = await StartServerAsync(Data([Post(1, Day(2)), Post(2, Day(3))], new() { [1] = [Comment(1, 1, Day(3))] }));
        server.PageSize = 1;
        var logs = new CapturingLoggerProvider();
        await using var services = BuildServices(server.BaseUrl, logs, maxWaitSeconds: 1);
        var client = Client(services);
        var archived = new List<PlatformResponse>();
        var session = new PlatformSession(TestAccount(), Token, (r, _) => { archived.Add(r); return Task.CompletedTask; });

        await client.ReadAsync(session, new StreamRequest(StreamNames.Posts, Since: Since), Ct);
        server.Fault = request => request.Query.ContainsKey("after") ? FacebookSampleError.ServerError() : null;
        await Assert.ThrowsAsync<PlatformException>(() => client.ReadAsync(session, new StreamRequest(StreamNames.Posts, Since: Since), Ct));
        server.Fault = null;
        await Assert.ThrowsAsync<PlatformException>(() => client.ReadAsync(Session("EAAGotherBadToken"), new StreamRequest(StreamNames.Posts, Since: Since), Ct));

        Assert.Contains(server.Tokens, t => t == Token);
        var requestLogs = logs.Logs.Where(l => l.Category == typeof(PlatformHttp).FullName && l.EventId.Id == 1).ToList();
        Assert.True(requestLogs.Count >= 5, $"expected a log line per request, got {requestLogs.Count}");
        Assert.All(requestLogs, l => Assert.Contains("/feed?", l.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Logs, l => l.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
        Assert.All(logs.Logs, l => Assert.DoesNotContain(Token, l.Everything, StringComparison.Ordinal));
        Assert.All(logs.Logs, l => Assert.DoesNotContain("EAAGotherBadToken", l.Everything, StringComparison.Ordinal));
        Assert.Equal(4, archived.Count);
        Assert.Contains(archived, r => r.Body.Contains("\"next\"", StringComparison.Ordinal));
        Assert.All(archived, r => Assert.DoesNotContain(Token, r.Url + r.Body, StringComparison.Ordinal));
        Assert.Contains(archived, r => r.Status == 500);
    }

    [Fact]
    public async Task ReadAsync_ShippedSampleData_LoadsAndMapsEveryStreamOfEveryPage()
    {
        var data = FacebookSampleData.Load(Path.Combine(RepositoryPaths.Root, "samples", "facebook"));
        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"10400000000000{n}"), data.Pages.Select(p => p.Id));
        var server = await StartServerAsync(data);
        await using var services = BuildServices(server.BaseUrl);
        var client = Client(services);
        // Spirit Lake's posts are of August (the demo's stale page), the others' of October.
        var first = new DateTimeOffset(2026, 8, 20, 0, 0, 0, TimeSpan.Zero);
        var last = new DateTimeOffset(2026, 10, 14, 12, 0, 0, TimeSpan.Zero);

        foreach (var page in data.Pages)
        {
            var session = Session(account: TestAccount(page.Id));
            var posts = await client.ReadAsync(session, new StreamRequest(StreamNames.Posts, Since: new DateTimeOffset(2026, 8, 16, 18, 0, 0, TimeSpan.Zero)), Ct);
            var items = posts.Items.ToList();
            foreach (var post in posts.Items)
            {
                items.AddRange((await client.ReadAsync(session, new StreamRequest(StreamNames.Comments, post.Id), Ct)).Items);
            }

            var expected = page.Posts.Concat(page.Comments.Values.SelectMany(c => c)).Select(e => e.GetProperty("id").GetString()!).ToList();
            Assert.Equal(expected.Order(StringComparer.Ordinal), items.Select(i => i.Id).Order(StringComparer.Ordinal));
            var ids = items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            Assert.All(items, item =>
            {
                Assert.InRange(item.CreatedAt!.Value, first, last);
                Assert.True(item.ParentId is null || ids.Contains(item.ParentId), $"{item.Id}: parent {item.ParentId} not read");
                Assert.Equal(item.Kind == ItemKinds.Post, item.ParentId is null);
                Assert.DoesNotContain(item.Links, l => l.Contains("l.facebook.com", StringComparison.Ordinal));
            });
            Assert.Contains(items, i => i.Origin == ItemOrigins.Official);
            Assert.All(posts.Items, p => Assert.Equal(page.Comments.GetValueOrDefault(p.Id)?.Count ?? 0, posts.Hints[p.Id].Comments));

            var profile = Assert.Single((await client.ReadAsync(session, new StreamRequest(StreamNames.Profile), Ct)).Items);
            Assert.Equal(page.Name, profile.Facts!["name"]);
            Assert.StartsWith("https://www.communitylibrary.net/", profile.Facts["website"], StringComparison.Ordinal);
            Assert.Equal(page.Roles.Count, (await client.ReadAsync(session, new StreamRequest(StreamNames.Roles), Ct)).Items.Count);
            Assert.Equal(page.Apps.Count, (await client.ReadAsync(session, new StreamRequest(StreamNames.Apps), Ct)).Items.Count);
        }
    }

    private static readonly TimeSpan FacebookRetryBase = TimeSpan.FromSeconds(2);

    private static bool RetryLogged(CapturingLoggerProvider logs) =>
        logs.Logs.Any(l => l.Category == typeof(FacebookResilience).FullName && l.EventId.Id == 10);

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
                           "url":"https://www.facebook.com/photo.php?fbid=63"}}]},
          "profile":{"id":"104000000000901","name":"Community Library Network - Test","username":"CLNTest","link":"https://www.facebook.com/CLNTest",
            "about":"Comment policy: https://communitylibrary.net/social-media-policy","website":"https://www.communitylibrary.net/locations/test",
            "phone":"(208) 555-0140","emails":["info@communitylibrary.net","test@communitylibrary.net"],
            "hours":{"sat_1_open":"10:00","sat_1_close":"17:00","mon_1_open":"10:00","mon_1_close":"19:00","mon_2_open":"20:00","mon_2_close":"21:00"},
            "picture":{"data":{"height":50,"is_silhouette":false,"url":"https://scontent.xx.fbcdn.net/v/t39/logo_n.png?_nc_cat=1&oh=00_AfD1&oe=6712A1B2","width":50}},
            "cover":{"cover_id":"2001","offset_x":0,"offset_y":50,"source":"https://scontent.xx.fbcdn.net/v/t39/cover_n.jpg?oh=00_AfE4&oe=6712B3C4","id":"2001"},
            "category_list":[{"id":"2606","name":"Library"}]},
          "roles":[{"name":"Jordan Avery","id":"1000000000100","tasks":["ANALYZE","ADVERTISE","MESSAGING","MODERATE","CREATE_CONTENT","MANAGE"]},
                   {"name":"Former Volunteer","id":"1000000000199","tasks":["ANALYZE","MODERATE"]}],
          "apps":[{"category":"Business","link":"https://www.hootsuite.com/","name":"Hootsuite","id":"183319479511","subscribed_fields":["feed","mention"]}]}]}
        """;

    private static PlatformSession Session(string token = Token, Account? account = null) => new(account ?? TestAccount(), token);

    private static Account TestAccount(string pageId = PageId) => new()
    {
        Id = AccountId,
        Platform = PlatformNames.Facebook,
        PlatformId = pageId,
        Location = "test",
        Token = "cln-test-fb-token",
    };

    private static ServiceProvider BuildServices(string baseUrl, CapturingLoggerProvider? logs = null, TimeProvider? time = null, int maxWaitSeconds = 60)
    {
        var services = PlatformTestServices.Create(time, logs, maxWaitSeconds);
        services.AddFacebook();
        services.AddSingleton(Options.Create(new PlatformsOptions
        {
            Facebook = new PlatformOptions { BaseUrl = baseUrl, ApiVersion = "v25.0" },
        }));
        return services.BuildServiceProvider();
    }

    private static FacebookClient Client(ServiceProvider services) =>
        Assert.IsType<FacebookClient>(Assert.Single(services.GetServices<IPlatformClient>()));

    /// <summary>The Graph API fake on its own loopback host (stopped when the test ends), accepting <see cref="Token"/>.</summary>
    private async Task<FacebookGraph> StartServerAsync(FacebookSampleData data)
    {
        var server = new FacebookGraph(data, new HashSet<string>(StringComparer.Ordinal) { Token }) { PathPrefix = PathBase };
        await _hosts.StartAsync([server], Ct);
        return server;
    }

    public ValueTask DisposeAsync() => _hosts.DisposeAsync();

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

    private static JsonObject Reply(int post, int n, int parent, DateTimeOffset created) => new()
    {
        ["id"] = $"{PostNumber(post)}_{9000 + n}",
        ["created_time"] = Wire(created),
        ["message"] = $"Reply {n} to comment {parent}",
        ["parent"] = new JsonObject { ["id"] = $"{PostNumber(post)}_{9000 + parent}" },
        ["permalink_url"] = $"https://www.facebook.com/{PageId}/posts/{PostNumber(post)}/?comment_id={9000 + parent}&reply_comment_id={9000 + n}",
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
}
