using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SocialMonitor.Core.Platforms.Facebook;

namespace SocialMonitor.Core.Platforms.Meta;

/// <summary>
/// What the Facebook and Instagram clients share, because both speak Meta's Graph API on <c>graph.facebook.com</c> with
/// a Page token: the secrets, the URLs, the list page (<c>{"data":[…],"paging":{"next":…}}</c>), the error classification
/// (<see cref="FacebookError"/>, by code and subcode, never by <c>type</c>), the <c>debug_token</c> answer and the hold
/// the usage headers ask for (<see cref="FacebookUsageGate"/>). The retry pipeline is <see cref="FacebookResilience"/>,
/// registered for both named HttpClients. See docs/architecture.md, "Adding a platform".
/// </summary>
public static partial class MetaGraph
{
    /// <summary>The Graph API's secrets: the token, the app secret proof, the token a <c>debug_token</c> inspects, the token a refresh exchanges.</summary>
    public static readonly PlatformSecrets Secrets = new(["access_token", "appsecret_proof", "input_token", "fb_exchange_token"], ["Authorization"]);

    /// <summary>How a Page token (Facebook's, and Instagram's through its linked Page) is renewed: <see cref="ReadPlan.TokenRenewal"/>.</summary>
    public const string TokenRenewal =
        "a manager of the page signs in to the monitor's Meta app again and the IT person stores the new Page token under the same name";

    /// <summary>
    /// <c>{BaseUrl}/{ApiVersion}/{path}?{query}</c>; the base URL may carry a path. The token is never in the URL (which
    /// telemetry records): <see cref="Authorize"/> sends it as a bearer token, which the Graph API accepts.
    /// </summary>
    public static string Url(PlatformOptions settings, string path, string query)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return string.Create(CultureInfo.InvariantCulture, $"{settings.BaseUrl.TrimEnd('/')}/{settings.ApiVersion.Trim('/')}/{path}?{query}");
    }

    /// <summary>Prepares a Graph API request: the Page token in the <c>Authorization</c> header and the Page's id for the retry pipeline.</summary>
    public static void Authorize(PlatformSession session, HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(FacebookResilience.PageKey, session.Account.PlatformId);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", session.Token);
    }

    /// <summary>True only when a read of the id answers code 100 with subcode 33 (<see cref="PlatformErrorKind.NotFound"/>); any other failure is thrown.</summary>
    public static async Task<bool> IsGoneAsync(PlatformHttp http, PlatformApi api, PlatformOptions settings, PlatformSession session, string itemId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        try
        {
            using var _ = await http.GetAsync(api, session, new PlatformRequest(StreamNames.Deletions, itemId, Url(settings, Uri.EscapeDataString(itemId), "fields=id")),
                cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (PlatformException e) when (e.Kind == PlatformErrorKind.NotFound)
        {
            return true;
        }
    }

    /// <summary>The token's validity, expiry and scopes from <c>debug_token</c> (see <see cref="ReadToken"/>).</summary>
    public static async Task<TokenStatus> CheckTokenAsync(PlatformHttp http, PlatformApi api, PlatformOptions settings, PlatformSession session,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(session);
        var url = Url(settings, "debug_token", $"input_token={Uri.EscapeDataString(session.Token)}");
        using var answer = await http.GetAsync(api, session, new PlatformRequest(StreamNames.Token, null, url), cancellationToken).ConfigureAwait(false);
        return ReadToken(answer.RootElement);
    }

    /// <summary>A Graph API list page: <c>{"data":[…],"paging":{"next":"…"}}</c>; null when the body has no data array.</summary>
    public static PlatformPage? EdgePage(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        return new PlatformPage([.. data.EnumerateArray()], Next(body));
    }

    /// <summary>The <c>paging.next</c> URL of a list (or of a nested list such as a comment's <c>replies</c>); null on the last page.</summary>
    public static string? Next(JsonElement list) =>
        list.ValueKind == JsonValueKind.Object && list.TryGetProperty("paging", out var paging) && paging.ValueKind == JsonValueKind.Object
        && paging.TryGetProperty("next", out var n) && n.ValueKind == JsonValueKind.String
            ? n.GetString()
            : null;

    /// <summary>
    /// What a Graph API error answer means: its code (and subcode) decide the kind, never its <c>type</c>. Code 100 with
    /// subcode 33 on a read of one object (or of the list of one post) is <see cref="PlatformErrorKind.NotFound"/>; code
    /// 100 without it, 10 and 200–299 are a missing permission; 190 a bad token; 4, 17, 32, 613, 80001–80014 throttling.
    /// </summary>
    public static PlatformError Classify(ErrorAnswer answer, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var error = FacebookError.Parse(answer.Body);
        var detail = (error?.Message, error?.Code) switch
        {
            (null, null) => "no Graph API error body",
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
            { Code: 100 } => PlatformErrorKind.Permission, // 100 on the account's own edges: a missing permission or feature.
            _ => PlatformErrorKind.Other,
        };
        return new PlatformError(kind, error?.CodeText, detail,
            kind == PlatformErrorKind.Throttled ? FacebookRetry.Asked(answer.Response, answer.Session.Account.PlatformId, time) : null);
    }

    /// <summary>A <c>debug_token</c> answer: valid or not, the earlier of <c>expires_at</c> and <c>data_access_expires_at</c> (0 is "never"), the scopes.</summary>
    public static TokenStatus ReadToken(JsonElement root)
    {
        var data = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var valid = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("is_valid", out var v) && v.ValueKind == JsonValueKind.True;
        // 0 means "never": a Page token from a long-lived user token does not expire, but its data access does (90 days).
        var expiries = new[] { UnixTime(data, "expires_at"), UnixTime(data, "data_access_expires_at") }.OfType<DateTimeOffset>().ToList();
        var scopes = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("scopes", out var s) && s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];
        return new TokenStatus(valid, expiries.Count == 0 ? null : expiries.Min(), scopes);
    }

    /// <summary>
    /// Waits out a hold the usage headers asked for on <paramref name="objectId"/> (a Page, an Instagram user), within
    /// <paramref name="maxWait"/>; a longer hold is not waited: the request is not sent and the read fails as throttled.
    /// </summary>
    public static async Task WaitOutHoldAsync(FacebookUsageGate gate, string platform, PlatformSession session, string shownUrl, TimeSpan maxWait,
        TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(session);
        var account = session.Account;
        if (gate.HoldFor(account.PlatformId) is not { } hold)
        {
            return;
        }
        if (hold > maxWait)
        {
            throw new PlatformException(string.Create(CultureInfo.InvariantCulture,
                $"{platform} account {account.Id}: GET {shownUrl} not sent: Meta's usage headers asked to wait {hold.TotalMinutes:0.#} min, more than Scan__MaxWaitSeconds"))
            {
                Kind = PlatformErrorKind.Throttled,
                RetryAfter = hold,
            };
        }
        LogHold(logger, platform, account.Id, hold.TotalSeconds);
        await Task.Delay(hold, time, cancellationToken).ConfigureAwait(false);
    }

    private static DateTimeOffset? UnixTime(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
        && value.TryGetInt64(out var seconds) && seconds > 0
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "{Platform} {Account}: the usage headers asked to hold; waiting {Seconds:0.#} s")]
    private static partial void LogHold(ILogger logger, string platform, string account, double seconds);
}
