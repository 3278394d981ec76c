using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Http;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms.OAuth;

namespace SocialMonitor.Core.Platforms.YouTube;

/// <summary>
/// Reads a YouTube channel through the Data API v3 with an API key (the account's token names it; it does not expire),
/// one stream at a time: the uploads playlist (never <c>search</c>, which costs a hundred times more), newest first and
/// paged only to the cursor's watermark, then <c>videos.list</c> in batches of 50 for the full description, tags, privacy,
/// the caption flag and the comment count (the change hint); the comment threads of one video with every reply
/// (<c>comments?parentId=</c> when a thread carries fewer than it has); the channel once a day. Every request costs one
/// quota unit, a failed one too (Google's cost table); the plan's <see cref="ReadPlan.Budget"/> is the project's daily
/// quota, reset at midnight Pacific. A 403 <c>quotaExceeded</c> stops every YouTube account until then
/// (<see cref="YouTubeQuotaGate"/>). With <c>Platforms__YouTube__ClientId</c> set and an account's <c>refreshToken</c>, the
/// owner's refresh token is exchanged for an access token (<see cref="OAuthRefresher"/>, memory only) and each video's
/// comments include the threads YouTube holds (<c>moderationStatus=heldForReview</c> and <c>likelySpam</c>), marked hidden.
/// See docs/architecture.md, "Adding a platform".
/// </summary>
public sealed partial class YouTubeClient(
    PlatformHttp http,
    OAuthRefresher oauth,
    ITokenSource tokens,
    IOptions<PlatformsOptions> options,
    IOptions<YouTubeOptions> youTubeOptions,
    YouTubeQuotaGate gate,
    TimeProvider time,
    ILogger<YouTubeClient> logger) : IPlatformClient
{
    public const string HttpClientName = "youtube";

    /// <summary>The uploads playlist: the channel's videos, newest first, with their comment counts as change hints.</summary>
    public const string Uploads = "uploads";

    public const int PageSize = 50;
    public const int CommentPageSize = 100;

    /// <summary>The moderation states whose threads only the owner's OAuth token reads: YouTube's hidden guest comments.</summary>
    public static readonly IReadOnlyList<string> HeldStatuses = ["heldForReview", "likelySpam"];

    /// <summary>The API key travels as <c>key=</c>; an OAuth access token as a bearer header.</summary>
    public static readonly PlatformSecrets Secrets = new(["key"], ["Authorization"]);

    private PlatformApi? _api;

    public string Platform => PlatformNames.YouTube;

    /// <summary>Uploads every scan; each video's comment threads and replies; the channel once a day; the daily quota in Pacific days.</summary>
    public ReadPlan Plan { get; } = new(
        [new PlannedRead(Uploads, StreamAbsence.Confirm, ChangeHints: true)],
        [new PlannedRead(StreamNames.Comments, StreamAbsence.Confirm)],
        [new PlannedRead(StreamNames.Profile, StreamAbsence.Ignored)])
    {
        Budget = new PlatformBudget(youTubeOptions.Value.DailyQuota, BudgetPeriod.Day) { Zone = YouTubeQuotaGate.Pacific },
    };

    /// <summary>
    /// Posts, comments, replies, deletions, edits, captions and the profile. Held comments need the owner's OAuth token:
    /// supported once a client id is set (on the accounts that name a <c>refreshToken</c>), else "cannot verify". The API
    /// lists neither the channel's managers nor connected apps, and thumbnails have no alt text.
    /// </summary>
    public PlatformCapabilities Capabilities { get; } = new(
        PlatformCapabilities.Names.ToDictionary(
            n => n, n => n is PlatformCapabilities.AltText or PlatformCapabilities.Roles or PlatformCapabilities.Apps
                or PlatformCapabilities.Website or PlatformCapabilities.Contacts or PlatformCapabilities.Hours
                || (n is PlatformCapabilities.Hidden && string.IsNullOrWhiteSpace(options.Value.YouTube.ClientId))
                ? CapabilityState.CannotVerify
                : CapabilityState.Supported),
        new Dictionary<string, string>
        {
            [PlatformCapabilities.Deletions] = "a deleted comment leaves no tombstone; it is confirmed by a read of its id",
            [PlatformCapabilities.PolicyLink] = "in the channel description (the Data API does not return the channel's links)",
            [PlatformCapabilities.Hidden] = "held comments (heldForReview, likelySpam) are read with the owner's OAuth token, on accounts with a refreshToken, "
                + "with the video's comments",
        });

    /// <summary>
    /// Google serves channel avatars from <c>yt3.ggpht.com</c> and banners from <c>yt3.googleusercontent.com</c> (older
    /// ones from <c>lh3.googleusercontent.com</c>): its own image CDNs.
    /// </summary>
    public IReadOnlyList<string> ImageHosts { get; } = ["yt3.ggpht.com", "googleusercontent.com"];

    private PlatformApi Api => _api ??= new PlatformApi(PlatformNames.YouTube, HttpClientName, Secrets, Classify)
    {
        BeforeSend = (session, request, shown, _) =>
        {
            if (gate.StoppedUntil is { } until)
            {
                throw new PlatformException(string.Create(CultureInfo.InvariantCulture,
                    $"youtube account {session.Account.Id}: GET {shown} not sent: the project's YouTube quota is spent until {until:yyyy-MM-dd HH:mm} UTC (midnight Pacific)"))
                {
                    Kind = PlatformErrorKind.Throttled,
                    PlatformCode = "quotaExceeded",
                    RetryAfter = Until(until),
                };
            }
            return Task.CompletedTask;
        },
    };

    public async Task<StreamRead> ReadAsync(PlatformSession session, StreamRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        switch (request.Stream)
        {
            case Uploads:
                var since = request.Since ?? throw new ArgumentException("An uploads read needs a time to read from.", nameof(request));
                return await ReadUploadsAsync(session, since, cancellationToken).ConfigureAwait(false);
            case StreamNames.Comments:
                var video = request.Target ?? throw new ArgumentException("A comments read needs the video.", nameof(request));
                return StreamRead.Of(await ReadCommentsAsync(session, video, cancellationToken).ConfigureAwait(false));
            case StreamNames.Profile:
                var url = Url("channels", $"part=snippet,brandingSettings,status&id={Uri.EscapeDataString(session.Account.PlatformId)}", session);
                using (var answer = await http.GetAsync(Api, session, new PlatformRequest(StreamNames.Profile, null, url), cancellationToken).ConfigureAwait(false))
                {
                    var channel = Items(answer.RootElement).FirstOrDefault();
                    if (channel.ValueKind != JsonValueKind.Object)
                    {
                        throw new PlatformException($"youtube account {session.Account.Id}: channel {session.Account.PlatformId} answered no item: it does not exist or was closed")
                        {
                            Kind = PlatformErrorKind.Permission,
                            PlatformCode = "channelNotFound",
                        };
                    }
                    return StreamRead.Of([YouTubeItemMapper.MapProfile(channel, session.Account)]);
                }
            default:
                throw new ArgumentException($"YouTube has no stream '{request.Stream}'.", nameof(request));
        }
    }

    /// <summary>A video id (11 characters) is read with <c>videos.list</c>, a comment id with <c>comments.list</c>; no item in the answer is gone.</summary>
    public async Task<bool> IsGoneAsync(PlatformSession session, string itemId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(itemId);
        var resource = itemId.Length == 11 && !itemId.Contains('.', StringComparison.Ordinal) ? "videos" : "comments";
        try
        {
            using var answer = await http.GetAsync(Api, session,
                new PlatformRequest(StreamNames.Deletions, itemId, Url(resource, $"part=id&id={Uri.EscapeDataString(itemId)}", session)), cancellationToken).ConfigureAwait(false);
            return !Items(answer.RootElement).Any();
        }
        catch (PlatformException e) when (e.Kind == PlatformErrorKind.NotFound)
        {
            return true;
        }
    }

    /// <summary>
    /// A read with the key (<c>channels.list</c>, one unit): a bad key throws as <see cref="PlatformErrorKind.Token"/>; a key
    /// never expires. With OAuth, then the refresh exchange (<c>invalid_grant</c> throws as <see cref="PlatformErrorKind.Token"/>).
    /// </summary>
    public async Task<TokenStatus> CheckTokenAsync(PlatformSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var url = Url("channels", $"part=id&id={Uri.EscapeDataString(session.Account.PlatformId)}", session);
        using var _ = await http.GetAsync(Api, session, new PlatformRequest(StreamNames.Token, null, url), cancellationToken).ConfigureAwait(false);
        var access = await AccessAsync(session, fresh: true, cancellationToken).ConfigureAwait(false);
        return new TokenStatus(true, null, ["youtube.readonly (API key)", .. access?.Scopes ?? []]);
    }

    /// <summary>The owner's access token, or null when no client id is set or the account names no refresh token.</summary>
    private async Task<OAuthAccess?> AccessAsync(PlatformSession session, bool fresh, CancellationToken cancellationToken)
    {
        if (session.Account.RefreshToken is not { } name || OAuthClient.Of(PlatformNames.YouTube, HttpClientName, options.Value.YouTube) is not { } client)
        {
            return null;
        }
        var refreshToken = await tokens.GetAsync(name, cancellationToken).ConfigureAwait(false);
        return await oauth.AccessAsync(client, session, refreshToken, fresh, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The uploads playlist (<c>UU</c> + the channel id after <c>UC</c>), page by page until a page reaches a video older
    /// than <paramref name="since"/> (the playlist has no date filter); then the videos themselves, 50 ids a call.
    /// </summary>
    private async Task<StreamRead> ReadUploadsAsync(PlatformSession session, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var account = session.Account;
        var channel = account.PlatformId;
        var playlist = channel.StartsWith("UC", StringComparison.Ordinal) ? "UU" + channel[2..] : channel;
        var first = Url("playlistItems", $"part=snippet,contentDetails&playlistId={Uri.EscapeDataString(playlist)}&maxResults={PageSize}", session);
        var ids = new List<string>();
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        for (var url = first; ;)
        {
            string? next;
            var reachedWatermark = false;
            using (var answer = await http.GetAsync(Api, session, new PlatformRequest(Uploads, null, url, List: true), cancellationToken).ConfigureAwait(false))
            {
                var body = answer.RootElement;
                if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
                {
                    throw PlatformHttp.Fail(Api, session, new PlatformRequest(Uploads, null, url), $"playlist {playlist} answered without its items");
                }
                foreach (var item in items.EnumerateArray())
                {
                    var details = item.TryGetProperty("contentDetails", out var d) ? d : default;
                    var id = YouTubeItemMapper.String(details, "videoId");
                    var published = YouTubeItemMapper.Time(details, "videoPublishedAt");
                    if (published is { } p && p < since)
                    {
                        reachedWatermark = true;
                        continue;
                    }
                    if (id is not null && !ids.Contains(id))
                    {
                        ids.Add(id);
                    }
                }
                next = YouTubeItemMapper.String(body, "nextPageToken");
            }
            if (reachedWatermark || next is null)
            {
                break;
            }
            if (!tokens.Add(next))
            {
                throw PlatformHttp.Fail(Api, session, new PlatformRequest(Uploads, null, url), $"playlist {playlist} repeats the page token {next}");
            }
            url = first + "&pageToken=" + Uri.EscapeDataString(next);
        }

        var posts = new List<Item>();
        var hints = new Dictionary<string, ChangeHint>(StringComparer.Ordinal);
        foreach (var batch in ids.Chunk(PageSize))
        {
            var url = Url("videos", $"part=snippet,contentDetails,status,statistics&id={string.Join(',', batch.Select(Uri.EscapeDataString))}&maxResults={PageSize}", session);
            using var answer = await http.GetAsync(Api, session, new PlatformRequest(Uploads, null, url, List: true), cancellationToken).ConfigureAwait(false);
            foreach (var video in Items(answer.RootElement))
            {
                if (YouTubeItemMapper.MapVideo(video, account) is not { } item)
                {
                    LogEntryWithoutId(account.Id, Uploads);
                    continue;
                }
                if (hints.TryAdd(item.Id, YouTubeItemMapper.CommentHint(video)))
                {
                    posts.Add(item);
                }
            }
        }
        return new StreamRead(posts, hints);
    }

    /// <summary>
    /// Every comment thread of a video (HTML <c>textDisplay</c>), its top-level comment and the replies it carries, and
    /// all replies through <c>comments?parentId=</c> when <c>totalReplyCount</c> is more than it carries.
    /// </summary>
    private async Task<List<Item>> ReadCommentsAsync(PlatformSession session, string video, CancellationToken cancellationToken)
    {
        var account = session.Account;
        var first = Url("commentThreads", $"part=snippet,replies&videoId={Uri.EscapeDataString(video)}&maxResults={CommentPageSize}", session);
        var threads = await http.ReadListAsync(Api, session, new PlatformRequest(StreamNames.Comments, video, first), body => Page(body, first), cancellationToken)
            .ConfigureAwait(false);
        var items = new List<Item>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(Item? item)
        {
            if (item is null)
            {
                LogEntryWithoutId(account.Id, StreamNames.Comments);
            }
            else if (seen.Add(item.Id))
            {
                items.Add(item);
            }
        }
        foreach (var thread in threads)
        {
            var snippet = thread.TryGetProperty("snippet", out var s) ? s : default;
            var top = snippet.ValueKind == JsonValueKind.Object && snippet.TryGetProperty("topLevelComment", out var t) ? t : default;
            Add(top.ValueKind == JsonValueKind.Object ? YouTubeItemMapper.MapComment(top, video, account) : null);
            var carried = thread.TryGetProperty("replies", out var r) && r.TryGetProperty("comments", out var c) && c.ValueKind == JsonValueKind.Array
                ? [.. c.EnumerateArray()]
                : new List<JsonElement>();
            var total = snippet.ValueKind == JsonValueKind.Object && snippet.TryGetProperty("totalReplyCount", out var n) && n.TryGetInt32(out var count) ? count : 0;
            if (total > carried.Count && YouTubeItemMapper.String(thread, "id") is { } threadId)
            {
                var repliesUrl = Url("comments", $"part=snippet&parentId={Uri.EscapeDataString(threadId)}&maxResults={CommentPageSize}", session);
                carried = await http.ReadListAsync(Api, session, new PlatformRequest(StreamNames.Comments, video, repliesUrl), body => Page(body, repliesUrl), cancellationToken)
                    .ConfigureAwait(false);
            }
            foreach (var reply in carried)
            {
                Add(YouTubeItemMapper.MapComment(reply, video, account));
            }
        }
        if (await AccessAsync(session, fresh: false, cancellationToken).ConfigureAwait(false) is { } access)
        {
            foreach (var status in HeldStatuses)
            {
                // Held threads (and the replies they carry) are hidden from the public; the owner's bearer token reads them, no key.
                var heldUrl = Url("commentThreads", $"part=snippet,replies&videoId={Uri.EscapeDataString(video)}&moderationStatus={status}&maxResults={CommentPageSize}", null);
                var request = new PlatformRequest(StreamNames.Comments, video, heldUrl)
                {
                    Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Authorization"] = $"Bearer {access.AccessToken}" },
                };
                foreach (var thread in await http.ReadListAsync(Api, session, request, body => Page(body, heldUrl), cancellationToken).ConfigureAwait(false))
                {
                    var snippet = thread.TryGetProperty("snippet", out var s) ? s : default;
                    var top = snippet.ValueKind == JsonValueKind.Object && snippet.TryGetProperty("topLevelComment", out var t) ? t : default;
                    Add(top.ValueKind == JsonValueKind.Object ? YouTubeItemMapper.MapComment(top, video, account, held: true) : null);
                    if (thread.TryGetProperty("replies", out var r) && r.TryGetProperty("comments", out var c) && c.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var reply in c.EnumerateArray())
                        {
                            Add(YouTubeItemMapper.MapComment(reply, video, account, held: true));
                        }
                    }
                }
            }
        }
        return items;
    }

    /// <summary>A list page: <c>{"items":[…],"nextPageToken":…}</c>; the next page is the first request with <c>pageToken</c>.</summary>
    private static PlatformPage? Page(JsonElement body, string firstUrl)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        var next = YouTubeItemMapper.String(body, "nextPageToken");
        return new PlatformPage([.. items.EnumerateArray()], next is null ? null : firstUrl + "&pageToken=" + Uri.EscapeDataString(next));
    }

    private static IEnumerable<JsonElement> Items(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object)
            : [];

    /// <summary>What a Google error answer means: its first <c>reason</c> decides, then its status.</summary>
    private PlatformError Classify(ErrorAnswer answer)
    {
        var error = YouTubeError.Parse(answer.Body);
        var detail = error?.Message is { } message ? $"{message} ({error.CodeText})" : "no Google error body";
        if (error is { IsQuotaExceeded: true })
        {
            var reset = gate.Exceeded();
            LogQuotaExceeded(answer.Session.Account.Id, reset);
            return new PlatformError(PlatformErrorKind.Throttled, error.CodeText, detail, Until(reset));
        }
        var kind = error switch
        {
            _ when answer.Status == 429 => PlatformErrorKind.Throttled,
            { IsRateLimited: true } => PlatformErrorKind.Throttled,
            { IsBadCredential: true } => PlatformErrorKind.Token,
            { IsPermission: true } => PlatformErrorKind.Permission,
            { IsNotFound: true } => PlatformErrorKind.NotFound,
            _ when answer.Status == 401 => PlatformErrorKind.Token,
            _ when answer.Status == 404 => PlatformErrorKind.NotFound,
            _ => PlatformErrorKind.Other,
        };
        return new PlatformError(kind, error?.CodeText ?? answer.Status.ToString(CultureInfo.InvariantCulture), detail,
            kind == PlatformErrorKind.Throttled ? RetryAfter.Read(answer.Response, time) : null);
    }

    private TimeSpan Until(DateTimeOffset when) => when - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;

    /// <summary>A Data API URL with the session's API key, or without any key (<paramref name="session"/> null) for a request with the owner's bearer token.</summary>
    private string Url(string resource, string query, PlatformSession? session)
    {
        var settings = options.Value.YouTube;
        var key = session is null ? "" : $"&key={Uri.EscapeDataString(session.Token)}";
        return string.Create(CultureInfo.InvariantCulture, $"{settings.BaseUrl.TrimEnd('/')}/{settings.ApiVersion.Trim('/')}/{resource}?{query}{key}");
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "YouTube {Account}: an entry of {Stream} without an id was skipped")]
    private partial void LogEntryWithoutId(string account, string stream);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error,
        Message = "YouTube {Account}: Google answered quotaExceeded; no YouTube account is read until {Reset:u} (midnight Pacific)")]
    private partial void LogQuotaExceeded(string account, DateTimeOffset reset);
}
