namespace SocialMonitor.Core.Platforms.OAuth;

/// <summary>
/// An access token from a refresh-token exchange, held in memory only: when it stops working, and, where the platform
/// says (LinkedIn's <c>refresh_token_expires_in</c>), when the refresh token itself ends.
/// </summary>
public sealed record OAuthAccess(string AccessToken, DateTimeOffset ExpiresAt, DateTimeOffset? RefreshTokenExpiresAt, IReadOnlyList<string> Scopes);
