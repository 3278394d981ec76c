using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms.Facebook;
using SocialMonitor.Core.Platforms.Meta;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Core.Platforms.Instagram;

/// <summary>
/// Reads an Instagram professional account through the Instagram API with Facebook Login (<c>graph.facebook.com</c>,
/// the linked Page's token; the account's platform id is the Instagram user id): every scan its media (with
/// <c>comments_count</c> as the change hint) and its stories (they live 24 hours); per media its comments with their
/// replies, paging <c>/{comment}/replies</c> to the end when the nested list is cut; once a day the media of others that
/// tag the account (guest posts) and the profile. Roles and apps are managed through the Page and the business portfolio:
/// this API does not show them ("cannot verify"). What Instagram shares with Facebook (secrets, paging, error codes,
/// usage headers, <c>debug_token</c>, the retry pipeline) is <see cref="MetaGraph"/>.
/// </summary>
public sealed partial class InstagramClient(
    PlatformHttp http,
    IOptions<PlatformsOptions> options,
    IOptions<ScanOptions> scanOptions,
    FacebookUsageGate gate,
    TimeProvider time,
    ILogger<InstagramClient> logger) : IPlatformClient
{
    public const string HttpClientName = "instagram";
    public const string PipelineName = "instagram-graph";

    public const string Stories = "stories";
    public const string Tags = "tags";

    public const string ChildFields = "id,media_type,media_url,thumbnail_url,permalink,timestamp,alt_text";

    public const string MediaFields =
        "id,caption,media_type,media_product_type,media_url,thumbnail_url,permalink,timestamp,username,comments_count,alt_text,children{" + ChildFields + "}";

    public const string ReplyFields = "id,text,timestamp,username,from{id,username},hidden,parent_id";

    public const string CommentFields = ReplyFields + ",replies{" + ReplyFields + "}";

    public const string ProfileFields = "id,username,name,biography,website,profile_picture_url";

    public const int PageLimit = 100;

    private PlatformApi? _api;

    public string Platform => PlatformNames.Instagram;

    /// <summary>
    /// Media (the posts, hinted) and stories every scan: a scan with nothing new costs these two calls. Comments per media.
    /// Tags and the profile once a day. No budget: Meta limits by rate (business use case <c>instagram</c>, code 80002).
    /// A story gone from its list has expired (24 hours), not been deleted: its absence means nothing, as for a tag removed.
    /// </summary>
    public ReadPlan Plan { get; } = new(
        [new PlannedRead(StreamNames.Posts, StreamAbsence.Confirm, ChangeHints: true), new PlannedRead(Stories, StreamAbsence.Ignored)],
        [new PlannedRead(StreamNames.Comments, StreamAbsence.Confirm)],
        [new PlannedRead(Tags, StreamAbsence.Ignored), new PlannedRead(StreamNames.Profile, StreamAbsence.Ignored)])
    {
        TokenRenewal = MetaGraph.TokenRenewal,
    };

    /// <summary>Everything but video captions (not reported), roles and apps (managed through the Page and the business portfolio).</summary>
    public PlatformCapabilities Capabilities { get; } = new(
        PlatformCapabilities.Names.ToDictionary(
            n => n, n => n is PlatformCapabilities.Captions or PlatformCapabilities.Roles or PlatformCapabilities.Apps
                or PlatformCapabilities.Contacts or PlatformCapabilities.Hours ? CapabilityState.CannotVerify : CapabilityState.Supported),
        new Dictionary<string, string>
        {
            [PlatformCapabilities.AltText] = "only where the API returns alt_text (images); null elsewhere",
            [PlatformCapabilities.Comments] = "comments on age-restricted media and by restricted users are not returned",
            [PlatformCapabilities.ProfileImages] = "the profile picture only: Instagram profiles have no banner",
        });

    /// <summary>
    /// Instagram's profile pictures come from Meta's CDNs: <c>scontent*.cdninstagram.com</c> and, for accounts linked to a
    /// Page, <c>scontent*.xx.fbcdn.net</c>.
    /// </summary>
    public IReadOnlyList<string> ImageHosts { get; } = ["cdninstagram.com", "fbcdn.net"];

    private PlatformApi Api => _api ??= new PlatformApi(PlatformNames.Instagram, HttpClientName, MetaGraph.Secrets, answer => MetaGraph.Classify(answer, time))
    {
        BeforeSend = (session, _, shown, ct) => MetaGraph.WaitOutHoldAsync(gate, PlatformNames.Instagram, session, shown,
            TimeSpan.FromSeconds(scanOptions.Value.MaxWaitSeconds), time, logger, ct),
        Prepare = MetaGraph.Authorize,
        Observe = (session, response) => gate.Observe(response.Headers, session.Account.PlatformId),
    };

    public async Task<StreamRead> ReadAsync(PlatformSession session, StreamRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        var account = session.Account;
        var user = Uri.EscapeDataString(account.PlatformId);
        switch (request.Stream)
        {
            case StreamNames.Posts:
                var since = request.Since ?? throw new ArgumentException("A media read needs a time to read from.", nameof(request));
                var media = await ReadEdgeAsync(session, request,
                    Url($"{user}/media", $"fields={Escape(MediaFields)}&since={since.ToUnixTimeSeconds()}&limit={PageLimit}"), cancellationToken).ConfigureAwait(false);
                var items = new List<Item>();
                var hints = new Dictionary<string, ChangeHint>(StringComparer.Ordinal);
                foreach (var entry in media)
                {
                    if (InstagramItemMapper.MapMedia(entry, account, tagged: false) is not { } item)
                    {
                        LogEntryWithoutId(account.Id, request.Stream);
                    }
                    else if (hints.TryAdd(item.Id, InstagramItemMapper.CommentHint(entry)))
                    {
                        items.Add(item);
                    }
                }
                return new StreamRead(items, hints);
            case Stories:
                var stories = await ReadEdgeAsync(session, request, Url($"{user}/stories", $"fields={Escape(MediaFields)}&limit={PageLimit}"), cancellationToken)
                    .ConfigureAwait(false);
                return StreamRead.Of(Map(stories, s => InstagramItemMapper.MapMedia(s, account, tagged: false), account.Id, request.Stream));
            case Tags:
                var tags = await ReadEdgeAsync(session, request, Url($"{user}/tags", $"fields={Escape(MediaFields)}&limit={PageLimit}"), cancellationToken)
                    .ConfigureAwait(false);
                return StreamRead.Of(Map(tags, t => InstagramItemMapper.MapMedia(t, account, tagged: true), account.Id, request.Stream));
            case StreamNames.Comments:
                var post = request.Target ?? throw new ArgumentException("A comments read needs the media.", nameof(request));
                return StreamRead.Of(await ReadCommentsAsync(session, request, post, cancellationToken).ConfigureAwait(false));
            case StreamNames.Profile:
                using (var profile = await http.GetAsync(Api, session, new PlatformRequest(request.Stream, null, Url(user, $"fields={Escape(ProfileFields)}")),
                    cancellationToken).ConfigureAwait(false))
                {
                    return StreamRead.Of([InstagramItemMapper.MapProfile(profile.RootElement, account)]);
                }
            default:
                throw new ArgumentException($"Instagram has no stream '{request.Stream}'.", nameof(request));
        }
    }

    /// <summary>True only when a read of the id answers code 100 with subcode 33; code 100 alone (a missing permission) is thrown.</summary>
    public Task<bool> IsGoneAsync(PlatformSession session, string itemId, CancellationToken cancellationToken) =>
        MetaGraph.IsGoneAsync(http, Api, options.Value.Instagram, session, itemId, cancellationToken);

    public Task<TokenStatus> CheckTokenAsync(PlatformSession session, CancellationToken cancellationToken) =>
        MetaGraph.CheckTokenAsync(http, Api, options.Value.Instagram, session, cancellationToken);

    /// <summary>
    /// The media's comments to the last page, each with its nested replies; when a nested list is cut (it has a
    /// <c>paging.next</c>), the comment's <c>/replies</c> edge is read to its end instead. On a retry of the scan the
    /// whole stream is read again: nothing is half-recorded.
    /// </summary>
    private async Task<List<Item>> ReadCommentsAsync(PlatformSession session, StreamRequest request, string mediaId, CancellationToken cancellationToken)
    {
        var account = session.Account;
        var comments = await ReadEdgeAsync(session, request,
            Url($"{Uri.EscapeDataString(mediaId)}/comments", $"fields={Escape(CommentFields)}&limit={PageLimit}"), cancellationToken).ConfigureAwait(false);
        var items = new List<Item>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(Item? item)
        {
            if (item is null)
            {
                LogEntryWithoutId(account.Id, request.Stream);
            }
            else if (seen.Add(item.Id))
            {
                items.Add(item);
            }
        }
        foreach (var comment in comments)
        {
            var item = InstagramItemMapper.MapComment(comment, mediaId, null, account);
            Add(item);
            if (item is null || !comment.TryGetProperty("replies", out var nested) || nested.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            var replies = MetaGraph.Next(nested) is null
                ? MetaGraph.EdgePage(nested)?.Entries ?? []
                : await ReadEdgeAsync(session, request, Url($"{Uri.EscapeDataString(item.Id)}/replies", $"fields={Escape(ReplyFields)}&limit={PageLimit}"),
                    cancellationToken).ConfigureAwait(false);
            foreach (var reply in replies)
            {
                Add(InstagramItemMapper.MapComment(reply, mediaId, item.Id, account));
            }
        }
        return items;
    }

    private List<Item> Map(List<JsonElement> elements, Func<JsonElement, Item?> map, string account, string stream)
    {
        var items = new List<Item>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in elements)
        {
            var item = map(element);
            if (item is null)
            {
                LogEntryWithoutId(account, stream);
            }
            else if (seen.Add(item.Id))
            {
                items.Add(item);
            }
        }
        return items;
    }

    /// <summary>Every page of one edge, following <c>paging.next</c> (the shared path keeps it on the Graph API host).</summary>
    private Task<List<JsonElement>> ReadEdgeAsync(PlatformSession session, StreamRequest request, string firstUrl, CancellationToken cancellationToken) =>
        http.ReadListAsync(Api, session, new PlatformRequest(request.Stream, request.Target, firstUrl), MetaGraph.EdgePage, cancellationToken);

    private string Url(string path, string query) => MetaGraph.Url(options.Value.Instagram, path, query);

    private static string Escape(string value) => Uri.EscapeDataString(value);

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Instagram {Account}: an entry of {Stream} without an id was skipped")]
    private partial void LogEntryWithoutId(string account, string stream);
}
