using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Core.Platforms.X;

/// <summary>
/// Reads an X account through API v2 with an app-only bearer token (it does not expire), one stream at a time:
/// <list type="bullet">
/// <item><c>mentions</c> (every scan): <c>/2/users/{id}/mentions</c>, others' posts that name the account, as guest posts;</item>
/// <item><c>posts</c> (every scan): <c>/2/users/{id}/tweets</c> with <c>since_id</c> from the stream's cursor (the newest
/// post queued), each post's <c>public_metrics.reply_count</c> as its hint;</item>
/// <item><c>lookup</c> (every scan, the change hints of older posts: <c>since_id</c> never returns a post twice):
/// <c>/2/tweets?ids=</c>, the account's known posts of the last seven days, 100 ids a call, for their reply counts and
/// current versions; a <c>resource-not-found</c> error for an id confirms its deletion;</item>
/// <item><c>replies</c> (per post whose reply count moved): <c>/2/tweets/search/recent?query=conversation_id:{id}</c>,
/// which covers the last seven days only;</item>
/// <item><c>profile</c> (daily): <c>/2/users/{id}</c>.</item>
/// </list>
/// The budget is paced (<see cref="PlatformBudget.Paced"/>): reply searches are read after everything else, and only while
/// what the month has spent stays under the budget × the share of the month gone (docs/architecture.md, "The read
/// plan"). X bills every post and user an answer returns: those are the units counted against
/// <c>Platforms__X__MonthlyReadBudget</c>. A deletion is confirmed only by a lookup of the id answering 200 with a
/// <c>resource-not-found</c> error for it. A request to an endpoint whose <c>x-rate-limit-remaining</c> was 0 waits for
/// the reset (<see cref="XRateLimits"/>), or is not sent when that is beyond <c>Scan__MaxWaitSeconds</c>.
/// </summary>
public sealed partial class XClient : IPlatformClient
{
    public const string HttpClientName = "x";
    public const string Mentions = "mentions";
    public const string Replies = "replies";
    public const string Lookup = "lookup";
    public const int PageSize = 100;

    /// <summary>Recent search, which reads the replies, covers the last seven days: older posts are not looked up.</summary>
    public static readonly TimeSpan LookupWindow = TimeSpan.FromDays(7);

    public const string TweetFields = "id,text,author_id,created_at,entities,note_tweet,edit_history_tweet_ids,attachments,referenced_tweets,conversation_id,public_metrics";
    public const string Expansions = "author_id,attachments.media_keys";
    public const string MediaFields = "type,url,preview_image_url,alt_text";
    public const string ProfileFields = "id,name,username,description,url,entities,profile_image_url";

    /// <summary>The bearer token travels in the Authorization header only; X takes no secret query parameter.</summary>
    public static readonly PlatformSecrets Secrets = new([], ["Authorization"]);

    /// <summary>The first millisecond of X's id clock (ids are time-ordered: the time sits above bit 22).</summary>
    private const long IdEpochMs = 1288834974657;

    private readonly PlatformHttp _http;
    private readonly IOptions<PlatformsOptions> _options;
    private readonly IOptions<ScanOptions> _scanOptions;
    private readonly XRateLimits _limits;
    private readonly TimeProvider _time;
    private readonly ILogger<XClient> _logger;
    private readonly PlatformApi _api;

