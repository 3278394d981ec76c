namespace SocialMonitor.Local.Platforms.LinkedIn;

/// <summary>The version headers one request to <see cref="LinkedInRestApi"/> carried: its path, <c>LinkedIn-Version</c> and <c>X-Restli-Protocol-Version</c>.</summary>
public sealed record SentHeaders(string Path, string? Version, string? Protocol);
