using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Platforms.YouTube;
using SocialMonitor.Core.Scanning;
using SocialMonitor.IntegrationTests.Support;
using SocialMonitor.Local;
using SocialMonitor.Local.Platforms;
using SocialMonitor.Local.Platforms.YouTube;

namespace SocialMonitor.IntegrationTests.Platforms.YouTube;

/// <summary>The YouTube client against the Data API on the loopback host: every stream, paging, the quota, the error kinds, and the key kept out of everything.</summary>
public sealed class YouTubeClientTests : IAsyncDisposable
{
    private const string Key = "AIzaSyTestKey0000000000000000000000Q9";
    private const string ChannelId = "UCtestChannel00000000001";
    private const string AccountId = "cln-test-yt";
    private const string RefreshToken = "1//0gYouTubeRefreshToken5Hk";
    private const string RefreshTokenName = "cln-test-yt-oauth";
    private const string AccessToken = "ya29.youTubeAccessToken8Mw";
    private const string ClientId = "123456-cln.apps.googleusercontent.com";
    private const string ClientSecret = "GOCSPX-youTubeClientSecret2Lb";
    private const string ClientSecretName = "youtube-client-secret";
    private static readonly DateTimeOffset Since = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly LoopbackHosts _hosts = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_UploadsOverSeveralPages_PagesToTheWatermarkThenReadsTheVideosInOneBatch()
    {
        // Six videos, newest first: 6..3 are since the watermark, 2 and 1 older.
        var videos = Enumerable.Range(1, 6).Select(n => Video(n, n <= 2 ? Since.AddDays(-n) : Since.AddDays(n), captions: n % 2 == 0)).ToList();
        var server = await StartServerAsync(Data(videos, [Comment(4, 1, Since.AddDays(5)), Comment(4, 2, Since.AddDays(6))]));
        server.PageSize = 2;
        await using var services = BuildServices(server.BaseUrl);
        var session = Session();

        var read = await Client(services).ReadAsync(session, new StreamRequest(YouTubeClient.Uploads, Since: Since), Ct);

        Assert.Equal(["vid000006ab", "vid000005ab", "vid000004ab", "vid000003ab"], read.Items.Select(i => i.Id));
        Assert.Equal(new ChangeHint("2", 2), read.Hints["vid000004ab"]);
        Assert.Equal(0, read.Hints["vid000003ab"].Comments);
        var video = read.Items[2];
        Assert.Equal((ItemKinds.Post, ItemOrigins.Official), (video.Kind, video.Origin));
        Assert.Equal(true, Assert.Single(video.Media).Captions);
        Assert.Equal(false, Assert.Single(read.Items[1].Media).Captions);
        Assert.Contains("https://example.com/video/4", video.Links);
        Assert.Contains("Description of video 4", video.Text, StringComparison.Ordinal);
        // Three playlist pages (the third reaches the watermark, so the fourth is never asked for), then one videos.list of four ids.
        Assert.Equal(3, server.Requests.Count(r => r.Contains("/playlistItems", StringComparison.Ordinal)));
        Assert.Equal(1, server.Requests.Count(r => r.Contains("/videos", StringComparison.Ordinal)));
        Assert.DoesNotContain(server.Requests, r => r.Contains("/search", StringComparison.Ordinal));
        Assert.Equal(4, session.TotalUnits);
        Assert.Equal(new Dictionary<string, int> { [YouTubeClient.Uploads] = 4 }, session.Calls);
    }

    [Fact]
    public async Task ReadAsync_SixtyVideos_AsksVideosListInBatchesOfFifty()
    {
        var videos = Enumerable.Range(1, 60).Select(n => Video(n, Since.AddHours(n), captions: true)).ToList();
        var server = await StartServerAsync(Data(videos, []));
        await using var services = BuildServices(server.BaseUrl);
        var session = Session();

        var read = await Client(services).ReadAsync(session, new StreamRequest(YouTubeClient.Uploads, Since: Since), Ct);

        Assert.Equal(60, read.Items.Count);
        Assert.Equal(2, server.Requests.Count(r => r.Contains("/playlistItems", StringComparison.Ordinal)));
        Assert.Equal(2, server.Requests.Count(r => r.Contains("/videos", StringComparison.Ordinal)));
        Assert.Equal(4, session.TotalUnits);
    }

