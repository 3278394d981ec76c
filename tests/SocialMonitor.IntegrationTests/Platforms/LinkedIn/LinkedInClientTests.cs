using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Platforms.LinkedIn;
using SocialMonitor.Core.Scanning;
using SocialMonitor.IntegrationTests.Support;
using SocialMonitor.Local;
using SocialMonitor.Local.Platforms;
using SocialMonitor.Local.Platforms.LinkedIn;

namespace SocialMonitor.IntegrationTests.Platforms.LinkedIn;

/// <summary>The LinkedIn client against the Community Management API fake on the loopback host: every stream, paging, deletions, each error kind, the headers and the secrets.</summary>
public sealed class LinkedInClientTests : IAsyncDisposable
{
    private const string Token = "AQVlinkedinTestToken9Zk";
    private const string Org = "urn:li:organization:90000001";
    private const string AccountId = "cln-test-li";
    private const string Version = "202510";
    private const string Guest = "urn:li:person:guest001";
    private const string RefreshToken = "AQXlinkedinRefreshToken7Qp";
    private const string AccessToken = "AQVlinkedinAccessFromRefresh3Rt";
    private const string ClientId = "86cln0client";
    private const string ClientSecret = "WPLclientSecretValue42x";
    private const string ClientSecretName = "linkedin-client-secret";

