using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SocialMonitor.Core.Platforms.OAuth;

/// <summary>
/// The OAuth 2.0 refresh-token exchange (RFC 6749 §6), as Google and LinkedIn speak it: a form POST of
/// <c>grant_type=refresh_token</c>, <c>refresh_token</c>, <c>client_id</c> and <c>client_secret</c> to the token endpoint,
/// answered <c>{"access_token","expires_in","scope",…}</c> (LinkedIn adds <c>refresh_token_expires_in</c>) or
/// <c>{"error":"invalid_grant","error_description":…}</c>. The access token lives in memory only, one per platform and
/// account, reused until <see cref="Margin"/> before it expires; one exchange at a time per account (a second caller waits
/// for the first one's token). The answer is archived and logged with the refresh token, client secret and access token
/// removed; none of them is ever in a URL. A refused grant or client is <see cref="PlatformErrorKind.Token"/>; any other
/// failure is <see cref="PlatformErrorKind.Other"/> and the next read exchanges again (nothing is cached from a failure).
/// </summary>
public sealed partial class OAuthRefresher(IHttpClientFactory httpClientFactory, ITokenSource tokens, TimeProvider time, ILogger<OAuthRefresher> logger)
{
    /// <summary>An access token is exchanged again this long before it expires, so no read starts with one about to end.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    /// <summary>The form fields and answer fields that carry a secret.</summary>
    public static readonly PlatformSecrets Secrets = new(["refresh_token", "client_secret", "access_token"], ["Authorization"]);

    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.Ordinal);

    /// <summary>
    /// An access token for the session's account from <paramref name="refreshToken"/>: the cached one while it has more than
    /// <see cref="Margin"/> left (and came from the same refresh token), else a new exchange; <paramref name="fresh"/>
    /// always exchanges (the daily token check, which must learn whether the refresh token still works).
    /// </summary>
    public async Task<OAuthAccess> AccessAsync(OAuthClient client, PlatformSession session, string refreshToken, bool fresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        var entry = _cache.GetOrAdd($"{client.Platform}\n{session.Account.Id}", _ => new Entry());
        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!fresh && entry.Access is { } cached && entry.RefreshToken == refreshToken && cached.ExpiresAt - Margin > time.GetUtcNow())
            {
                return cached;
            }
            entry.Access = null;
            var access = await ExchangeAsync(client, session, refreshToken, cancellationToken).ConfigureAwait(false);
            entry.Access = access;
            entry.RefreshToken = refreshToken;
            return access;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private async Task<OAuthAccess> ExchangeAsync(OAuthClient client, PlatformSession session, string refreshToken, CancellationToken cancellationToken)
    {
        var account = session.Account.Id;
        var who = $"{client.Platform} account {account}: the refresh-token exchange at {client.TokenUrl}";
        if (string.IsNullOrEmpty(client.ClientSecretName))
        {
            throw new PlatformException($"{who} needs the client secret: set Platforms__{client.Platform}__ClientSecretName to the name of the app's client secret");
        }
        var clientSecret = await tokens.GetAsync(client.ClientSecretName, cancellationToken).ConfigureAwait(false);
        var secrets = new List<string?> { refreshToken, clientSecret };
        using var message = new HttpRequestMessage(HttpMethod.Post, client.TokenUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
                ["client_id"] = client.ClientId,
                ["client_secret"] = clientSecret,
            }),
        };
        int status;
        string body;
        try
        {
            using var response = await httpClientFactory.CreateClient(client.HttpClientName).SendAsync(message, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogExchangeFailed(client.Platform, account, client.TokenUrl);
            throw new PlatformException(Secrets.Redact($"{who} failed: {e.Message}", secrets), e);
        }
        LogExchange(client.Platform, account, client.TokenUrl, status);

        using var document = Parse(body);
        var root = document?.RootElement ?? default;
        var accessToken = Text(root, "access_token");
        secrets.Add(accessToken);
        await session.RecordAsync(new PlatformResponse(StreamNames.Token, null, client.TokenUrl, status, Secrets.Redact(body, secrets), time.GetUtcNow()),
            cancellationToken).ConfigureAwait(false);
        if (status is < 200 or > 299 || accessToken is null)
        {
            var error = Text(root, "error");
            var detail = Text(root, "error_description") ?? (document is null ? "an answer that is not JSON" : "no access token");
            throw new PlatformException(Secrets.Redact(string.Create(CultureInfo.InvariantCulture, $"{who} answered {status}: {error ?? "no error code"} ({detail})"), secrets))
            {
                StatusCode = status,
                PlatformCode = error,
                // RFC 6749 §5.2: the refresh token is expired, revoked or not this client's, or the client itself is refused.
                Kind = error is "invalid_grant" or "invalid_client" or "unauthorized_client" ? PlatformErrorKind.Token : PlatformErrorKind.Other,
            };
        }
        var now = time.GetUtcNow();
        var scopes = (Text(root, "scope") ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new OAuthAccess(accessToken, now.AddSeconds(Seconds(root, "expires_in") ?? 3600),
            Seconds(root, "refresh_token_expires_in") is { } ends ? now.AddSeconds(ends) : null, scopes);
    }

    private static JsonDocument? Parse(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static long? Seconds(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
            ? seconds
            : null;

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Platform} {Account} POST {Url} (refresh-token exchange) -> {Status}")]
    private partial void LogExchange(string platform, string account, string url, int status);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Platform} {Account} POST {Url} (refresh-token exchange) failed without a complete answer")]
    private partial void LogExchangeFailed(string platform, string account, string url);

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public OAuthAccess? Access { get; set; }
        public string? RefreshToken { get; set; }
    }
}
