using System.Globalization;
using System.Net;
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
/// (<c>filter=stream</c>), the Page profile, the people with a role on it and its subscribed apps. Every page is followed
/// through <c>paging.next</c> to the last one, every answer goes to the session's recorder with the token scrubbed, and
/// every attempt is counted. Transient faults and throttling are retried by the pipeline (<see cref="FacebookResilience"/>)
/// within <c>Scan__MaxWaitSeconds</c>; what is left surfaces as a <see cref="PlatformException"/> with its kind.
/// </summary>
public sealed partial class FacebookClient(
    IHttpClientFactory httpClientFactory,
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

    public string Platform => PlatformNames.Facebook;

    public IReadOnlyList<string> AccountStreams { get; } = [StreamNames.Profile, StreamNames.Roles, StreamNames.Apps];

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
                return await ReadPostsAsync(session, Url($"{page}/feed", $"fields={Escape(FeedFields)}&since={since.ToUnixTimeSeconds()}&limit={PageLimit}", session),
                    cancellationToken).ConfigureAwait(false);
            case StreamNames.Comments:
                var post = request.Target ?? throw new ArgumentException("A comments read needs the post.", nameof(request));
                var commentsUrl = Url($"{Uri.EscapeDataString(post)}/comments",
                    $"filter=stream&order=chronological&fields={Escape(CommentFields)}&limit={PageLimit}", session);
                var comments = await ReadEdgeAsync(session, request, commentsUrl, cancellationToken).ConfigureAwait(false);
                return StreamRead.Of(Map(comments, c => FacebookItemMapper.MapComment(c, post, account), () => LogCommentWithoutId(account.Id, post)));
            case StreamNames.Profile:
                using (var profile = await GetAsync(session, request, Url(page, $"fields={Escape(ProfileFields)}", session), edge: false, cancellationToken)
                    .ConfigureAwait(false))
                {
                    return StreamRead.Of([FacebookItemMapper.MapProfile(profile.RootElement, account)]);
                }
            case StreamNames.Roles:
                var roles = await ReadEdgeAsync(session, request, Url($"{page}/roles", $"limit={PageLimit}", session), cancellationToken).ConfigureAwait(false);
                return StreamRead.Of(Map(roles, r => FacebookItemMapper.MapRole(r, account), () => LogEntryWithoutId(account.Id, StreamNames.Roles)));
            case StreamNames.Apps:
                var apps = await ReadEdgeAsync(session, request, Url($"{page}/subscribed_apps", $"limit={PageLimit}", session), cancellationToken)
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
            using var _ = await GetAsync(session, new StreamRequest(StreamNames.Deletions, itemId),
                Url(Uri.EscapeDataString(itemId), "fields=id", session), edge: false, cancellationToken).ConfigureAwait(false);
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
        var url = Url("debug_token", $"input_token={Uri.EscapeDataString(session.Token)}", session);
        using var answer = await GetAsync(session, new StreamRequest(StreamNames.Token), url, edge: false, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Reads every page of one edge; <c>paging.next</c> is followed as given, but only on the configured host.</summary>
    private async Task<List<JsonElement>> ReadEdgeAsync(PlatformSession session, StreamRequest request, string firstUrl, CancellationToken cancellationToken)
    {
        var into = new List<JsonElement>();
        var followed = new HashSet<string>(StringComparer.Ordinal);
        var root = new Uri(firstUrl);
        for (var url = firstUrl; url is not null;)
        {
            if (!followed.Add(url))
            {
                throw Fail(session, $"GET {url} repeats a paging.next already followed");
            }
            using var page = await GetAsync(session, request, url, edge: true, cancellationToken).ConfigureAwait(false);
            var body = page.RootElement;
            if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                throw Fail(session, $"GET {url} answered without a data array");
            }
            into.AddRange(data.EnumerateArray().Select(e => e.Clone()));
            url = body.TryGetProperty("paging", out var paging) && paging.ValueKind == JsonValueKind.Object
                && paging.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String
                    ? next.GetString()
                    : null;
            if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var nextUri)
                || Uri.Compare(nextUri, root, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0))
            {
                // The next URL carries the token: it is never sent anywhere but the Graph API host we were given.
                throw Fail(session, $"GET {firstUrl} answered with a paging.next on another host: {url}");
            }
        }
        return into;
    }

    /// <summary>One request: waits out a usage hold, sends (through the pipeline), archives the answer, then parses or throws.</summary>
    private async Task<JsonDocument> GetAsync(
        PlatformSession session, StreamRequest stream, string url, bool edge, CancellationToken cancellationToken)
    {
        var account = session.Account;
        var shown = UrlScrubber.Redact(url, session.Token);
        if (gate.HoldFor(account.PlatformId) is { } hold)
        {
            var budget = TimeSpan.FromSeconds(scanOptions.Value.MaxWaitSeconds);
            if (hold > budget)
            {
                throw new PlatformException(string.Create(CultureInfo.InvariantCulture,
                    $"facebook account {account.Id}: GET {shown} not sent: Facebook's usage headers asked to wait {hold.TotalMinutes:0.#} min, more than Scan__MaxWaitSeconds"))
                {
                    Kind = PlatformErrorKind.Throttled,
                    RetryAfter = hold,
                };
            }
            LogHold(account.Id, hold.TotalSeconds);
            await Task.Delay(hold, time, cancellationToken).ConfigureAwait(false);
        }

        HttpStatusCode status;
        string body;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Options.Set(FacebookCallCounter.SessionKey, (session, stream.Stream));
        request.Options.Set(FacebookResilience.PageKey, account.PlatformId);
        var client = httpClientFactory.CreateClient(HttpClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            LogRequest(account.Id, shown, (int)status);
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var usage = gate.Observe(response.Headers, account.PlatformId);
            if (usage.AppPercent >= 80 || usage.ObjectPercent.Values.Any(p => p >= 80))
            {
                LogHighUsage(account.Id, usage.ToString());
            }
            await session.RecordAsync(new PlatformResponse(stream.Stream, stream.Target, shown, (int)status, UrlScrubber.Redact(body, session.Token),
                time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw ErrorAnswer(session, shown, response, body, edge);
            }
        }
        catch (HttpRequestException ex)
        {
            LogRequestFailed(account.Id, shown);
            throw new PlatformException(UrlScrubber.Redact($"facebook account {account.Id}: GET {shown} failed: {ex.Message}", session.Token), ex)
            {
                StatusCode = (int?)ex.StatusCode,
            };
        }
        catch (IOException ex)
        {
            LogRequestFailed(account.Id, shown);
            throw new PlatformException(UrlScrubber.Redact($"facebook account {account.Id}: GET {shown} failed while reading the body: {ex.Message}", session.Token), ex);
        }
        catch (Exception ex) when (ex is TaskCanceledException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            LogRequestFailed(account.Id, shown);
            throw new PlatformException($"facebook account {account.Id}: GET {shown} timed out", ex);
        }

        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new PlatformException(UrlScrubber.Redact(
                $"facebook account {account.Id}: GET {shown} answered {(int)status} with a body that is not valid JSON (truncated?): {ex.Message}", session.Token), ex)
            {
                StatusCode = (int)status,
            };
        }
    }

    /// <summary>The exception for a non-success answer, with the error's code, subcode and what it means for the scan.</summary>
    private static PlatformException ErrorAnswer(PlatformSession session, string shownUrl, HttpResponseMessage response, string body, bool edge)
    {
        var status = (int)response.StatusCode;
        var error = FacebookError.Parse(body);
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
            { IsMissingObject: true } when !edge => PlatformErrorKind.NotFound,
            { Code: 100 } => PlatformErrorKind.Permission, // 100 on an edge: a missing permission or feature (or the object is gone).
            _ => PlatformErrorKind.Other,
        };
        return new PlatformException(UrlScrubber.Redact(
            string.Create(CultureInfo.InvariantCulture, $"facebook account {session.Account.Id}: GET {shownUrl} answered {status}: {detail}"), session.Token))
        {
            StatusCode = status,
            ErrorCode = error?.Code,
            ErrorSubcode = error?.Subcode,
            Kind = kind,
            RetryAfter = kind == PlatformErrorKind.Throttled ? FacebookRetry.Asked(response, session.Account.PlatformId) : null,
        };
    }

    private static PlatformException Fail(PlatformSession session, string what) =>
        new(UrlScrubber.Redact($"facebook account {session.Account.Id}: {what}", session.Token));

    private string Url(string path, string query, PlatformSession session)
    {
        var settings = options.Value.Facebook;
        return string.Create(CultureInfo.InvariantCulture,
            $"{settings.BaseUrl.TrimEnd('/')}/{settings.ApiVersion.Trim('/')}/{path}?{query}&access_token={Uri.EscapeDataString(session.Token)}");
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static DateTimeOffset? UnixTime(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
        && value.TryGetInt64(out var seconds) && seconds > 0
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Facebook {Account} GET {Url} -> {Status}")]
    private partial void LogRequest(string account, string url, int status);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Facebook {Account} GET {Url} failed without a complete answer")]
    private partial void LogRequestFailed(string account, string url);

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
