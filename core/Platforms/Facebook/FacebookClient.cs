using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms.Meta;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Core.Platforms.Facebook;

/// <summary>
/// Reads a Facebook Page through the Graph API, one stream at a time: the feed (the Page's posts and visitor posts, each
/// with <c>updated_time</c> and its comment count as the change hint), the comments and replies of one post
/// (<c>filter=stream</c>), the Page profile, the people with a role on it and its subscribed apps. What is Facebook's
/// lives here: the URLs and fields, the mapping (<see cref="FacebookItemMapper"/>), the paging (<c>paging.next</c>), the
/// error codes and the usage headers (<see cref="FacebookUsageGate"/>). Sending, counting, archiving, scrubbing and
/// following pages is the shared <see cref="PlatformHttp"/>. Transient faults and throttling are retried by the pipeline
/// (<see cref="FacebookResilience"/>) within <c>Scan__MaxWaitSeconds</c>; what is left surfaces as a
/// <see cref="PlatformException"/> with its kind.
/// </summary>
public sealed partial class FacebookClient(
    PlatformHttp http,
    IOptions<PlatformsOptions> options,
    IOptions<ScanOptions> scanOptions,
    FacebookUsageGate gate,
    TimeProvider time,
    ILogger<FacebookClient> logger) : IPlatformClient
{
    public const string HttpClientName = "facebook";

    public const string PostFields =
        "id,created_time,updated_time,message,permalink_url,from,is_hidden,attachments{type,media_type,url,unshimmed_url,description,media,subattachments}";

    /// <summary>The feed's fields: the post, and its comment count as part of the change hint (no comments themselves).</summary>
    public const string FeedFields = PostFields + ",comments.summary(true).limit(0)";

    public const string CommentFields = "id,message,created_time,from,permalink_url,parent{id},is_hidden,attachment";

    public const string ProfileFields = "id,name,username,link,about,website,phone,emails,single_line_address,hours,picture{url},cover{source},category_list,instagram_business_account";

    public const int PageLimit = 100;

    /// <summary>The Graph API's secrets (<see cref="MetaGraph.Secrets"/>, shared with Instagram).</summary>
    public static PlatformSecrets Secrets => MetaGraph.Secrets;

    private PlatformApi? _api;

    public string Platform => PlatformNames.Facebook;

    /// <summary>Posts (the feed) every scan; each post's comments; profile, roles and apps once a day. No budget: Meta limits by rate, not by count.</summary>
    public ReadPlan Plan { get; } = new(
        [new PlannedRead(StreamNames.Posts, StreamAbsence.Confirm, ChangeHints: true)],
        [new PlannedRead(StreamNames.Comments, StreamAbsence.Confirm)],
        [new PlannedRead(StreamNames.Profile, StreamAbsence.Ignored), new PlannedRead(StreamNames.Roles, StreamAbsence.Removed),
         new PlannedRead(StreamNames.Apps, StreamAbsence.Removed)]) { TokenRenewal = MetaGraph.TokenRenewal };

    private PlatformApi Api => _api ??= new PlatformApi(PlatformNames.Facebook, HttpClientName, Secrets, answer => MetaGraph.Classify(answer, time))
    {
        BeforeSend = (session, _, shown, ct) => MetaGraph.WaitOutHoldAsync(gate, "facebook", session, shown,
            TimeSpan.FromSeconds(scanOptions.Value.MaxWaitSeconds), time, logger, ct),
        Prepare = MetaGraph.Authorize,
        Observe = (session, response) =>
        {
            var usage = gate.Observe(response.Headers, session.Account.PlatformId);
            if (usage.AppPercent >= 80 || usage.ObjectPercent.Values.Any(p => p >= 80))
            {
                LogHighUsage(session.Account.Id, usage.ToString());
            }
        },
    };

    /// <summary>
    /// Everything but alt text and captions, which the Graph API does not report (the mapper writes them null). The roles
    /// edge lists the people with a task on the Page, not those assigned only in Business Manager.
    /// </summary>
    public PlatformCapabilities Capabilities { get; } = new(
        PlatformCapabilities.Names.ToDictionary(
            n => n, n => n is PlatformCapabilities.AltText or PlatformCapabilities.Captions ? CapabilityState.CannotVerify : CapabilityState.Supported),
        new Dictionary<string, string>
        {
            [PlatformCapabilities.Roles] = "people assigned only in Business Manager are not listed",
        });

    /// <summary>Facebook serves Page pictures and covers from its own CDN, <c>scontent*.xx.fbcdn.net</c>, and nowhere else.</summary>
    public IReadOnlyList<string> ImageHosts { get; } = ["fbcdn.net"];

    public async Task<StreamRead> ReadAsync(PlatformSession session, StreamRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        var account = session.Account;
        var page = Uri.EscapeDataString(account.PlatformId);
        switch (request.Stream)
        {
            case StreamNames.Posts:
                var since = request.Since ?? throw new ArgumentException("A posts read needs a time to read from.", nameof(request));
                return await ReadPostsAsync(session, Url($"{page}/feed", $"fields={Escape(FeedFields)}&since={since.ToUnixTimeSeconds()}&limit={PageLimit}"),
                    cancellationToken).ConfigureAwait(false);
            case StreamNames.Comments:
                var post = request.Target ?? throw new ArgumentException("A comments read needs the post.", nameof(request));
                var commentsUrl = Url($"{Uri.EscapeDataString(post)}/comments",
                    $"filter=stream&order=chronological&fields={Escape(CommentFields)}&limit={PageLimit}");
                var comments = await ReadEdgeAsync(session, request, commentsUrl, cancellationToken).ConfigureAwait(false);
                return StreamRead.Of(Map(comments, c => FacebookItemMapper.MapComment(c, post, account), () => LogCommentWithoutId(account.Id, post)));
            case StreamNames.Profile:
                using (var profile = await http.GetAsync(Api, session, new PlatformRequest(request.Stream, null, Url(page, $"fields={Escape(ProfileFields)}")),
                    cancellationToken).ConfigureAwait(false))
                {
                    return StreamRead.Of([FacebookItemMapper.MapProfile(profile.RootElement, account)]);
                }
            case StreamNames.Roles:
                var roles = await ReadEdgeAsync(session, request, Url($"{page}/roles", $"limit={PageLimit}"), cancellationToken).ConfigureAwait(false);
                return StreamRead.Of(Map(roles, r => FacebookItemMapper.MapRole(r, account), () => LogEntryWithoutId(account.Id, StreamNames.Roles)));
            case StreamNames.Apps:
                var apps = await ReadEdgeAsync(session, request, Url($"{page}/subscribed_apps", $"limit={PageLimit}"), cancellationToken)
                    .ConfigureAwait(false);
                return StreamRead.Of(Map(apps, a => FacebookItemMapper.MapApp(a, account), () => LogEntryWithoutId(account.Id, StreamNames.Apps)));
            default:
                throw new ArgumentException($"Facebook has no stream '{request.Stream}'.", nameof(request));
        }
    }

    public Task<bool> IsGoneAsync(PlatformSession session, string itemId, CancellationToken cancellationToken) =>
        MetaGraph.IsGoneAsync(http, Api, options.Value.Facebook, session, itemId, cancellationToken);

    public Task<TokenStatus> CheckTokenAsync(PlatformSession session, CancellationToken cancellationToken) =>
        MetaGraph.CheckTokenAsync(http, Api, options.Value.Facebook, session, cancellationToken);

    private async Task<StreamRead> ReadPostsAsync(PlatformSession session, string feedUrl, CancellationToken cancellationToken)
    {
        var account = session.Account;
        var posts = await ReadEdgeAsync(session, new StreamRequest(StreamNames.Posts), feedUrl, cancellationToken).ConfigureAwait(false);
        var items = new List<Item>();
        var hints = new Dictionary<string, ChangeHint>(StringComparer.Ordinal);
        foreach (var post in posts)
        {
            var item = FacebookItemMapper.MapPost(post, account);
            if (item is null)
            {
                LogPostWithoutId(account.Id);
                continue;
            }
            if (!hints.TryAdd(item.Id, FacebookItemMapper.CommentHint(post)))
            {
                continue; // A page that repeats a post (seen in recorded answers) gives it once.
            }
            items.Add(item);
        }
        return new StreamRead(items, hints);
    }

    private static List<Item> Map(List<JsonElement> elements, Func<JsonElement, Item?> map, Action onMissingId)
    {
        var items = new List<Item>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in elements)
        {
            var item = map(element);
            if (item is null)
            {
                onMissingId();
            }
            else if (seen.Add(item.Id))
            {
                items.Add(item);
            }
        }
        return items;
    }

    /// <summary>Reads every page of one edge, following <c>paging.next</c> (the shared path keeps it on the Graph API host).</summary>
    private Task<List<JsonElement>> ReadEdgeAsync(PlatformSession session, StreamRequest request, string firstUrl, CancellationToken cancellationToken) =>
        http.ReadListAsync(Api, session, new PlatformRequest(request.Stream, request.Target, firstUrl), MetaGraph.EdgePage, cancellationToken);

    private string Url(string path, string query) => MetaGraph.Url(options.Value.Facebook, path, query);

    private static string Escape(string value) => Uri.EscapeDataString(value);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "Facebook {Account}: a comment on post {PostId} has neither an id nor a comment id in its permalink; skipped")]
    private partial void LogCommentWithoutId(string account, string postId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Facebook {Account}: a feed entry without an id was skipped")]
    private partial void LogPostWithoutId(string account);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Facebook {Account}: an entry of {Stream} without an id was skipped")]
    private partial void LogEntryWithoutId(string account, string stream);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Facebook {Account}: usage is high ({Usage})")]
    private partial void LogHighUsage(string account, string usage);
}
