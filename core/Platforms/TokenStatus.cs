namespace SocialMonitor.Core.Platforms;

/// <summary>
/// A token as the platform describes it: valid or not, and when it stops working (the earlier of its own expiry and, on
/// Facebook, the expiry of its data access); null when it does not expire.
/// </summary>
public sealed record TokenStatus(bool Valid, DateTimeOffset? ExpiresAt, IReadOnlyList<string> Scopes);