    [Fact]
    public async Task ReadAsync_ThreadWithMoreRepliesThanItCarries_ReadsEveryReplyStripsTheHtmlAndReadsItsLinks()
    {
        var top = Comment(1, 1, Since.AddDays(3), html: "Great story time!<br />More at <a href=\"https://bit.example/x\">bit.example/x</a> &amp; more");
        var replies = Enumerable.Range(2, 3).Select(n => Reply(1, n, "cmt0001", Since.AddDays(3).AddMinutes(n))).ToList();
        var server = await StartServerAsync(Data([Video(1, Since.AddDays(2), captions: true)], [top, .. replies]));
        server.RepliesCarried = 1;
        server.PageSize = 2;
        await using var services = BuildServices(server.BaseUrl);
        var session = Session();

        var read = await Client(services).ReadAsync(session, new StreamRequest(StreamNames.Comments, "vid000001ab"), Ct);

        Assert.Equal(["cmt0001", "cmt0001.r2", "cmt0001.r3", "cmt0001.r4"], read.Items.Select(i => i.Id));
        var comment = read.Items[0];
        Assert.Equal((ItemKinds.Comment, "vid000001ab", ItemOrigins.Guest), (comment.Kind, comment.ParentId, comment.Origin));
        Assert.Equal("Great story time!\nMore at bit.example/x & more", comment.Text);
        Assert.Equal(["https://bit.example/x"], comment.Links);
        Assert.All(read.Items.Skip(1), r => Assert.Equal((ItemKinds.Reply, "cmt0001"), (r.Kind, r.ParentId)));
        // One page of threads, two pages of replies: a unit each.
        Assert.Equal(2, server.Requests.Count(r => r.Contains("parentId=cmt0001", StringComparison.Ordinal)));
        Assert.Equal(3, session.Units[StreamNames.Comments]);
    }

    [Fact]
    public async Task ReadAsync_EditedComment_HasItsEditTime()
    {
        var server = await StartServerAsync(Data([Video(1, Since.AddDays(2), captions: true)], [Comment(1, 1, Since.AddDays(3))]));
        await using var services = BuildServices(server.BaseUrl);
        var client = Client(services);
        var edited = Since.AddDays(4);
        server.Update("cmt0001", c =>
        {
            c["snippet"]!["textDisplay"] = "Changed my mind";
            c["snippet"]!["updatedAt"] = Wire(edited);
        });

        var read = await client.ReadAsync(Session(), new StreamRequest(StreamNames.Comments, "vid000001ab"), Ct);

        var comment = Assert.Single(read.Items);
        Assert.Equal(("Changed my mind", edited), (comment.Text, comment.EditedAt));
    }

    [Fact]
    public async Task ReadAsync_CommentsDisabled_IsAPermissionFailureOfThatVideoOnly()
    {
        var data = Data([Video(1, Since.AddDays(2), captions: true)], [], disabled: ["vid000001ab"]);
        var server = await StartServerAsync(data);
        await using var services = BuildServices(server.BaseUrl);

        var failure = await Assert.ThrowsAsync<PlatformException>(() => Client(services).ReadAsync(Session(), new StreamRequest(StreamNames.Comments, "vid000001ab"), Ct));

        Assert.Equal((PlatformErrorKind.Permission, "commentsDisabled"), (failure.Kind, failure.PlatformCode));
    }