    public XClient(PlatformHttp http, IOptions<PlatformsOptions> options, IOptions<ScanOptions> scanOptions, XRateLimits limits, TimeProvider time,
        ILogger<XClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_http, _options, _scanOptions, _limits, _time, _logger) = (http, options, scanOptions, limits, time, logger);
        Plan = new ReadPlan(
            [new PlannedRead(Mentions, StreamAbsence.Confirm, FromNewest: true), new PlannedRead(StreamNames.Posts, StreamAbsence.Confirm, ChangeHints: true)],
            [new PlannedRead(Replies, StreamAbsence.Confirm)],
            [new PlannedRead(StreamNames.Profile, StreamAbsence.Ignored)])
        {
            Budget = options.Value.X.MonthlyReadBudget is { } budget ? new PlatformBudget(budget, BudgetPeriod.Month) { Paced = true } : null,
            Lookup = new HintLookup(Lookup, PageSize, LookupWindow),
        };
        _api = new PlatformApi(PlatformNames.X, HttpClientName, Secrets, Classify)
        {
            BeforeSend = WaitOutResetAsync,
            Observe = (_, response) => _limits.Observe(Endpoint(response.RequestMessage?.RequestUri), response.Headers),
        };
    }

    public string Platform => PlatformNames.X;

    public ReadPlan Plan { get; }

    /// <summary>Posts, replies (last seven days), deletions, edits, alt text and the profile; X shows no hidden state, captions, roles or apps.</summary>
    public PlatformCapabilities Capabilities { get; } = new(
        PlatformCapabilities.Names.ToDictionary(n => n, n => n is PlatformCapabilities.Hidden or PlatformCapabilities.Captions
            or PlatformCapabilities.Roles or PlatformCapabilities.Apps or PlatformCapabilities.Contacts or PlatformCapabilities.Hours
            ? CapabilityState.CannotVerify : CapabilityState.Supported),
        new Dictionary<string, string>
        {
            [PlatformCapabilities.Comments] = "replies and mentions; replies: last 7 days",
            [PlatformCapabilities.Replies] = "last 7 days",
        });

    /// <summary>X serves profile images and banners from <c>pbs.twimg.com</c>, its media host, and nowhere else.</summary>
    public IReadOnlyList<string> ImageHosts { get; } = ["pbs.twimg.com"];

    public async Task<StreamRead> ReadAsync(PlatformSession session, StreamRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        var user = Uri.EscapeDataString(session.Account.PlatformId);
        switch (request.Stream)
        {
            case StreamNames.Posts or Mentions:
                var since = request.Since ?? throw new ArgumentException($"An X {request.Stream} read needs a time to read from.", nameof(request));
                var path = request.Stream == Mentions ? $"users/{user}/mentions" : $"users/{user}/tweets";
                var kind = request.Stream == Mentions ? ItemKinds.Comment : ItemKinds.Post;
                var read = await ReadTimelineAsync(session, request, Url(path, $"{ListQuery()}{SinceId(since)}"), "pagination_token", kind, cancellationToken)
                    .ConfigureAwait(false);
                return request.Stream == StreamNames.Posts
                    ? new StreamRead([.. read.Select(r => r.Item)], read.ToDictionary(r => r.Item.Id, r => Hint(r.Replies), StringComparer.Ordinal))
                    : StreamRead.Of([.. read.Select(r => r.Item)]);
            case Replies:
                var post = request.Target ?? throw new ArgumentException("An X replies read needs the post.", nameof(request));
                var query = Uri.EscapeDataString($"conversation_id:{post}");
                var replies = await ReadTimelineAsync(session, request, Url("tweets/search/recent", $"query={query}&{ListQuery()}"), "next_token",
                    ItemKinds.Comment, cancellationToken).ConfigureAwait(false);
                return StreamRead.Of([.. replies.Select(r => r.Item)]);
            case Lookup:
                return await LookupAsync(session, request, cancellationToken).ConfigureAwait(false);
            case StreamNames.Profile:
                using (var profile = await _http.GetAsync(_api, session, Request(session, request.Stream, null, Url($"users/{user}", $"user.fields={Escape(ProfileFields)}")),
                    cancellationToken).ConfigureAwait(false))
                {
                    session.CountUnits(request.Stream, XItemMapper.Resources(profile.RootElement));
                    if (!profile.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
                    {
                        throw new PlatformException($"x account {session.Account.Id}: user {session.Account.PlatformId} was not found: {Errors(profile.RootElement)}")
                        {
                            Kind = PlatformErrorKind.Permission,
                        };
                    }
                    return StreamRead.Of([XItemMapper.MapProfile(data, session.Account)]);
                }
            default:
                throw new ArgumentException($"X has no stream '{request.Stream}'.", nameof(request));
        }
    }

    /// <summary>
    /// The lookup of known posts by id (<c>/2/tweets?ids=</c>, at most 100): each post found in its current version with its
    /// reply count as the hint, and in <see cref="StreamRead.Gone"/> each id X answers with a <c>resource-not-found</c>
    /// error (HTTP 200, beside the <c>data</c> of the others). Any other error of an id (a suspended author, a withheld
    /// post) is logged and the id left as it is; the good part of the answer is kept. X answers an earlier id of an edited
    /// post with that earlier version, so a post whose <c>edit_history_tweet_ids</c> ends in another id is looked up again
    /// by its newest id (one more call, only then), whose text and reply count are current.
    /// </summary>
    private async Task<StreamRead> LookupAsync(PlatformSession session, StreamRequest request, CancellationToken cancellationToken)
    {
        var ids = request.Ids is { Count: > 0 and <= PageSize } asked ? asked
            : throw new ArgumentException($"An X lookup needs 1 to {PageSize} post ids.", nameof(request));
        var (found, gone, stale) = await LookupOnceAsync(session, ids, cancellationToken).ConfigureAwait(false);
        if (stale.Count > 0)
        {
            var (newer, _, _) = await LookupOnceAsync(session, stale, cancellationToken).ConfigureAwait(false);
            foreach (var (id, entry) in newer)
            {
                found[id] = entry;
            }
        }
        return new StreamRead([.. found.Values.Select(f => f.Item)], found.ToDictionary(f => f.Key, f => Hint(f.Value.Replies), StringComparer.Ordinal))
        {
            Gone = [.. gone.Where(id => !found.ContainsKey(id))],
        };
    }

    /// <returns>The posts found by their (original) item id; the ids X answered as not found; the newest ids of posts found in an earlier version.</returns>
    private async Task<(Dictionary<string, (Item Item, int? Replies)> Found, List<string> Gone, List<string> Stale)> LookupOnceAsync(PlatformSession session,
        IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var url = Url("tweets", $"ids={Escape(string.Join(',', ids))}&{ListQuery(paged: false)}");
        using var answer = await _http.GetAsync(_api, session, Request(session, Lookup, null, url), cancellationToken).ConfigureAwait(false);
        var root = answer.RootElement;
        session.CountUnits(Lookup, XItemMapper.Resources(root));
        var found = new Dictionary<string, (Item Item, int? Replies)>(StringComparer.Ordinal);
        foreach (var entry in XItemMapper.MapPage(root, session.Account, ItemKinds.Post))
        {
            found[entry.Item.Id] = entry;
        }
        var stale = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
            ? data.EnumerateArray().Select(XItemMapper.NewestId).OfType<string>().Distinct(StringComparer.Ordinal).ToList()
            : [];
        var gone = new List<string>();
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            foreach (var error in errors.EnumerateArray())
            {
                var id = XItemMapper.String(error, "resource_id") ?? XItemMapper.String(error, "value");
                if (XItemMapper.String(error, "type") == XError.NotFoundType && id is not null && ids.Contains(id, StringComparer.Ordinal))
                {
                    gone.Add(id);
                }
            }
            if (gone.Count < errors.GetArrayLength())
            {
                LogPartial(session.Account.Id, Lookup, errors.GetArrayLength() - gone.Count, Errors(root));
            }
        }
        return (found, gone, stale);
    }

    /// <summary>
    /// A lookup of the id (<c>/2/tweets?ids=</c>): true only when X answers with a <c>resource-not-found</c> error for it,
    /// false when it returns the post; any other answer is not a confirmation and throws.
    /// </summary>
    public async Task<bool> IsGoneAsync(PlatformSession session, string itemId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        using var answer = await _http.GetAsync(_api, session, Request(session, StreamNames.Deletions, itemId, Url("tweets", $"ids={Uri.EscapeDataString(itemId)}&tweet.fields=id")),
            cancellationToken).ConfigureAwait(false);
        var root = answer.RootElement;
        session.CountUnits(StreamNames.Deletions, XItemMapper.Resources(root));
        if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
            && data.EnumerateArray().Any(t => XItemMapper.String(t, "id") == itemId))
        {
            return false;
        }
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
            && errors.EnumerateArray().Any(e => XItemMapper.String(e, "type") == XError.NotFoundType
                && (XItemMapper.String(e, "resource_id") == itemId || XItemMapper.String(e, "value") == itemId)))
        {
            return true;
        }
        throw new PlatformException($"x account {session.Account.Id}: the lookup of post {itemId} answered neither the post nor resource-not-found: {Errors(root)}");
    }

    /// <summary>
    /// A read of the account's user object (an app-only token cannot call <c>/2/users/me</c>): 401 is an invalid token
    /// (<see cref="PlatformErrorKind.Token"/>); an app-only bearer token does not expire.
    /// </summary>
    public async Task<TokenStatus> CheckTokenAsync(PlatformSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        using var answer = await _http.GetAsync(_api, session,
            Request(session, StreamNames.Token, null, Url($"users/{Uri.EscapeDataString(session.Account.PlatformId)}", "user.fields=id")), cancellationToken).ConfigureAwait(false);
        session.CountUnits(StreamNames.Token, XItemMapper.Resources(answer.RootElement));
        return new TokenStatus(true, null, []);
    }

    /// <summary>
    /// Every page of a timeline or search to the last (no <c>meta.next_token</c>), each page's posts and users counted as
    /// units; a page's <c>errors</c> beside its <c>data</c> (a partial answer) are logged and its good part kept. A post
    /// met in several versions (an edit) is kept once, under its original id, in its newest version.
    /// </summary>
    private async Task<List<(Item Item, int? Replies)>> ReadTimelineAsync(PlatformSession session, StreamRequest request, string firstUrl, string tokenParameter,
        string kind, CancellationToken cancellationToken)
    {
        var pages = await _http.ReadListAsync(_api, session, Request(session, request.Stream, request.Target, firstUrl), body =>
        {
            if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("meta", out var meta) || meta.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            session.CountUnits(request.Stream, XItemMapper.Resources(body));
            if (body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                LogPartial(session.Account.Id, request.Stream, errors.GetArrayLength(), Errors(body));
            }
            var next = XItemMapper.String(meta, "next_token");
            return new PlatformPage([body], next is null ? null : WithParameter(firstUrl, tokenParameter, next));
        }, cancellationToken).ConfigureAwait(false);
        var kept = new Dictionary<string, (Item Item, int? Replies)>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var entry in XItemMapper.MapPage(page, session.Account, kind))
            {
                if (!kept.TryGetValue(entry.Item.Id, out var seen) || (entry.Item.CreatedAt ?? default) > (seen.Item.CreatedAt ?? default))
                {
                    kept[entry.Item.Id] = entry;
                }
            }
        }
        return [.. kept.Values];
    }

    private static ChangeHint Hint(int? replies) =>
        new(replies?.ToString(CultureInfo.InvariantCulture) ?? "", replies);

    /// <summary>Holds a request to an endpoint whose rate-limit window is spent until its reset, within <c>Scan__MaxWaitSeconds</c>; a longer hold is not sent.</summary>
    private async Task WaitOutResetAsync(PlatformSession session, PlatformRequest request, string shownUrl, CancellationToken cancellationToken)
    {
        if (_limits.HoldFor(Endpoint(new Uri(request.Url))) is not { } hold)
        {
            return;
        }
        if (hold > TimeSpan.FromSeconds(_scanOptions.Value.MaxWaitSeconds))
        {
            throw new PlatformException(string.Create(CultureInfo.InvariantCulture,
                $"x account {session.Account.Id}: GET {shownUrl} not sent: its rate-limit window resets in {hold.TotalSeconds:0} s, more than Scan__MaxWaitSeconds"))
            {
                Kind = PlatformErrorKind.Throttled,
                RetryAfter = hold,
            };
        }
        LogHold(session.Account.Id, hold.TotalSeconds);
        await Task.Delay(hold, _time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The HTTP status decides: 401 a bad token; 402 (credits spent) the budget; 403 <c>client-not-enrolled</c> or
    /// <c>unsupported-authentication</c> a token or plan problem, any other 403 a permission; 404 not found; 429 throttled
    /// until <c>x-rate-limit-reset</c> (the body comes in three shapes and is only quoted).
    /// </summary>
    private PlatformError Classify(ErrorAnswer answer)
    {
        var error = XError.Parse(answer.Body);
        var detail = error.Describe(answer.Body);
        var kind = answer.Status switch
        {
            401 => PlatformErrorKind.Token,
            402 => PlatformErrorKind.BudgetExhausted,
            403 when error.CodeText is "client-not-enrolled" or "unsupported-authentication" => PlatformErrorKind.Token,
            403 => PlatformErrorKind.Permission,
            404 => PlatformErrorKind.NotFound,
            429 => PlatformErrorKind.Throttled,
            _ => PlatformErrorKind.Other,
        };
        var code = error.CodeText ?? answer.Status.ToString(CultureInfo.InvariantCulture);
        TimeSpan? retryAfter = kind == PlatformErrorKind.Throttled && XRateLimits.Reset(answer.Response.Headers) is { } reset
            ? reset - _time.GetUtcNow() is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero
            : null;
        return new PlatformError(kind, code, detail, retryAfter);
    }

    private static PlatformRequest Request(PlatformSession session, string stream, string? target, string url) => new(stream, target, url)
    {
        Units = 0, // X bills what an answer returns, not the request: the reads count their posts and users.
        Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Authorization"] = $"Bearer {session.Token}" },
    };

    private string Url(string path, string query)
    {
        var settings = _options.Value.X;
        return $"{settings.BaseUrl.TrimEnd('/')}/{settings.ApiVersion.Trim('/')}/{path}?{query}";
    }

    private static string ListQuery(bool paged = true) =>
        $"{(paged ? $"max_results={PageSize}&" : "")}tweet.fields={Escape(TweetFields)}&expansions={Escape(Expansions)}&media.fields={Escape(MediaFields)}&user.fields=name,username";

    /// <summary>
    /// The cursor's time as X's own cursor: X ids are time-ordered (milliseconds since X's id epoch above bit 22), so the
    /// largest id before <paramref name="since"/> makes <c>since_id</c> return every post from that time on.
    /// </summary>
    internal static string SinceId(DateTimeOffset since)
    {
        var ms = since.ToUnixTimeMilliseconds() - IdEpochMs;
        return ms <= 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"&since_id={(ms << 22) - 1}");
    }

    /// <summary>The endpoint a URL names, ids replaced (<c>/2/users/{id}/tweets</c>): X's rate-limit windows are per endpoint.</summary>
    private static string Endpoint(Uri? url) => url is null ? "" : NumericSegment().Replace(url.AbsolutePath, "/{id}");

    private static string WithParameter(string url, string name, string value)
    {
        var pattern = new Regex($"&{Regex.Escape(name)}=[^&]*");
        return pattern.Replace(url, "") + $"&{name}={Uri.EscapeDataString(value)}";
    }

    private static string Errors(JsonElement body) =>
        body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
            ? string.Join("; ", errors.EnumerateArray().Select(e => $"{XItemMapper.String(e, "title") ?? "error"} ({XItemMapper.String(e, "resource_id") ?? XItemMapper.String(e, "value")})"))
            : "no errors listed";

    private static string Escape(string value) => Uri.EscapeDataString(value);

    [GeneratedRegex("/[0-9]+(?=/|$)")]
    private static partial Regex NumericSegment();

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "X {Account}: a page of {Stream} came with {Count} errors beside its data (kept the data): {Errors}")]
    private partial void LogPartial(string account, string stream, int count, string errors);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "X {Account}: the rate-limit window is spent; waiting {Seconds:0.#} s for its reset")]
    private partial void LogHold(string account, double seconds);
}
