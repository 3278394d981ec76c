using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Platforms.Instagram;
using SocialMonitor.Core.Scanning;
using SocialMonitor.IntegrationTests.Support;
using SocialMonitor.Local;
using SocialMonitor.Local.Platforms.Facebook;
using SocialMonitor.Local.Platforms.Instagram;

namespace SocialMonitor.IntegrationTests.Platforms.Instagram;

/// <summary>The Instagram client against the Instagram API with Facebook Login on the loopback host: every stream, paging, the error kinds, the secrets.</summary>
public sealed class InstagramClientTests : IAsyncDisposable
{
    private const string Token = "EAAGtestIgPageToken4Kp2";
    private const string UserId = "17841400000000901";
    private const string AccountId = "cln-test-ig";

    private static readonly DateTimeOffset Since = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly LoopbackHosts _hosts = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_MediaInPagesOfOne_ReadsToTheLastPageWithCarouselAltTextAndCommentCountHints()
    {
        var server = await StartServerAsync();
        server.PageSize = 1;
        await using var services = BuildServices(server.BaseUrl);
        var session = Session();

        var read = await Client(services).ReadAsync(session, new StreamRequest(StreamNames.Posts, Since: Since), Ct);

        Assert.Equal(["17900000000000003", "17900000000000002", "17900000000000001"], read.Items.Select(i => i.Id));
        Assert.Equal(new Dictionary<string, int> { [StreamNames.Posts] = 3 }, session.Calls);
        Assert.Equal(2, server.Requests.Count(r => r.Contains("after=", StringComparison.Ordinal)));
        var carousel = read.Items.Single(i => i.Id == "17900000000000001");
        Assert.Equal((ItemKinds.Post, ItemOrigins.Official, "Sign up at https://www.signupgenius.com/go/teens"), (carousel.Kind, carousel.Origin, carousel.Text));
        Assert.Equal([("photo", "Teens shelving books"), ("video", null)], carousel.Media.Select(m => (m.Type, m.AltText)));
        Assert.Equal("https://scontent-sea1-1.cdninstagram.com/v/t51/1.jpg", carousel.Media[0].Url); // CDN signature dropped: not an edit
        Assert.Equal(new ChangeHint("5", 5), read.Hints["17900000000000001"]); // 2 comments and 3 replies
        Assert.Equal(new ChangeHint("0", 0), read.Hints["17900000000000002"]);
        Assert.Equal("", read.Items.Single(i => i.Id == "17900000000000002").Text); // no caption key: empty caption
    }

