namespace SocialMonitor.Core.Platforms.OAuth;

/// <summary>
/// Where and as whom a platform exchanges refresh tokens: its name (messages, logs), its named <see cref="HttpClient"/>
/// (the platform's retry pipeline), the token endpoint (<c>Platforms__&lt;Platform&gt;__OAuthBaseUrl</c>), the app's client
/// id (<c>…__ClientId</c>) and the name of its client secret (<c>…__ClientSecretName</c>, a Key Vault secret or a
/// <c>Tokens__</c> setting).
/// </summary>
public sealed record OAuthClient(string Platform, string HttpClientName, string TokenUrl, string ClientId, string ClientSecretName)
{
    /// <summary>The client of <paramref name="options"/>, or null when no client id is set (no OAuth on this platform).</summary>
    public static OAuthClient? Of(string platform, string httpClientName, PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.ClientId)
            ? null
            : new OAuthClient(platform, httpClientName, options.OAuthBaseUrl, options.ClientId.Trim(), options.ClientSecretName.Trim());
    }
}
