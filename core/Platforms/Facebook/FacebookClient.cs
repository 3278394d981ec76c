using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;
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

    public const string ProfileFields = "id,name,username,link,about,website,phone,emails,hours,picture{url},cover{source},category_list";

    public const int PageLimit = 100;

    /// <summary>The Graph API's secrets: the token, the app secret proof, the token a <c>debug_token</c> inspects, the token a refresh exchanges.</summary>
    public static readonly PlatformSecrets Secrets = new(["access_token", "appsecret_proof", "input_token", "fb_exchange_token"], ["Authorization"]);

    private PlatformApi? _api;

    public string Platform => PlatformNames.Facebook;

    /// <summary>Posts (the feed) every scan; each post's comments; profile, roles and apps once a day. No budget: Meta limits by rate, not by count.</summary>
    public ReadPlan Plan { get; } = new(
        [new PlannedRead(StreamNames.Posts, StreamAbsence.Confirm, ChangeHints: true)],
        [new PlannedRead(StreamNames.Comments, StreamAbsence.Confirm)],
        [new PlannedRead(StreamNames.Profile, StreamAbsence.Ignored), new PlannedRead(StreamNames.Roles, StreamAbsence.Removed),
         new PlannedRead(StreamNames.Apps, StreamAbsence.Removed)]);

    private PlatformApi Api => _api ??= new PlatformApi(PlatformNames.Facebook, HttpClientName, Secrets, Classify)
    {
        BeforeSend = WaitOutHoldAsync,
        Prepare = (session, request) =>
        {
            request.Options.Set(FacebookResilience.PageKey, session.Account.PlatformId);
            // The token in the Authorization header, never in the URL (which telemetry records); Graph accepts a bearer token.
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", session.Token);
        },
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

    public async Task<bool> IsGoneAsync(PlatformSession session, string itemId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        try
        {
            using var _ = await http.GetAsync(Api, session, new PlatformRequest(StreamNames.Deletions, itemId, Url(Uri.EscapeDataString(itemId), "fields=id")),
                cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (PlatformException e) when (e.Kind == PlatformErrorKind.NotFound)
        {
            return true;
        }
    }

    public async Task<TokenStatus> CheckTokenAsync(PlatformSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var url = Url("debug_token", $"input_token={Uri.EscapeDataString(session.Token)}");
        using var answer = await http.GetAsync(Api, session, new PlatformRequest(StreamNames.Token, null, url), cancellationToken).ConfigureAwait(false);
        var data = answer.RootElement.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var valid = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("is_valid", out var v) && v.ValueKind == JsonValueKind.True;
        // 0 means "never": a Page token from a long-lived user token does not expire, but its data access does (90 days).
        var expiries = new[] { UnixTime(data, "expires_at"), UnixTime(data, "data_access_expires_at") }.OfType<DateTimeOffset>().ToList();
        var scopes = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("scopes", out var s) && s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];
        return new TokenStatus(valid, expiries.Count == 0 ? null : expiries.Min(), scopes);
    }

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
        http.ReadListAsync(Api, session, new PlatformRequest(request.Stream, request.Target, firstUrl), EdgePage, cancellationToken);

    /// <summary>A Graph API list page: <c>{"data":[…],"paging":{"next":"…"}}</c>; null when the body has no data array.</summary>
    private static PlatformPage? EdgePage(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        var next = body.TryGetProperty("paging", out var paging) && paging.ValueKind == JsonValueKind.Object
            && paging.TryGetProperty("next", out var n) && n.ValueKind == JsonValueKind.String
                ? n.GetString()
                : null;
        return new PlatformPage([.. data.EnumerateArray()], next);
    }

    /// <summary>Waits out a hold the usage headers asked for, within <c>Scan__MaxWaitSeconds</c>; a longer hold is not waited: the request is not sent.</summary>
    private async Task WaitOutHoldAsync(PlatformSession session, PlatformRequest request, string shownUrl, CancellationToken cancellationToken)
    {
        var account = session.Account;
        if (gate.HoldFor(account.PlatformId) is not { } hold)
        {
            return;
        }
        if (hold > TimeSpan.FromSeconds(scanOptions.Value.MaxWaitSeconds))
        {
            throw new PlatformException(string.Create(CultureInfo.InvariantCulture,
                $"facebook account {account.Id}: GET {shownUrl} not sent: Facebook's usage headers asked to wait {hold.TotalMinutes:0.#} min, more than Scan__MaxWaitSeconds"))
            {
                Kind = PlatformErrorKind.Throttled,
                RetryAfter = hold,
            };
        }
        LogHold(account.Id, hold.TotalSeconds);
        await Task.Delay(hold, time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What a Graph API error answer means: its code (and subcode) decide the kind, never its <c>type</c>.</summary>
    private static PlatformError Classify(ErrorAnswer answer)
    {
        var error = FacebookError.Parse(answer.Body);
        var detail = (error?.Message, error?.Code) switch
        {
            (null, null) => "no Facebook error body",
            (null, var code) => string.Create(CultureInfo.InvariantCulture, $"(#{code})"),
            (var message, null) => message,
            (var message, _) when message.StartsWith("(#", StringComparison.Ordinal) => message,
            (var message, var code) => string.Create(CultureInfo.InvariantCulture, $"(#{code}) {message}"),
        };
        var kind = error switch
        {
            { IsBadToken: true } => PlatformErrorKind.Token,
            { IsThrottle: true } => PlatformErrorKind.Throttled,
            { IsPermission: true } => PlatformErrorKind.Permission,
            // 100/33 on a read of one object, or of the list of one post: that object is gone (the scanner confirms it).
            { IsMissingObject: true } when !answer.Request.List || answer.Request.Target is not null => PlatformErrorKind.NotFound,
            { Code: 100 } => PlatformErrorKind.Permission, // 100 on the Page's own edges: a missing permission or feature.
            _ => PlatformErrorKind.Other,
        };
        return new PlatformError(kind, error?.CodeText, detail,
            kind == PlatformErrorKind.Throttled ? FacebookRetry.Asked(answer.Response, answer.Session.Account.PlatformId) : null);
    }

    private string Url(string path, string query)
    {
        var settings = options.Value.Facebook;
        return string.Create(CultureInfo.InvariantCulture,
            $"{settings.BaseUrl.TrimEnd('/')}/{settings.ApiVersion.Trim('/')}/{path}?{query}");
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static DateTimeOffset? UnixTime(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
        && value.TryGetInt64(out var seconds) && seconds > 0
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "Facebook {Account}: a comment on post {PostId} has neither an id nor a comment id in its permalink; skipped")]
    private partial void LogCommentWithoutId(string account, string postId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Facebook {Account}: a feed entry without an id was skipped")]
    private partial void LogPostWithoutId(string account);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Facebook {Account}: an entry of {Stream} without an id was skipped")]
    private partial void LogEntryWithoutId(string account, string stream);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Facebook {Account}: the usage headers asked to hold; waiting {Seconds:0.#} s")]
    private partial void LogHold(string account, double seconds);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Facebook {Account}: usage is high ({Usage})")]
    private partial void LogHighUsage(string account, string usage);
}