    [Fact]
    public async Task ReadAsync_StoriesAndTags_StoriesAreOfficialPostsAndTagsGuestPostsOfOthers()
    {
        var server = await StartServerAsync();
        await using var services = BuildServices(server.BaseUrl);
        var client = Client(services);

        var stories = await client.ReadAsync(Session(), new StreamRequest(InstagramClient.Stories, Since: Since), Ct);
        var tags = await client.ReadAsync(Session(), new StreamRequest(InstagramClient.Tags), Ct);

        var story = Assert.Single(stories.Items);
        Assert.Equal(("17900000000000101", ItemOrigins.Official), (story.Id, story.Origin));
        var tag = Assert.Single(tags.Items);
        Assert.Equal(("17900000000000201", ItemOrigins.Guest, "someone.else", UserId), (tag.Id, tag.Origin, tag.Author!.Name, tag.ParentId));
        Assert.Contains(server.Requests, r => r.Contains($"/{UserId}/stories?", StringComparison.Ordinal));
        Assert.Contains(server.Requests, r => r.Contains($"/{UserId}/tags?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_CommentsWithRepliesBeyondTheNestedList_ReadsTheRepliesEdgeToTheEnd()
    {
        var server = await StartServerAsync();
        server.NestedReplies = 1;
        server.PageSize = 1;
        await using var services = BuildServices(server.BaseUrl);
        var session = Session();

        var read = await Client(services).ReadAsync(session, new StreamRequest(StreamNames.Comments, "17900000000000001"), Ct);

        Assert.Equal(["17950000000000002", "17950000000000001", "17960000000000001", "17960000000000002", "17960000000000003"],
            read.Items.Select(i => i.Id));
        var comment = read.Items[1];
        Assert.Equal((ItemKinds.Comment, "17900000000000001", ItemOrigins.Guest, true), (comment.Kind, comment.ParentId, comment.Origin, comment.Hidden));
        Assert.All(read.Items.Skip(2), r => Assert.Equal((ItemKinds.Reply, "17950000000000001"), (r.Kind, r.ParentId)));
        Assert.Equal(ItemOrigins.Official, read.Items[2].Origin);
        // Comments: 2 pages; replies: 3 pages of one.
        Assert.Equal(5, session.Calls[StreamNames.Comments]);
        Assert.Equal(3, server.Requests.Count(r => r.Contains("/17950000000000001/replies?", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ReadAsync_Profile_BiographyInTheTextAndTheWebsiteAsALink()
    {
        var server = await StartServerAsync();
        await using var services = BuildServices(server.BaseUrl);

        var profile = Assert.Single((await Client(services).ReadAsync(Session(), new StreamRequest(StreamNames.Profile), Ct)).Items);

        Assert.Equal((UserId, ItemKinds.Profile), (profile.Id, profile.Kind));
        Assert.Equal(["https://linktr.ee/clntest"], profile.Links);
        Assert.Contains("bio: Events and more: https://bit.ly/cln-test", profile.Text, StringComparison.Ordinal);
        Assert.Equal(("clntest", "https://linktr.ee/clntest"), (profile.Facts!["handle"], profile.Facts["website"]));
        Assert.Equal("https://www.instagram.com/clntest/", profile.Permalink);
    }

    [Fact]
    public async Task IsGoneAsync_DeletionConfirmedBy100Subcode33_ToldApartFromAMissingPermission()
    {
        var server = await StartServerAsync();
        await using var services = BuildServices(server.BaseUrl);
        var client = Client(services);
        server.Delete("17950000000000002");

        Assert.True(await client.IsGoneAsync(Session(), "17950000000000002", Ct));
        Assert.False(await client.IsGoneAsync(Session(), "17950000000000001", Ct));

        server.Fault = r => r.Path.Value!.EndsWith("/17950000000000001", StringComparison.Ordinal)
            ? new FacebookSampleError(400, 100, "(#100) Tried accessing nonexisting field (hidden)") : null;
        var missing = await Assert.ThrowsAsync<PlatformException>(() => client.IsGoneAsync(Session(), "17950000000000001", Ct));
        Assert.Equal((PlatformErrorKind.Permission, "100"), (missing.Kind, missing.PlatformCode));

        server.Fault = _ => FacebookSampleError.MissingPermission("instagram_manage_comments");
        var denied = await Assert.ThrowsAsync<PlatformException>(() => client.ReadAsync(Session(), new StreamRequest(StreamNames.Comments, "17900000000000001"), Ct));
        Assert.Equal((PlatformErrorKind.Permission, "200"), (denied.Kind, denied.PlatformCode));

        server.Fault = _ => new FacebookSampleError(403, 10, "(#10) Application does not have permission for this action");
        var ten = await Assert.ThrowsAsync<PlatformException>(() => client.ReadAsync(Session(), new StreamRequest(InstagramClient.Tags), Ct));
        Assert.Equal(PlatformErrorKind.Permission, ten.Kind);
    }

    [Fact]
    public async Task ReadAsync_Throttled80002WithUsageHeaders_FailsThrottledWithTheWaitMetaAskedFor()
    {
        var server = await StartServerAsync();
        server.Fault = _ => new FacebookSampleError(400, 80002, "(#80002) There have been too many calls to this Instagram account.")
        {
            Headers = new Dictionary<string, string>
            {
                ["X-Business-Use-Case-Usage"] = $"{{\"{UserId}\":[{{\"type\":\"instagram\",\"call_count\":100,\"total_cputime\":4,\"total_time\":9,\"estimated_time_to_regain_access\":20}}]}}",
            },
        };
        await using var services = BuildServices(server.BaseUrl, maxWaitSeconds: 1);

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Client(services).ReadAsync(Session(), new StreamRequest(StreamNames.Posts, Since: Since), Ct));

        Assert.Equal((PlatformErrorKind.Throttled, "80002", TimeSpan.FromMinutes(20)), (ex.Kind, ex.PlatformCode, ex.RetryAfter));
        Assert.Single(server.Requests); // 20 minutes is beyond Scan__MaxWaitSeconds: not retried
    }

    [Fact]
    public async Task ReadAsync_ExpiredToken_FailsAsTokenWithTheTokenInNoUrlLogExceptionOrArchivedAnswer()
    {
        var server = await StartServerAsync();
        server.Fault = _ => FacebookSampleError.SessionExpired() with { Message = $"Error validating access token {Token}: Session has expired" };
        var logs = new CapturingLoggerProvider();
        await using var services = BuildServices(server.BaseUrl, logs);
        var archived = new List<PlatformResponse>();
        var session = new PlatformSession(Account(), Token, (r, _) => { archived.Add(r); return Task.CompletedTask; });

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Client(services).ReadAsync(session, new StreamRequest(StreamNames.Posts, Since: Since), Ct));

        Assert.Equal((PlatformErrorKind.Token, "190/463"), (ex.Kind, ex.PlatformCode));
        Assert.DoesNotContain("access_token", server.Requests[0], StringComparison.Ordinal);
        Assert.Equal(Token, server.Tokens[0]);
        Assert.DoesNotContain(Token, ex.ToString(), StringComparison.Ordinal);
        var response = Assert.Single(archived);
        Assert.DoesNotContain(Token, response.Url + response.Body, StringComparison.Ordinal);
        Assert.NotEmpty(logs.Logs);
        Assert.All(logs.Logs, l => Assert.DoesNotContain(Token, l.Everything, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_EditAndHide_ShowAsANewCaptionAndAHiddenComment()
    {
        var server = await StartServerAsync();
        await using var services = BuildServices(server.BaseUrl);
        var client = Client(services);
        server.Update("17900000000000002", m => m["caption"] = "Now with a caption");
        server.Update("17950000000000002", c => c["hidden"] = true);

        var media = await client.ReadAsync(Session(), new StreamRequest(StreamNames.Posts, Since: Since), Ct);
        var comments = await client.ReadAsync(Session(), new StreamRequest(StreamNames.Comments, "17900000000000001"), Ct);

        Assert.Equal("Now with a caption", media.Items.Single(i => i.Id == "17900000000000002").Text);
        Assert.True(comments.Items.Single(i => i.Id == "17950000000000002").Hidden);
    }

    [Fact]
    public async Task CheckTokenAsync_DebugToken_ValidWithTheInstagramScopes()
    {
        var server = await StartServerAsync();
        await using var services = BuildServices(server.BaseUrl);

        var status = await Client(services).CheckTokenAsync(Session(), Ct);

        Assert.True(status.Valid);
        Assert.Contains("instagram_manage_comments", status.Scopes);
        Assert.Contains(server.Requests, r => r.Contains("/debug_token?input_token=", StringComparison.Ordinal));
    }

    [Fact]
    public void Capabilities_RolesAndApps_CannotVerify()
    {
        var capabilities = new InstagramClient(null!, Options.Create(new PlatformsOptions()), Options.Create(new ScanOptions()), null!, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<InstagramClient>.Instance).Capabilities;

        Assert.Equal([PlatformCapabilities.Captions, PlatformCapabilities.Roles, PlatformCapabilities.Apps, PlatformCapabilities.Contacts, PlatformCapabilities.Hours],
            capabilities.In(CapabilityState.CannotVerify));
    }

    internal const string DataJson = """
        {"accounts": [{
          "id": "17841400000000901",
          "profile": {"id": "17841400000000901", "username": "clntest", "name": "CLN Test",
                      "biography": "Events and more: https://bit.ly/cln-test", "website": "https://linktr.ee/clntest"},
          "media": [
            {"id": "17900000000000001", "caption": "Sign up at https://www.signupgenius.com/go/teens", "media_type": "CAROUSEL_ALBUM",
             "media_product_type": "FEED", "permalink": "https://www.instagram.com/p/T1/", "timestamp": "2026-10-08T17:00:00+0000", "username": "clntest",
             "children": {"data": [
               {"id": "17900000000000011", "media_type": "IMAGE", "media_url": "https://scontent-sea1-1.cdninstagram.com/v/t51/1.jpg?oh=00_A&oe=6721",
                "timestamp": "2026-10-08T17:00:00+0000", "alt_text": "Teens shelving books"},
               {"id": "17900000000000012", "media_type": "VIDEO", "media_url": "https://scontent-sea1-1.cdninstagram.com/v/t51/2.mp4?oh=00_B&oe=6721",
                "timestamp": "2026-10-08T17:00:00+0000"}]}},
            {"id": "17900000000000002", "media_type": "IMAGE", "media_url": "https://scontent-sea1-1.cdninstagram.com/v/t51/3.jpg",
             "permalink": "https://www.instagram.com/p/T2/", "timestamp": "2026-10-09T17:00:00+0000", "username": "clntest"},
            {"id": "17900000000000003", "caption": "Storytime", "media_type": "IMAGE", "media_url": "https://scontent-sea1-1.cdninstagram.com/v/t51/4.jpg",
             "permalink": "https://www.instagram.com/p/T3/", "timestamp": "2026-10-10T17:00:00+0000", "username": "clntest"},
            {"id": "17900000000000009", "caption": "Old", "media_type": "IMAGE", "timestamp": "2026-09-01T17:00:00+0000", "username": "clntest"}],
          "stories": [{"id": "17900000000000101", "media_type": "IMAGE", "media_product_type": "STORY", "timestamp": "2026-10-15T09:00:00+0000", "username": "clntest"}],
          "tags": [{"id": "17900000000000201", "caption": "Fun at @clntest", "media_type": "IMAGE", "timestamp": "2026-10-11T09:00:00+0000", "username": "someone.else"}],
          "comments": {"17900000000000001": [
            {"id": "17950000000000001", "text": "When is it?", "timestamp": "2026-10-09T10:00:00+0000", "username": "guest.one",
             "from": {"id": "17841499990000901", "username": "guest.one"}, "hidden": true,
             "replies": [
               {"id": "17960000000000001", "text": "Tuesday!", "timestamp": "2026-10-09T11:00:00+0000", "username": "clntest",
                "from": {"id": "17841400000000901", "username": "clntest"}, "hidden": false},
               {"id": "17960000000000002", "text": "Thanks", "timestamp": "2026-10-09T12:00:00+0000", "username": "guest.one",
                "from": {"id": "17841499990000901", "username": "guest.one"}, "hidden": false},
               {"id": "17960000000000003", "text": "See you", "timestamp": "2026-10-09T13:00:00+0000", "username": "guest.two",
                "from": {"id": "17841499990000902", "username": "guest.two"}, "hidden": false}]},
            {"id": "17950000000000002", "text": "Great!", "timestamp": "2026-10-10T10:00:00+0000", "username": "guest.two",
             "from": {"id": "17841499990000902", "username": "guest.two"}, "hidden": false}]}
        }]}
        """;

    private static PlatformSession Session() => new(Account(), Token);

    private static Account Account() => new()
    {
        Id = AccountId,
        Platform = PlatformNames.Instagram,
        PlatformId = UserId,
        Handle = "clntest",
        Location = "hayden",
        Token = "cln-test-ig-token",
    };

    private static ServiceProvider BuildServices(string baseUrl, CapturingLoggerProvider? logs = null, int maxWaitSeconds = 60)
    {
        var services = PlatformTestServices.Create(logs: logs, maxWaitSeconds: maxWaitSeconds);
        services.AddInstagram();
        services.AddSingleton(Options.Create(new PlatformsOptions { Instagram = new PlatformOptions { BaseUrl = baseUrl, ApiVersion = "v25.0" } }));
        return services.BuildServiceProvider();
    }

    private static InstagramClient Client(ServiceProvider services) =>
        (InstagramClient)services.GetServices<IPlatformClient>().Single(c => c.Platform == PlatformNames.Instagram);

    private async Task<InstagramGraph> StartServerAsync()
    {
        var server = new InstagramGraph(InstagramSampleData.Parse(DataJson), new HashSet<string>(StringComparer.Ordinal) { Token });
        await _hosts.StartAsync([server], Ct);
        return server;
    }

    public ValueTask DisposeAsync() => _hosts.DisposeAsync();
}