    private static readonly DateTimeOffset Since = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly LoopbackHosts _hosts = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_PostsOnPagesShorterThanCount_FollowsTheRootRelativeLinksToTheLastPage()
    {
        var server = await StartServerAsync(Data([.. Enumerable.Range(1, 5).Select(n => Post(n, Day(n + 1)))]));
        server.PageSize = 2; // LinkedIn answers fewer than count while more exist: only the links say there is more.
        await using var services = BuildServices(server.BaseUrl);
        var session = Session();

        var read = await Client(services).ReadAsync(session, new StreamRequest(StreamNames.Posts, Since: Since), Ct);

        Assert.Equal([.. Enumerable.Range(1, 5).Reverse().Select(PostUrn)], read.Items.Select(i => i.Id));
        Assert.Equal(new ChangeHint(Day(6).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), null), read.Hints[PostUrn(5)]);
        Assert.Equal(new Dictionary<string, int> { [StreamNames.Posts] = 3 }, session.Calls);
        Assert.Equal(["start=0", "start=2", "start=4"], server.Requests.Select(r => r.Split('&').Single(p => p.StartsWith("start=", StringComparison.Ordinal))));
        Assert.All(server.Requests, r => Assert.Contains($"q=author&author={Uri.EscapeDataString(Org)}&sortBy=LAST_MODIFIED", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_PostsOlderThanTheWatermark_StopsPagingAndLeavesThemOut()
    {
        var server = await StartServerAsync(Data([Post(1, new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero)), Post(2, new DateTimeOffset(2026, 9, 2, 0, 0, 0, TimeSpan.Zero)),
            Post(3, Day(3)), Post(4, Day(4))]));
        server.PageSize = 3;
        await using var services = BuildServices(server.BaseUrl);
        var session = Session();

        var read = await Client(services).ReadAsync(session, new StreamRequest(StreamNames.Posts, Since: Since), Ct);

        Assert.Equal([PostUrn(4), PostUrn(3)], read.Items.Select(i => i.Id));
        Assert.Equal(1, session.Calls[StreamNames.Posts]); // The first page reached back past the watermark: no second page.
    }

    [Fact]
    public async Task ReadAsync_PostsAndComments_MapsEpochMillisecondTimesEditsArticleLinksResharesAndNestedComments()
    {
        var article = Post(1, Day(2));
        article["commentary"] = "Join @[Our Partners](urn:li:organization:555) {hashtag|\\#|Libraries}";
        article["content"] = new JsonObject { ["article"] = new JsonObject { ["source"] = "https://www.example.com/story", ["title"] = "Story" } };
        article["lifecycleStateInfo"] = new JsonObject { ["isEditedByAuthor"] = true };
        article["lastModifiedAt"] = Day(3).ToUnixTimeMilliseconds();
        var reshare = Post(2, Day(4));
        reshare["reshareContext"] = new JsonObject { ["parent"] = "urn:li:share:42", ["root"] = "urn:li:share:42" };
        var top = Comment(1, 11, Guest, Day(5));
        top["lastModified"] = new JsonObject { ["actor"] = Guest, ["time"] = Day(6).ToUnixTimeMilliseconds() };
        var reply = Comment(1, 12, Org, Day(7));
        reply["parentComment"] = CommentUrn(1, 11);
        var quiet = Comment(1, 13, Guest, Day(8));
        quiet["commentsSummary"] = new JsonObject { ["aggregatedTotalComments"] = 0, ["totalFirstLevelComments"] = 0 };
        var server = await StartServerAsync(Data([article, reshare], new() { [PostUrn(1)] = [top, reply, quiet] }));
        await using var services = BuildServices(server.BaseUrl);
        var client = Client(services);
        var session = Session();

        var posts = (await client.ReadAsync(session, new StreamRequest(StreamNames.Posts, Since: Since), Ct)).Items.ToDictionary(i => i.Id);
        var comments = (await client.ReadAsync(session, new StreamRequest(StreamNames.Comments, PostUrn(1)), Ct)).Items;

        var post = posts[PostUrn(1)];
        Assert.Equal((ItemKinds.Post, ItemOrigins.Official, PlatformNames.LinkedIn, AccountId), (post.Kind, post.Origin, post.Platform, post.Account));
        Assert.Equal("Join Our Partners #Libraries", post.Text);
        Assert.Equal(["https://www.example.com/story"], post.Links);
        Assert.Equal((Day(2), Day(3)), (post.CreatedAt, post.EditedAt));
        Assert.Equal($"https://www.linkedin.com/feed/update/{PostUrn(1)}/", post.Permalink);
        Assert.Equal("Post number 2\n(reshare of urn:li:share:42)", posts[PostUrn(2)].Text);
        Assert.Empty(posts[PostUrn(2)].Links);
        Assert.Null(posts[PostUrn(2)].EditedAt);

        Assert.Equal([CommentUrn(1, 11), CommentUrn(1, 12), CommentUrn(1, 13)], comments.Select(c => c.Id));
        Assert.Equal((ItemKinds.Comment, PostUrn(1), ItemOrigins.Guest, Day(5), (DateTimeOffset?)Day(6)),
            (comments[0].Kind, comments[0].ParentId, comments[0].Origin, comments[0].CreatedAt, comments[0].EditedAt));
        Assert.Equal(new ItemAuthor(Guest, null), comments[0].Author);
        Assert.Equal((ItemKinds.Reply, CommentUrn(1, 11), ItemOrigins.Official), (comments[1].Kind, comments[1].ParentId, comments[1].Origin));
        // The post's comments, then the nested comments of the top-level comment that may have some; the one whose summary says 0 is not asked.
        Assert.Equal(2, session.Calls[StreamNames.Comments]);
        Assert.Contains($"/linkedin/rest/socialActions/{CommentUrn(1, 11)}/comments", server.Requests.Select(r => r.Split('?')[0]));
        Assert.DoesNotContain($"/linkedin/rest/socialActions/{CommentUrn(1, 13)}/comments", server.Requests.Select(r => r.Split('?')[0]));
    }

    [Fact]
    public async Task ReadAsync_Roles_AsksOnceForEachRoleAndGivesOneRoleItemPerPerson()
    {
        var acls = new List<JsonObject>
        {
            Acl("urn:li:person:admin1", "ADMINISTRATOR"), Acl("urn:li:person:admin1", "ANALYST"), Acl("urn:li:person:poster", "CONTENT_ADMINISTRATOR"),
            Acl("urn:li:person:gone", "ADMINISTRATOR", "REVOKED"),
        };
        var server = await StartServerAsync(Data([], acls: acls));
        await using var services = BuildServices(server.BaseUrl);
        var session = Session();

        var roles = (await Client(services).ReadAsync(session, new StreamRequest(StreamNames.Roles), Ct)).Items;

        Assert.Equal([$"{Org}/roles/urn:li:person:admin1", $"{Org}/roles/urn:li:person:poster"], roles.Select(r => r.Id));
        Assert.Equal(("urn:li:person:admin1", "ADMINISTRATOR", "ADMINISTRATOR, ANALYST"), (roles[0].Facts!["userId"], roles[0].Facts!["role"], roles[0].Facts!["tasks"]));
        Assert.Equal((ItemKinds.Role, Org, ItemOrigins.Official), (roles[0].Kind, roles[0].ParentId, roles[0].Origin));
        Assert.Equal(LinkedInItemMapper.Roles.Count, session.Calls[StreamNames.Roles]);
        Assert.Equal([.. LinkedInItemMapper.Roles.Select(r => $"role={r}")],
            server.Requests.Select(r => r.Split('&').Single(p => p.StartsWith("role=", StringComparison.Ordinal))));
        Assert.All(server.Requests, r => Assert.Contains("state=APPROVED", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_Profile_MapsTheOrganizationsNameVanityNameWebsiteDescriptionAndLogo()
    {
        var server = await StartServerAsync(Data([]));
        await using var services = BuildServices(server.BaseUrl);

        var profile = Assert.Single((await Client(services).ReadAsync(Session(), new StreamRequest(StreamNames.Profile), Ct)).Items);

        Assert.Equal((ItemKinds.Profile, Org), (profile.Kind, profile.Id));
        Assert.Equal("Community Library Network - Test", profile.Facts!["name"]);
        Assert.Equal("cln-test", profile.Facts["handle"]);
        Assert.Equal("Libraries for everyone", profile.Facts["bio"]);
        Assert.Equal(["https://www.communitylibrary.net/"], profile.Links);
        Assert.Equal("urn:li:digitalmediaAsset:logo1", Assert.Single(profile.Media).Url);
        Assert.Equal("https://www.linkedin.com/company/cln-test/", profile.Permalink);
        Assert.Equal("/linkedin/rest/organizations/90000001", Assert.Single(server.Requests));
    }

    [Fact]
    public async Task EveryStream_SendsThePinnedVersionAndTheRestliProtocolOnEveryRequest()
    {
        var server = await StartServerAsync(Data([Post(1, Day(2))], new() { [PostUrn(1)] = [Comment(1, 11, Guest, Day(3))] }, [Acl("urn:li:person:a", "ADMINISTRATOR")]));
        await using var services = BuildServices(server.BaseUrl);
        var client = Client(services);
        var session = Session();

        foreach (var request in new[] { new StreamRequest(StreamNames.Posts, Since: Since), new StreamRequest(StreamNames.Comments, PostUrn(1)),
            new StreamRequest(StreamNames.Profile), new StreamRequest(StreamNames.Roles) })
        {
            await client.ReadAsync(session, request, Ct);
        }
        await client.IsGoneAsync(session, PostUrn(1), Ct);

        Assert.Equal(1 + 2 + 1 + LinkedInItemMapper.Roles.Count + 1, server.Headers.Count);
        Assert.All(server.Headers, h => Assert.Equal((Version, "2.0.0"), (h.Version, h.Protocol)));
    }

    [Fact]
    public async Task IsGoneAsync_DeletedPostAndComment_AreConfirmedBy404AndThoseStillThereAreNot()
    {
        var server = await StartServerAsync(Data([Post(1, Day(2)), Post(2, Day(3))], new() { [PostUrn(1)] = [Comment(1, 11, Guest, Day(4)), Comment(1, 12, Guest, Day(5))] }));
        await using var services = BuildServices(server.BaseUrl);
        var client = Client(services);
        server.Delete(PostUrn(2));
        server.Delete(CommentUrn(1, 12));

        Assert.True(await client.IsGoneAsync(Session(), PostUrn(2), Ct));
        Assert.False(await client.IsGoneAsync(Session(), PostUrn(1), Ct));
        Assert.True(await client.IsGoneAsync(Session(), CommentUrn(1, 12), Ct));
        Assert.False(await client.IsGoneAsync(Session(), CommentUrn(1, 11), Ct));
        // The host records the decoded path: the client sent the URNs URL-encoded, and the fake found them.
        Assert.Contains($"/linkedin/rest/posts/{PostUrn(2)}", server.Requests);
        Assert.Contains($"/linkedin/rest/socialActions/{ActivityUrn(1)}/comments/12", server.Requests);
    }

    [Theory]
    [InlineData("{\"serviceErrorCode\":65600,\"message\":\"Invalid access token\",\"status\":401}", "65600")]
    [InlineData("{\"status\":401,\"serviceErrorCode\":65601,\"code\":\"REVOKED_ACCESS_TOKEN\",\"message\":\"The token used in the request has been revoked by the user\"}", "REVOKED_ACCESS_TOKEN/65601")]
    [InlineData("{\"status\":401,\"code\":\"EXPIRED_ACCESS_TOKEN\",\"message\":\"The token used in the request has expired\"}", "EXPIRED_ACCESS_TOKEN")]
    public async Task ReadAsync_401InEitherErrorBodyShape_IsATokenFailure(string body, string code)
    {
        var server = await StartServerAsync(Data([Post(1, Day(2))]));
        server.Fault = _ => new LoopbackAnswer(401, System.Text.Encoding.UTF8.GetBytes(body));
        await using var services = BuildServices(server.BaseUrl);

        var error = await Assert.ThrowsAsync<PlatformException>(() => Client(services).ReadAsync(Session(), new StreamRequest(StreamNames.Posts, Since: Since), Ct));

        Assert.Equal((PlatformErrorKind.Token, code, 401), (error.Kind, error.PlatformCode, error.StatusCode));
        Assert.False((await Client(services).CheckTokenAsync(Session(), Ct)).Valid);
    }

    [Fact]
    public async Task ReadAsync_403OnTheCommentsOnly_IsAPermissionFailureOfThatStream()
    {
        var server = await StartServerAsync(Data([Post(1, Day(2))], new() { [PostUrn(1)] = [Comment(1, 11, Guest, Day(3))] }));
        server.Fault = r => r.Path.Value!.Contains("/socialActions/", StringComparison.Ordinal)
            ? LinkedInRestApi.Error(403, 100, "ACCESS_DENIED", "Not enough permissions to access: socialActionsV2.GET_ALL.20230401")
            : null;
        await using var services = BuildServices(server.BaseUrl);
        var client = Client(services);

        var posts = await client.ReadAsync(Session(), new StreamRequest(StreamNames.Posts, Since: Since), Ct);
        var error = await Assert.ThrowsAsync<PlatformException>(() => client.ReadAsync(Session(), new StreamRequest(StreamNames.Comments, PostUrn(1)), Ct));

        Assert.Single(posts.Items);
        Assert.Equal((PlatformErrorKind.Permission, "ACCESS_DENIED/100"), (error.Kind, error.PlatformCode));
    }

    [Fact]
    public async Task ReadAsync_429WithoutHeadersBeyondMaxWait_IsThrottledUntilMidnightUtc()
    {
        var server = await StartServerAsync(Data([Post(1, Day(2))]));
        server.Fault = _ => LoopbackAnswer.Json(429, new JsonObject
        {
            ["serviceErrorCode"] = 101, ["message"] = "Resource level throttle limit for calls to this resource is reached.", ["status"] = 429,
        });
        await using var services = BuildServices(server.BaseUrl, maxWaitSeconds: 1); // Less than the first back-off (2 s): no retry.

        var error = await Assert.ThrowsAsync<PlatformException>(() => Client(services).ReadAsync(Session(), new StreamRequest(StreamNames.Posts, Since: Since), Ct));

        Assert.Equal((PlatformErrorKind.Throttled, "101"), (error.Kind, error.PlatformCode));
        Assert.Equal(TimeSpan.FromHours(6), error.RetryAfter); // TestHost.Start is 18:00 UTC: LinkedIn's daily limits reset at midnight UTC.
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ReadAsync_429ThenAnswer_BacksOffAndReadsWithinMaxWait()
    {
        var server = await StartServerAsync(Data([Post(1, Day(2))]));
        var faults = 0;
        server.Fault = _ => Interlocked.Increment(ref faults) == 1 ? LoopbackAnswer.Json(429, new JsonObject { ["serviceErrorCode"] = 101, ["status"] = 429 }) : null;
        var logs = new CapturingLoggerProvider();
        var time = new TestClock(TestHost.Start);
        await using var services = BuildServices(server.BaseUrl, logs, time);
        var session = Session();

        var reading = Client(services).ReadAsync(session, new StreamRequest(StreamNames.Posts, Since: Since), Ct);
        await FakeClock.WaitUntilAsync(() => logs.Logs.Any(l => l.Category == typeof(LinkedInResilience).FullName), "the retry to be scheduled");
        var waited = await FakeClock.AdvanceUntilAsync(time, () => server.Requests.Count == 2, TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(1));
        var read = await reading;

        Assert.InRange(waited, PlatformRetry.BaseDelay, (PlatformRetry.BaseDelay * 1.25) + TimeSpan.FromSeconds(1));
        Assert.Single(read.Items);
        Assert.Equal(2, session.Calls[StreamNames.Posts]);
    }

    [Fact]
    public async Task EveryAnswerAndFailure_HoldsNoTokenInAnyUrlLogExceptionOrArchivedAnswer()
    {
        var server = await StartServerAsync(Data([Post(1, Day(2))], new() { [PostUrn(1)] = [Comment(1, 11, Guest, Day(3))] }));
        // An error body that echoes the request's token, as a proxy in front of an API might.
        server.Fault = r => r.Path.Value!.Contains("/organizations/", StringComparison.Ordinal)
            ? LinkedInRestApi.Error(500, 0, "INTERNAL", $"failed for Bearer {Token}")
            : null;
        var logs = new CapturingLoggerProvider();
        await using var services = BuildServices(server.BaseUrl, logs, maxWaitSeconds: 1);
        var archived = new List<PlatformResponse>();
        var session = new PlatformSession(TestAccount(), Token, (response, _) =>
        {
            lock (archived)
            {
                archived.Add(response);
            }
            return Task.CompletedTask;
        });
        var client = Client(services);

        await client.ReadAsync(session, new StreamRequest(StreamNames.Posts, Since: Since), Ct);
        await client.ReadAsync(session, new StreamRequest(StreamNames.Comments, PostUrn(1)), Ct);
        var error = await Assert.ThrowsAsync<PlatformException>(() => client.ReadAsync(session, new StreamRequest(StreamNames.Profile), Ct));

        Assert.NotEmpty(archived);
        Assert.All(archived, a => Assert.DoesNotContain(Token, a.Url + a.Body, StringComparison.Ordinal));
        Assert.Contains(archived, a => a.Status == 500 && a.Body.Contains("***", StringComparison.Ordinal));
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(logs.Logs);
        Assert.All(logs.Logs, l => Assert.DoesNotContain(Token, l.ToString(), StringComparison.Ordinal));
        Assert.All(server.Requests, r => Assert.DoesNotContain(Token, r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AScanWithNothingNew_CostsOnePostsCallAndNoOther()
    {
        var server = await StartServerAsync(Data([Post(1, new DateTimeOffset(2026, 9, 20, 0, 0, 0, TimeSpan.Zero))]));
        await using var services = BuildServices(server.BaseUrl);
        var session = Session();

        var read = await Client(services).ReadAsync(session, new StreamRequest(StreamNames.Posts, Since: Since), Ct);

        Assert.Empty(read.Items);
        Assert.Equal(1, session.TotalCalls);
    }

    [Fact]
    public async Task ReadAsync_WithAClientId_ExchangesTheRefreshTokenOnceAndReadsWithTheAccessToken()
    {
        var (server, endpoint) = await StartOAuthServerAsync(Data([Post(1, Day(2))], new() { [PostUrn(1)] = [Comment(1, 11, Guest, Day(3))] }));
        await using var services = BuildServices(server.BaseUrl, oauthUrl: endpoint.TokenUrl);
        var client = Client(services);
        var session = new PlatformSession(TestAccount(), RefreshToken);

        var posts = await client.ReadAsync(session, new StreamRequest(StreamNames.Posts, Since: Since), Ct);
        var comments = await client.ReadAsync(session, new StreamRequest(StreamNames.Comments, PostUrn(1)), Ct);

        Assert.Single(posts.Items);
        Assert.Single(comments.Items);
        var exchange = Assert.Single(endpoint.Exchanges); // The access token is kept in memory and reused.
        Assert.Equal("refresh_token", exchange["grant_type"]);
        Assert.Equal(RefreshToken, exchange["refresh_token"]);
        Assert.Equal(ClientId, exchange["client_id"]);
        Assert.Equal(ClientSecret, exchange["client_secret"]);
        Assert.Equal(server.Requests.Count, server.Tokens.Count);
        Assert.All(server.Tokens, t => Assert.Equal(AccessToken, t));
    }

    [Fact]
    public async Task ReadAsync_WithAnExpiringAccessToken_ExchangesAgainBeforeItEnds()
    {
        var (server, endpoint) = await StartOAuthServerAsync(Data([Post(1, Day(2))]));
        endpoint.ExpiresIn = 3600;
        var time = new TestClock(TestHost.Start);
        await using var services = BuildServices(server.BaseUrl, time: time, oauthUrl: endpoint.TokenUrl);
        var session = new PlatformSession(TestAccount(), RefreshToken);

        await Client(services).ReadAsync(session, new StreamRequest(StreamNames.Posts, Since: Since), Ct);
        time.Advance(TimeSpan.FromHours(1) - Core.Platforms.OAuth.OAuthRefresher.Margin + TimeSpan.FromSeconds(1));
        await Client(services).ReadAsync(session, new StreamRequest(StreamNames.Posts, Since: Since), Ct);

        Assert.Equal(2, endpoint.Exchanges.Count);
    }

    [Fact]
    public async Task CheckTokenAsync_ARefreshTokenNearItsEnd_ReportsItsEndWithinTheWarning()
    {
        var (server, endpoint) = await StartOAuthServerAsync(Data([Post(1, Day(2))]));
        endpoint.RefreshTokenExpiresIn = (long)TimeSpan.FromDays(10).TotalSeconds;
        var time = new TestClock(TestHost.Start);
        await using var services = BuildServices(server.BaseUrl, time: time, oauthUrl: endpoint.TokenUrl);

        var status = await Client(services).CheckTokenAsync(new PlatformSession(TestAccount(), RefreshToken), Ct);

        Assert.True(status.Valid);
        Assert.Equal(TestHost.Start.AddDays(10), status.ExpiresAt); // TokenChecker raises capture.token-expiring inside its 14 days.
        Assert.True(status.ExpiresAt - time.GetUtcNow() <= TokenChecker.Warning);
        Assert.Equal(["r_organization_social", "rw_organization_admin"], status.Scopes);
        Assert.Single(endpoint.Exchanges);
    }

    [Fact]
    public async Task InvalidGrant_IsATokenErrorOnReadsAndInvalidInTheCheck_AndNoSecretIsShown()
    {
        var (server, endpoint) = await StartOAuthServerAsync(Data([Post(1, Day(2))]));
        endpoint.Grants.Clear(); // The refresh token was revoked.
        var logs = new CapturingLoggerProvider();
        await using var services = BuildServices(server.BaseUrl, logs, oauthUrl: endpoint.TokenUrl);
        var archived = new List<PlatformResponse>();
        var session = new PlatformSession(TestAccount(), RefreshToken, (response, _) =>
        {
            lock (archived)
            {
                archived.Add(response);
            }
            return Task.CompletedTask;
        });

        var error = await Assert.ThrowsAsync<PlatformException>(() => Client(services).ReadAsync(session, new StreamRequest(StreamNames.Posts, Since: Since), Ct));
        var status = await Client(services).CheckTokenAsync(session, Ct);

        Assert.Equal(PlatformErrorKind.Token, error.Kind);
        Assert.Equal("invalid_grant", error.PlatformCode);
        Assert.False(status.Valid);
        Assert.Empty(server.Requests); // No API call without an access token.
        Assert.Equal(2, archived.Count(a => a.Status == 400 && a.Body.Contains("invalid_grant", StringComparison.Ordinal)));
        AssertNoSecret(error.ToString(), logs, archived, endpoint, server);
    }

    [Fact]
    public async Task TheRefreshFlow_ShowsNoRefreshTokenAccessTokenOrClientSecretInAnyUrlLogExceptionOrArchivedAnswer()
    {
        var (server, endpoint) = await StartOAuthServerAsync(Data([Post(1, Day(2))]));
        endpoint.RefreshTokenExpiresIn = 31_536_000;
        server.Fault = r => r.Path.Value!.Contains("/organizations/", StringComparison.Ordinal)
            ? LinkedInRestApi.Error(500, 0, "INTERNAL", $"failed for Bearer {AccessToken}")
            : null;
        var logs = new CapturingLoggerProvider();
        await using var services = BuildServices(server.BaseUrl, logs, maxWaitSeconds: 1, oauthUrl: endpoint.TokenUrl);
        var archived = new List<PlatformResponse>();
        var session = new PlatformSession(TestAccount(), RefreshToken, (response, _) =>
        {
            lock (archived)
            {
                archived.Add(response);
            }
            return Task.CompletedTask;
        });

        await Client(services).ReadAsync(session, new StreamRequest(StreamNames.Posts, Since: Since), Ct);
        var error = await Assert.ThrowsAsync<PlatformException>(() => Client(services).ReadAsync(session, new StreamRequest(StreamNames.Profile), Ct));

        Assert.Contains(archived, a => a.Stream == StreamNames.Token && a.Status == 200 && a.Body.Contains("\"access_token\":\"***\"", StringComparison.Ordinal));
        AssertNoSecret(error.ToString(), logs, archived, endpoint, server);
    }

    private static void AssertNoSecret(string error, CapturingLoggerProvider logs, List<PlatformResponse> archived, OAuthTokenEndpoint endpoint, LinkedInRestApi server)
    {
        string[] secrets = [RefreshToken, AccessToken, ClientSecret];
        Assert.NotEmpty(logs.Logs);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, error, StringComparison.Ordinal);
            Assert.All(archived, a => Assert.DoesNotContain(secret, a.Url + a.Body, StringComparison.Ordinal));
            Assert.All(logs.Logs, l => Assert.DoesNotContain(secret, l.ToString(), StringComparison.Ordinal));
            Assert.All(endpoint.Requests.Concat(server.Requests), r => Assert.DoesNotContain(secret, r, StringComparison.Ordinal));
        }
    }

    private async Task<(LinkedInRestApi Server, OAuthTokenEndpoint Endpoint)> StartOAuthServerAsync(LinkedInSampleData data)
    {
        var server = new LinkedInRestApi(data, new HashSet<string>(StringComparer.Ordinal) { AccessToken });
        var endpoint = new OAuthTokenEndpoint("linkedin-oauth", "oauth/v2/accessToken", ClientId, ClientSecret) { Scope = "r_organization_social,rw_organization_admin" };
        endpoint.Grants[RefreshToken] = AccessToken;
        await _hosts.StartAsync([server, endpoint], Ct);
        return (server, endpoint);
    }

    private static PlatformSession Session() => new(TestAccount(), Token);

    private static Account TestAccount() => new() { Id = AccountId, Platform = PlatformNames.LinkedIn, PlatformId = Org, Location = "test", Token = "cln-test-li-token" };

    private static ServiceProvider BuildServices(string baseUrl, CapturingLoggerProvider? logs = null, TimeProvider? time = null, int maxWaitSeconds = 60,
        string? oauthUrl = null)
    {
        var services = PlatformTestServices.Create(time, logs, maxWaitSeconds);
        services.AddLinkedIn();
        var tokens = new TokenOptions();
        tokens.Values[ClientSecretName] = ClientSecret;
        services.AddSingleton<ITokenSource>(new SettingsTokenSource(Options.Create(tokens)));
        services.AddSingleton(Options.Create(new PlatformsOptions
        {
            LinkedIn = oauthUrl is null
                ? new PlatformOptions { BaseUrl = baseUrl, ApiVersion = Version }
                : new PlatformOptions { BaseUrl = baseUrl, ApiVersion = Version, ClientId = ClientId, ClientSecretName = ClientSecretName, OAuthBaseUrl = oauthUrl },
        }));
        return services.BuildServiceProvider();
    }

    private static LinkedInClient Client(ServiceProvider services) => Assert.IsType<LinkedInClient>(Assert.Single(services.GetServices<IPlatformClient>()));

    private async Task<LinkedInRestApi> StartServerAsync(LinkedInSampleData data)
    {
        var server = new LinkedInRestApi(data, new HashSet<string>(StringComparer.Ordinal) { Token });
        await _hosts.StartAsync([server], Ct);
        return server;
    }

    public ValueTask DisposeAsync() => _hosts.DisposeAsync();

    private static LinkedInSampleData Data(List<JsonObject> posts, Dictionary<string, List<JsonObject>>? comments = null, List<JsonObject>? acls = null)
    {
        var organization = new JsonObject
        {
            ["urn"] = Org,
            ["organization"] = new JsonObject
            {
                ["id"] = 90000001, ["localizedName"] = "Community Library Network - Test", ["vanityName"] = "cln-test",
                ["localizedWebsite"] = "https://www.communitylibrary.net", ["localizedDescription"] = "Libraries for everyone",
                ["logoV2"] = new JsonObject { ["original"] = "urn:li:digitalmediaAsset:logo1" },
            },
            ["posts"] = new JsonArray([.. posts]),
            ["comments"] = new JsonObject([.. (comments ?? []).Select(c => KeyValuePair.Create(c.Key, (JsonNode?)new JsonArray([.. c.Value])))]),
            ["acls"] = new JsonArray([.. acls ?? []]),
        };
        return new LinkedInSampleData { Organizations = [LinkedInSampleData.Parse(organization.ToJsonString())] };
    }

    private static DateTimeOffset Day(int day) => new(2026, 10, day, 12, 0, 0, TimeSpan.Zero);

    private static string PostUrn(int n) => $"urn:li:share:70000000000000{n:D2}";

    private static string ActivityUrn(int n) => $"urn:li:activity:70000000000000{n:D2}";

    private static string CommentUrn(int post, int n) => $"urn:li:comment:({ActivityUrn(post)},{n})";

    private static JsonObject Post(int n, DateTimeOffset created) => new()
    {
        ["id"] = PostUrn(n), ["author"] = Org, ["commentary"] = $"Post number {n}", ["visibility"] = "PUBLIC", ["lifecycleState"] = "PUBLISHED",
        ["distribution"] = new JsonObject { ["feedDistribution"] = "MAIN_FEED" },
        ["lifecycleStateInfo"] = new JsonObject { ["isEditedByAuthor"] = false },
        ["createdAt"] = created.ToUnixTimeMilliseconds(), ["publishedAt"] = created.ToUnixTimeMilliseconds(), ["lastModifiedAt"] = created.ToUnixTimeMilliseconds(),
    };

    private static JsonObject Comment(int post, int n, string actor, DateTimeOffset created) => new()
    {
        ["id"] = $"{n}", ["$URN"] = CommentUrn(post, n), ["object"] = ActivityUrn(post), ["actor"] = actor,
        ["created"] = new JsonObject { ["actor"] = actor, ["time"] = created.ToUnixTimeMilliseconds() },
        ["lastModified"] = new JsonObject { ["actor"] = actor, ["time"] = created.ToUnixTimeMilliseconds() },
        ["message"] = new JsonObject { ["text"] = $"Comment {n}", ["attributes"] = new JsonArray() },
    };

    private static JsonObject Acl(string person, string role, string state = "APPROVED") => new()
    {
        ["roleAssignee"] = person, ["role"] = role, ["state"] = state, ["organization"] = Org,
    };
}
