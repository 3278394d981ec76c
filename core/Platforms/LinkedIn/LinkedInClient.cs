using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms.OAuth;

namespace SocialMonitor.Core.Platforms.LinkedIn;

/// <summary>
/// Reads a LinkedIn organization page through the Community Management API (Rest.li 2.0, <c>/rest/…</c>), one stream at a
/// time: the organization's posts (<c>/rest/posts?q=author</c>, newest change first, paged to the cursor's watermark), the
/// comments of one post and the comments nested under each (<c>/rest/socialActions/{urn}/comments</c>), the organization
/// (<c>/rest/organizations/{id}</c>) and the people holding a role on it (<c>/rest/organizationAcls</c>, one query per role).
/// Every request carries the bearer token, the pinned <c>LinkedIn-Version</c> (<c>Platforms__LinkedIn__ApiVersion</c>) and
/// <c>X-Restli-Protocol-Version: 2.0.0</c>; URNs are URL-encoded in paths and queries. Sending, counting, archiving,
/// scrubbing and following pages is the shared <see cref="PlatformHttp"/>; retries are <see cref="LinkedInResilience"/>.
/// With <c>Platforms__LinkedIn__ClientId</c> set, the account's token names a refresh token: it is exchanged at
/// <c>Platforms__LinkedIn__OAuthBaseUrl</c> (<see cref="OAuthRefresher"/>) and the access token lives in memory only;
/// without it the token is the member access token itself (60 days, renewed by hand).
/// See docs/architecture.md, "Adding a platform".
/// </summary>
public sealed partial class LinkedInClient(
    PlatformHttp http,
    OAuthRefresher oauth,
    IOptions<PlatformsOptions> options,
    TimeProvider time,
    ILogger<LinkedInClient> logger) : IPlatformClient
{
    public const string HttpClientName = "linkedin";
    public const string ProtocolVersion = "2.0.0";
    public const string VersionHeader = "LinkedIn-Version";
    public const string ProtocolHeader = "X-Restli-Protocol-Version";

    /// <summary>Entries asked per page; LinkedIn may answer fewer while more exist, so paging follows <c>paging.links</c>, never the count.</summary>
    public const int PageCount = 50;

    /// <summary>The bearer header, and the OAuth parameters a refresh exchange would carry.</summary>
    public static readonly PlatformSecrets Secrets = new(["access_token", "refresh_token", "client_secret"], ["Authorization"]);

    private PlatformApi? _api;

    public string Platform => PlatformNames.LinkedIn;

    /// <summary>Posts every scan; each post's comments (with nested comments); the organization and its roles once a day. No budget: LinkedIn's daily limits are unpublished.</summary>
    public ReadPlan Plan { get; } = new(
        [new PlannedRead(StreamNames.Posts, StreamAbsence.Confirm, ChangeHints: true)],
        [new PlannedRead(StreamNames.Comments, StreamAbsence.Confirm)],
        [new PlannedRead(StreamNames.Profile, StreamAbsence.Ignored), new PlannedRead(StreamNames.Roles, StreamAbsence.Removed)])
    {
        // The expiry the check reports is the refresh token's year (with a client id): a new sign-in gives a new one.
        TokenRenewal = "an administrator of the page signs in through the monitor's LinkedIn app again and the IT person stores the new refresh token "
            + "(without a client id: the new access token) under the same name",
    };

    /// <summary>
    /// LinkedIn has no hidden state for comments, no caption data, no list of connected apps, and alt text only where the
    /// author typed it (absent is unknown): those are "cannot verify". Posts include dark (sponsored, <c>feedDistribution:
    /// NONE</c>) posts: they speak for the library as much as the page's feed does.
    /// </summary>
    public PlatformCapabilities Capabilities { get; } = new(
        PlatformCapabilities.Names.ToDictionary(n => n, n => n is PlatformCapabilities.Hidden or PlatformCapabilities.AltText
            or PlatformCapabilities.Captions or PlatformCapabilities.Apps or PlatformCapabilities.ProfileImages or PlatformCapabilities.Contacts
            or PlatformCapabilities.Hours ? CapabilityState.CannotVerify : CapabilityState.Supported),
        new Dictionary<string, string>
        {
            [PlatformCapabilities.Comments] = "read when the post changes and once a day in the comment window (posts carry no comment count)",
            [PlatformCapabilities.Roles] = "members are named by URN only; pending and revoked roles are not listed",
        });

    /// <summary>
    /// LinkedIn serves media from <c>media.licdn.com</c>. The organization's logo comes as a media URN, not a URL (reading
    /// it needs the Images API, not read yet), so no LinkedIn image is fetched today: profile images are "cannot verify".
    /// </summary>
    public IReadOnlyList<string> ImageHosts { get; } = ["media.licdn.com"];

    private PlatformApi Api => _api ??= new PlatformApi(PlatformNames.LinkedIn, HttpClientName, Secrets, Classify);

    public async Task<StreamRead> ReadAsync(PlatformSession session, StreamRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        var account = session.Account;
        var organization = Uri.EscapeDataString(account.PlatformId);
        switch (request.Stream)
        {
            case StreamNames.Posts:
                var since = request.Since ?? throw new ArgumentException("A posts read needs a time to read from.", nameof(request));
                return await ReadPostsAsync(session, since, Url("posts", $"q=author&author={organization}&sortBy=LAST_MODIFIED&start=0&count={PageCount}"),
                    cancellationToken).ConfigureAwait(false);
            case StreamNames.Comments:
                var post = request.Target ?? throw new ArgumentException("A comments read needs the post.", nameof(request));
                return StreamRead.Of(await ReadCommentsAsync(session, post, cancellationToken).ConfigureAwait(false));
            case StreamNames.Profile:
                var profileRequest = await RequestAsync(session, StreamNames.Profile, null, Url($"organizations/{OrganizationId(account)}", null), cancellationToken)
                    .ConfigureAwait(false);
                using (var profile = await http.GetAsync(Api, session, profileRequest, cancellationToken).ConfigureAwait(false))
                {
                    return StreamRead.Of([LinkedInItemMapper.MapProfile(profile.RootElement, account)]);
                }
            case StreamNames.Roles:
                var acls = new List<JsonElement>();
                foreach (var role in LinkedInItemMapper.Roles)
                {
                    acls.AddRange(await ReadListAsync(session, StreamNames.Roles, null,
                        Url("organizationAcls", $"q=organization&organization={organization}&role={role}&state=APPROVED&start=0&count={PageCount}"),
                        cancellationToken).ConfigureAwait(false));
                }
                return StreamRead.Of(LinkedInItemMapper.MapRoles(acls, account));
            default:
                throw new ArgumentException($"LinkedIn has no stream '{request.Stream}'.", nameof(request));
        }
    }

    /// <summary>
    /// True when LinkedIn answers 404 on a read of the post (<c>/rest/posts/{urn}</c>) or of the comment
    /// (<c>/rest/socialActions/{object}/comments/{id}</c>); any other answer is not a confirmation.
    /// </summary>
    public async Task<bool> IsGoneAsync(PlatformSession session, string itemId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(itemId);
        var path = CommentParts(itemId) is var (obj, id)
            ? $"socialActions/{Uri.EscapeDataString(obj)}/comments/{Uri.EscapeDataString(id)}"
            : $"posts/{Uri.EscapeDataString(itemId)}";
        try
        {
            var read = await RequestAsync(session, StreamNames.Deletions, itemId, Url(path, null), cancellationToken).ConfigureAwait(false);
            using var _ = await http.GetAsync(Api, session, read, cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (PlatformException e) when (e.Kind == PlatformErrorKind.NotFound)
        {
            return true;
        }
    }

    /// <summary>
    /// With a client id, first a fresh refresh-token exchange (<c>invalid_grant</c>: not valid): its
    /// <c>refresh_token_expires_in</c> is the expiry the token check records and warns of, since a refresh token's year is
    /// what ends the account's access. Then a read of the organization with the access token: valid unless LinkedIn
    /// answers with a token error. Without a client id the token is a member access token, whose end LinkedIn does not say
    /// (introspection needs the app's secret), so the expiry is null.
    /// </summary>
    public async Task<TokenStatus> CheckTokenAsync(PlatformSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        try
        {
            var access = await AccessAsync(session, fresh: true, cancellationToken).ConfigureAwait(false);
            var read = await RequestAsync(session, StreamNames.Token, null, Url($"organizations/{OrganizationId(session.Account)}", null), cancellationToken)
                .ConfigureAwait(false);
            using var _ = await http.GetAsync(Api, session, read, cancellationToken).ConfigureAwait(false);
            return new TokenStatus(true, access?.RefreshTokenExpiresAt, access?.Scopes ?? []);
        }
        catch (PlatformException e) when (e.Kind == PlatformErrorKind.Token)
        {
            return new TokenStatus(false, null, []);
        }
    }

    /// <summary>
    /// The posts, newest change first, page by page until a page reaches back past <paramref name="since"/> (the watermark):
    /// a post is kept when it was created or changed since then. The change hint is <c>lastModifiedAt</c> with no count,
    /// since a post carries none: comments are read when the post changes and once a day in the comment window.
    /// </summary>
    private async Task<StreamRead> ReadPostsAsync(PlatformSession session, DateTimeOffset since, string firstUrl, CancellationToken cancellationToken)
    {
        var account = session.Account;
        var first = await RequestAsync(session, StreamNames.Posts, null, firstUrl, cancellationToken).ConfigureAwait(false);
        var entries = await http.ReadListAsync(Api, session, first, body =>
        {
            var page = Page(body, firstUrl);
            // Sorted by last change: once a page holds a post unchanged since the watermark, every later page is older still.
            return page is not null && page.Entries.Any(p => LinkedInItemMapper.LastModified(p) < since) ? page with { Next = null } : page;
        }, cancellationToken).ConfigureAwait(false);
        var items = new List<Item>();
        var hints = new Dictionary<string, ChangeHint>(StringComparer.Ordinal);
        foreach (var post in entries)
        {
            if (LinkedInItemMapper.LastModified(post) is { } changed && changed < since)
            {
                continue;
            }
            if (LinkedInItemMapper.MapPost(post, account) is not { } item)
            {
                LogEntryWithoutId(account.Id, StreamNames.Posts);
                continue;
            }
            var modified = LinkedInItemMapper.LastModified(post)?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) ?? "";
            if (hints.TryAdd(item.Id, new ChangeHint(modified, null)))
            {
                items.Add(item);
            }
        }
        return new StreamRead(items, hints);
    }

    /// <summary>
    /// The comments of a post, then the comments nested under each (LinkedIn nests one level). A comment whose entity says
    /// it has no replies (<c>commentsSummary</c>) is not asked; where the entity does not say, it is.
    /// </summary>
    private async Task<List<Item>> ReadCommentsAsync(PlatformSession session, string postUrn, CancellationToken cancellationToken)
    {
        var account = session.Account;
        var items = new List<Item>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var top = await ReadListAsync(session, StreamNames.Comments, postUrn, CommentsUrl(postUrn), cancellationToken).ConfigureAwait(false);
        foreach (var comment in top)
        {
            if (LinkedInItemMapper.MapComment(comment, postUrn, null, account) is not { } item)
            {
                LogEntryWithoutId(account.Id, StreamNames.Comments);
                continue;
            }
            if (!seen.Add(item.Id))
            {
                continue;
            }
            items.Add(item);
            if (LinkedInItemMapper.Replies(comment) is 0)
            {
                continue;
            }
            var nested = await ReadListAsync(session, StreamNames.Comments, postUrn, CommentsUrl(item.Id), cancellationToken).ConfigureAwait(false);
            foreach (var reply in nested)
            {
                if (LinkedInItemMapper.MapComment(reply, postUrn, item.Id, account) is { } replyItem && seen.Add(replyItem.Id))
                {
                    items.Add(replyItem);
                }
            }
        }
        return items;
    }

    private string CommentsUrl(string urn) => Url($"socialActions/{Uri.EscapeDataString(urn)}/comments", $"start=0&count={PageCount}");

    private async Task<List<JsonElement>> ReadListAsync(PlatformSession session, string stream, string? target, string url, CancellationToken cancellationToken)
    {
        var first = await RequestAsync(session, stream, target, url, cancellationToken).ConfigureAwait(false);
        return await http.ReadListAsync(Api, session, first, body => Page(body, url), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A Rest.li collection page, <c>{"elements":[…],"paging":{"start","count","links":[{"rel":"next","href":"/rest/…"}]}}</c>;
    /// the next link is root-relative, resolved against the request's host. Null when the body has no elements array.
    /// </summary>
    private static PlatformPage? Page(JsonElement body, string requestUrl)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("elements", out var elements) || elements.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        string? next = null;
        if (body.TryGetProperty("paging", out var paging) && paging.ValueKind == JsonValueKind.Object
            && paging.TryGetProperty("links", out var links) && links.ValueKind == JsonValueKind.Array)
        {
            var href = links.EnumerateArray()
                .Where(l => l.ValueKind == JsonValueKind.Object && l.TryGetProperty("rel", out var rel) && rel.ValueKind == JsonValueKind.String && rel.GetString() == "next")
                .Select(l => l.TryGetProperty("href", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null)
                .FirstOrDefault(h => !string.IsNullOrEmpty(h));
            next = href is null ? null : new Uri(new Uri(requestUrl), href).ToString();
        }
        return new PlatformPage([.. elements.EnumerateArray()], next);
    }

    /// <summary>
    /// What a Rest.li error answer means, by its status (both eras of the body give the code for the record): 401 the token,
    /// 403 a missing permission for this stream, 429 throttled until LinkedIn's daily limits reset (midnight UTC), 404 gone.
    /// </summary>
    private PlatformError Classify(ErrorAnswer answer)
    {
        var error = LinkedInError.Parse(answer.Body);
        var detail = error?.Message ?? "no LinkedIn error body";
        return answer.Status switch
        {
            401 => new PlatformError(PlatformErrorKind.Token, error?.CodeText, detail),
            403 => new PlatformError(PlatformErrorKind.Permission, error?.CodeText, detail),
            429 => new PlatformError(PlatformErrorKind.Throttled, error?.CodeText, detail, UntilMidnightUtc()),
            404 => new PlatformError(PlatformErrorKind.NotFound, error?.CodeText, detail),
            _ when error?.IsBadToken == true => new PlatformError(PlatformErrorKind.Token, error.CodeText, detail),
            _ => new PlatformError(PlatformErrorKind.Other, error?.CodeText, detail),
        };
    }

    private TimeSpan UntilMidnightUtc()
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero) - now;
    }

    /// <summary>A GET with the bearer token (the session's, or the one exchanged for its refresh token), the pinned version and the Rest.li protocol version.</summary>
    private async Task<PlatformRequest> RequestAsync(PlatformSession session, string stream, string? target, string url, CancellationToken cancellationToken) =>
        new(stream, target, url)
        {
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["Authorization"] = $"Bearer {(await AccessAsync(session, fresh: false, cancellationToken).ConfigureAwait(false))?.AccessToken ?? session.Token}",
                [VersionHeader] = options.Value.LinkedIn.ApiVersion.Trim(),
                [ProtocolHeader] = ProtocolVersion,
            },
        };

    /// <summary>The access token exchanged for the session's refresh token, or null when no client id is set (the token is the access token).</summary>
    private async Task<OAuthAccess?> AccessAsync(PlatformSession session, bool fresh, CancellationToken cancellationToken) =>
        OAuthClient.Of(PlatformNames.LinkedIn, HttpClientName, options.Value.LinkedIn) is { } client
            ? await oauth.AccessAsync(client, session, session.Token, fresh, cancellationToken).ConfigureAwait(false)
            : null;

    private string Url(string path, string? query)
    {
        var baseUrl = options.Value.LinkedIn.BaseUrl.TrimEnd('/');
        return query is null ? $"{baseUrl}/rest/{path}" : $"{baseUrl}/rest/{path}?{query}";
    }

    /// <summary>The number of <c>urn:li:organization:{id}</c>, as <c>/rest/organizations/{id}</c> wants it.</summary>
    private static string OrganizationId(Account account)
    {
        const string prefix = "urn:li:organization:";
        return account.PlatformId.StartsWith(prefix, StringComparison.Ordinal)
            ? Uri.EscapeDataString(account.PlatformId[prefix.Length..])
            : throw new PlatformException($"linkedin account {account.Id}: platformId must be an organization URN (urn:li:organization:…), not '{account.PlatformId}'");
    }

    /// <summary>The object and id of <c>urn:li:comment:({object},{id})</c>; null for any other URN (a post).</summary>
    private static (string Object, string Id)? CommentParts(string urn)
    {
        const string prefix = "urn:li:comment:(";
        if (!urn.StartsWith(prefix, StringComparison.Ordinal) || !urn.EndsWith(')'))
        {
            return null;
        }
        var inner = urn[prefix.Length..^1];
        var comma = inner.LastIndexOf(',');
        return comma <= 0 ? null : (inner[..comma], inner[(comma + 1)..]);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "LinkedIn {Account}: an entry of {Stream} without an id was skipped")]
    private partial void LogEntryWithoutId(string account, string stream);
}