    [Fact]
    public async Task IsGoneAsync_DeletedCommentAndVideo_AreConfirmedGoneByAnAnswerWithoutItems()
    {
        var server = await StartServerAsync(Data([Video(1, Since.AddDays(2), captions: true), Video(2, Since.AddDays(3), captions: true)],
            [Comment(1, 1, Since.AddDays(3)), Comment(1, 2, Since.AddDays(3))]));
        await using var services = BuildServices(server.BaseUrl);
        var client = Client(services);
        server.Delete("cmt0002");
        server.Delete("vid000002ab");

        Assert.True(await client.IsGoneAsync(Session(), "cmt0002", Ct));
        Assert.False(await client.IsGoneAsync(Session(), "cmt0001", Ct));
        Assert.True(await client.IsGoneAsync(Session(), "vid000002ab", Ct));
        Assert.False(await client.IsGoneAsync(Session(), "vid000001ab", Ct));
        Assert.Contains(server.Requests, r => r.StartsWith("/youtube/v3/comments?part=id&id=cmt0002", StringComparison.Ordinal));
        Assert.Contains(server.Requests, r => r.StartsWith("/youtube/v3/videos?part=id&id=vid000002ab", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_Profile_MapsTheChannel()
    {
        var server = await StartServerAsync(Data([], []));
        await using var services = BuildServices(server.BaseUrl);

        var read = await Client(services).ReadAsync(Session(), new StreamRequest(StreamNames.Profile), Ct);

        var profile = Assert.Single(read.Items);
        Assert.Equal((ChannelId, ItemKinds.Profile), (profile.Id, profile.Kind));
        Assert.Equal("CLN Test Channel", profile.Facts!["name"]);
        Assert.Equal("https://www.youtube.com/@clntest", profile.Permalink);
    }

    [Fact]
    public async Task ReadAsync_QuotaExceeded_StopsEveryAccountUntilMidnightPacificThenReadsAgain()
    {
        var server = await StartServerAsync(Data([Video(1, Since.AddDays(2), captions: true)], []));
        var quotaSpent = true;
        server.Fault = _ => quotaSpent ? YouTubeSampleError.QuotaExceeded() : null;
        var clock = new TestClock(TestHost.Start); // 11:00 Pacific (PDT)
        await using var services = BuildServices(server.BaseUrl, time: clock);
        var client = Client(services);

        var first = await Assert.ThrowsAsync<PlatformException>(() => client.ReadAsync(Session(), new StreamRequest(YouTubeClient.Uploads, Since: Since), Ct));
        var other = new Account { Id = "cln-other-yt", Platform = PlatformNames.YouTube, PlatformId = ChannelId, Location = "test", Token = "other" };
        var second = await Assert.ThrowsAsync<PlatformException>(() => client.ReadAsync(Session(account: other), new StreamRequest(StreamNames.Profile), Ct));
        quotaSpent = false;
        clock.SetUtcNow(new DateTimeOffset(2026, 10, 16, 6, 59, 0, TimeSpan.Zero)); // 23:59 Pacific: still the same Google day.
        await Assert.ThrowsAsync<PlatformException>(() => client.ReadAsync(Session(), new StreamRequest(StreamNames.Profile), Ct));
        var sentBeforeReset = server.Requests.Count;
        clock.SetUtcNow(new DateTimeOffset(2026, 10, 16, 7, 0, 1, TimeSpan.Zero)); // 00:00:01 Pacific: the quota is back.
        var read = await client.ReadAsync(Session(), new StreamRequest(YouTubeClient.Uploads, Since: Since), Ct);

        Assert.Equal((PlatformErrorKind.Throttled, "quotaExceeded"), (first.Kind, first.PlatformCode));
        Assert.Equal(new DateTimeOffset(2026, 10, 16, 7, 0, 0, TimeSpan.Zero) - TestHost.Start, first.RetryAfter);
        Assert.Equal(PlatformErrorKind.Throttled, second.Kind);
        Assert.Equal(1, sentBeforeReset); // Only the first request left the process; the rest were not sent.
        Assert.Single(read.Items);
    }

    [Fact]
    public async Task ReadAsync_BadKey_IsATokenFailureAndTheKeyIsInNoUrlLogExceptionOrArchivedAnswer()
    {
        const string wrongKey = "AIzaSyWrongKey000000000000000000000Z7";
        var server = await StartServerAsync(Data([Video(1, Since.AddDays(2), captions: true)], [Comment(1, 1, Since.AddDays(3))]));
        var logs = new CapturingLoggerProvider();
        await using var services = BuildServices(server.BaseUrl, logs);
        var client = Client(services);
        var archived = new List<PlatformResponse>();
        Task Record(PlatformResponse response, CancellationToken _)
        {
            archived.Add(response);
            return Task.CompletedTask;
        }

        var bad = await Assert.ThrowsAsync<PlatformException>(() => client.CheckTokenAsync(new PlatformSession(TestAccount(), wrongKey, Record), Ct));
        var good = new PlatformSession(TestAccount(), Key, Record);
        var status = await client.CheckTokenAsync(good, Ct);
        await client.ReadAsync(good, new StreamRequest(YouTubeClient.Uploads, Since: Since), Ct);
        await client.ReadAsync(good, new StreamRequest(StreamNames.Comments, "vid000001ab"), Ct);

        Assert.Equal((PlatformErrorKind.Token, "keyInvalid"), (bad.Kind, bad.PlatformCode));
        Assert.True(status.Valid);
        Assert.Null(status.ExpiresAt);
        Assert.Contains(server.Requests, r => r.Contains("key=" + Key, StringComparison.Ordinal)); // The key was sent…
        foreach (var secret in new[] { Key, wrongKey })
        {
            Assert.DoesNotContain(secret, bad.Message, StringComparison.Ordinal); // …and is in nothing the monitor keeps.
            Assert.DoesNotContain(logs.Logs, l => l.Message.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(archived, a => a.Url.Contains(secret, StringComparison.Ordinal) || a.Body.Contains(secret, StringComparison.Ordinal));
        }
        Assert.True(archived.Count >= 4);
        Assert.All(archived, a => Assert.Contains("key=***", a.Url, StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_DeclaresTheDailyQuotaInPacificDaysAndNoSearch()
    {
        using var services = BuildServices("http://127.0.0.1:9", quota: 2500);
        var plan = Client(services).Plan;

        Assert.Equal(new PlatformBudget(2500, BudgetPeriod.Day), plan.Budget! with { Zone = TimeZoneInfo.Utc });
        Assert.Equal("America/Los_Angeles", plan.Budget!.Zone.Id);
        Assert.Equal("2026-10-15", plan.Budget.PeriodKey(new DateTimeOffset(2026, 10, 16, 6, 0, 0, TimeSpan.Zero)));
        Assert.Equal(YouTubeClient.Uploads, plan.Posts!.Name);
        Assert.Equal([StreamNames.Comments], plan.PerPost.Select(p => p.Name));
        Assert.Equal([StreamNames.Profile], plan.Daily.Select(p => p.Name));
    }

    private static PlatformSession Session(string token = Key, Account? account = null) => new(account ?? TestAccount(), token);

    [Fact]
    public async Task ReadAsync_CommentsWithOAuth_ExchangesTheRefreshTokenOnceAndReadsHeldAndLikelySpamThreadsAsHidden()
    {
        var (server, endpoint) = await StartOAuthServerAsync(HeldData());
        await using var services = BuildServices(server.BaseUrl, oauthUrl: endpoint.TokenUrl);
        var client = Client(services);
        var session = new PlatformSession(TestAccount() with { RefreshToken = RefreshTokenName }, Key);

        var first = await client.ReadAsync(session, new StreamRequest(StreamNames.Comments, VideoId(1)), Ct);
        var again = await client.ReadAsync(session, new StreamRequest(StreamNames.Comments, VideoId(1)), Ct);

        Assert.Equal(["cmt0001", "cmt0002", "cmt0003"], first.Items.Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["cmt0002", "cmt0003"], first.Items.Where(i => i.Hidden).Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.Equal(3, again.Items.Count);
        var exchange = Assert.Single(endpoint.Exchanges); // In memory until shortly before it expires.
        Assert.Equal(("refresh_token", RefreshToken, ClientId, ClientSecret),
            (exchange["grant_type"], exchange["refresh_token"], exchange["client_id"], exchange["client_secret"]));
        var held = server.Requests.Where(r => r.Contains("moderationStatus=", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, held.Count); // heldForReview and likelySpam, per read.
        Assert.All(held, r => Assert.DoesNotContain("key=", r, StringComparison.Ordinal)); // The owner's bearer token, no key.
        Assert.Contains(AccessToken, server.Tokens);
        Assert.Equal(6, session.Calls[StreamNames.Comments]); // One unit per call, the held lists too.
        Assert.Equal(CapabilityState.Supported, client.Capabilities[PlatformCapabilities.Hidden]);
    }

    [Fact]
    public async Task ReadAsync_CommentsWithoutARefreshToken_LeavesHeldCommentsUnreadAndCannotVerify()
    {
        var (server, endpoint) = await StartOAuthServerAsync(HeldData());
        await using var services = BuildServices(server.BaseUrl);
        var client = Client(services);

        var read = await client.ReadAsync(Session(), new StreamRequest(StreamNames.Comments, VideoId(1)), Ct);

        Assert.Equal(["cmt0001"], read.Items.Select(i => i.Id));
        Assert.Empty(endpoint.Exchanges);
        Assert.DoesNotContain(server.Requests, r => r.Contains("moderationStatus=", StringComparison.Ordinal));
        Assert.Equal(CapabilityState.CannotVerify, client.Capabilities[PlatformCapabilities.Hidden]);
    }

    [Fact]
    public async Task CheckTokenAsync_WithOAuth_DoesTheRefreshExchange_InvalidGrantIsATokenError_AndNoSecretIsShown()
    {
        var (server, endpoint) = await StartOAuthServerAsync(HeldData());
        var logs = new CapturingLoggerProvider();
        await using var services = BuildServices(server.BaseUrl, logs, oauthUrl: endpoint.TokenUrl);
        var archived = new List<PlatformResponse>();
        var session = new PlatformSession(TestAccount() with { RefreshToken = RefreshTokenName }, Key, (response, _) =>
        {
            lock (archived)
            {
                archived.Add(response);
            }
            return Task.CompletedTask;
        });

        var valid = await Client(services).CheckTokenAsync(session, Ct);
        endpoint.Grants.Clear(); // The owner revoked the app, or the Testing app's seven days ran out.
        var error = await Assert.ThrowsAsync<PlatformException>(() => Client(services).CheckTokenAsync(session, Ct));

        Assert.True(valid.Valid);
        Assert.Contains("https://www.googleapis.com/auth/youtube.force-ssl", valid.Scopes);
        Assert.Equal(2, endpoint.Exchanges.Count); // The check always exchanges.
        Assert.Equal(PlatformErrorKind.Token, error.Kind);
        Assert.Equal("invalid_grant", error.PlatformCode);
        Assert.Contains(archived, a => a.Stream == StreamNames.Token && a.Status == 200 && a.Body.Contains("\"access_token\":\"***\"", StringComparison.Ordinal));
        Assert.Contains(archived, a => a.Stream == StreamNames.Token && a.Status == 400);
        Assert.NotEmpty(logs.Logs);
        foreach (var secret in new[] { Key, RefreshToken, AccessToken, ClientSecret })
        {
            Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
            Assert.All(archived, a => Assert.DoesNotContain(secret, a.Url + a.Body, StringComparison.Ordinal));
            Assert.All(logs.Logs, l => Assert.DoesNotContain(secret, l.ToString(), StringComparison.Ordinal));
            Assert.All(endpoint.Requests, r => Assert.DoesNotContain(secret, r, StringComparison.Ordinal));
        }
    }

    /// <summary>Video 1 with a published comment, one held for review and one YouTube thinks likely spam.</summary>
    private static YouTubeSampleData HeldData()
    {
        var held = Comment(1, 2, Since.AddDays(3));
        held["snippet"]!["moderationStatus"] = "heldForReview";
        var spam = Comment(1, 3, Since.AddDays(4));
        spam["snippet"]!["moderationStatus"] = "likelySpam";
        return Data([Video(1, Since.AddDays(1), captions: true)], [Comment(1, 1, Since.AddDays(2)), held, spam]);
    }

    private async Task<(YouTubeDataApi Server, OAuthTokenEndpoint Endpoint)> StartOAuthServerAsync(YouTubeSampleData data)
    {
        var server = new YouTubeDataApi(data, new HashSet<string>(StringComparer.Ordinal) { Key, AccessToken });
        var endpoint = new OAuthTokenEndpoint("google-oauth", "token", ClientId, ClientSecret) { Scope = "https://www.googleapis.com/auth/youtube.force-ssl" };
        endpoint.Grants[RefreshToken] = AccessToken;
        await _hosts.StartAsync([server, endpoint], Ct);
        return (server, endpoint);
    }

    private static Account TestAccount() => new()
    {
        Id = AccountId,
        Platform = PlatformNames.YouTube,
        PlatformId = ChannelId,
        Location = "test",
        Token = "cln-test-yt-key",
    };

    private static ServiceProvider BuildServices(string baseUrl, CapturingLoggerProvider? logs = null, TimeProvider? time = null, int quota = 10_000, string? oauthUrl = null)
    {
        var services = PlatformTestServices.Create(time, logs);
        services.AddSingleton(Options.Create(new YouTubeOptions { DailyQuota = quota }));
        services.AddYouTube();
        var tokens = new TokenOptions();
        tokens.Values[RefreshTokenName] = RefreshToken;
        tokens.Values[ClientSecretName] = ClientSecret;
        services.AddSingleton<ITokenSource>(new SettingsTokenSource(Options.Create(tokens)));
        services.AddSingleton(Options.Create(new PlatformsOptions
        {
            YouTube = oauthUrl is null
                ? new PlatformOptions { BaseUrl = baseUrl, ApiVersion = "v3" }
                : new PlatformOptions { BaseUrl = baseUrl, ApiVersion = "v3", ClientId = ClientId, ClientSecretName = ClientSecretName, OAuthBaseUrl = oauthUrl },
        }));
        return services.BuildServiceProvider();
    }

    private static YouTubeClient Client(ServiceProvider services) =>
        Assert.IsType<YouTubeClient>(Assert.Single(services.GetServices<IPlatformClient>()));

    private async Task<YouTubeDataApi> StartServerAsync(YouTubeSampleData data)
    {
        var server = new YouTubeDataApi(data, new HashSet<string>(StringComparer.Ordinal) { Key });
        await _hosts.StartAsync([server], Ct);
        return server;
    }

    public ValueTask DisposeAsync() => _hosts.DisposeAsync();

    private static string Wire(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string VideoId(int n) => string.Create(CultureInfo.InvariantCulture, $"vid{n:000000}ab");

    private static JsonObject Video(int n, DateTimeOffset published, bool captions) => new()
    {
        ["kind"] = "youtube#video",
        ["id"] = VideoId(n),
        ["snippet"] = new JsonObject
        {
            ["publishedAt"] = Wire(published),
            ["channelId"] = ChannelId,
            ["title"] = $"Video {n}",
            ["description"] = $"Description of video {n}. See https://example.com/video/{n}.",
            ["channelTitle"] = "CLN Test Channel",
            ["tags"] = new JsonArray("library", "test"),
        },
        ["contentDetails"] = new JsonObject { ["duration"] = "PT10M", ["caption"] = captions ? "true" : "false" },
        ["status"] = new JsonObject { ["privacyStatus"] = "public" },
        ["statistics"] = new JsonObject { ["viewCount"] = "10" },
    };

    private static JsonObject Comment(int video, int n, DateTimeOffset published, string? html = null) => new()
    {
        ["kind"] = "youtube#comment",
        ["id"] = string.Create(CultureInfo.InvariantCulture, $"cmt{n:0000}"),
        ["snippet"] = new JsonObject
        {
            ["channelId"] = ChannelId,
            ["videoId"] = VideoId(video),
            ["textDisplay"] = html ?? $"Comment {n}",
            ["textOriginal"] = html ?? $"Comment {n}",
            ["authorDisplayName"] = $"@guest{n}",
            ["authorChannelId"] = new JsonObject { ["value"] = $"UCguest{n}" },
            ["publishedAt"] = Wire(published),
            ["updatedAt"] = Wire(published),
        },
    };

    private static JsonObject Reply(int video, int n, string parent, DateTimeOffset published)
    {
        var reply = Comment(video, n, published);
        reply["id"] = string.Create(CultureInfo.InvariantCulture, $"{parent}.r{n}");
        reply["snippet"]!["parentId"] = parent;
        return reply;
    }

    private static YouTubeSampleData Data(IEnumerable<JsonObject> videos, IEnumerable<JsonObject> comments, IEnumerable<string>? disabled = null) =>
        YouTubeSampleData.Parse(new JsonObject
        {
            ["channel"] = new JsonObject
            {
                ["kind"] = "youtube#channel",
                ["id"] = ChannelId,
                ["snippet"] = new JsonObject { ["title"] = "CLN Test Channel", ["description"] = "The test channel.", ["customUrl"] = "@clntest" },
                ["brandingSettings"] = new JsonObject { ["channel"] = new JsonObject { ["title"] = "CLN Test Channel", ["country"] = "US" } },
                ["status"] = new JsonObject { ["privacyStatus"] = "public", ["madeForKids"] = false },
            },
            ["videos"] = new JsonArray([.. videos]),
            ["comments"] = new JsonArray([.. comments]),
            ["commentsDisabled"] = new JsonArray([.. (disabled ?? []).Select(d => JsonValue.Create(d))]),
        }.ToJsonString());
}
