namespace SocialMonitor.Core.Platforms;

/// <summary>
/// One answer a platform gave, as it is archived: which stream asked, the URL and body with every token scrubbed, the
/// HTTP status and when it arrived.
/// </summary>
public sealed record PlatformResponse(string Stream, string? Target, string Url, int Status, string Body, DateTimeOffset At);
