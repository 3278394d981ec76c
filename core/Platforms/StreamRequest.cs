namespace SocialMonitor.Core.Platforms;

/// <summary>One stream to read: its name, the post whose comments it is (comments only), and the time to read posts from (posts only).</summary>
public sealed record StreamRequest(string Stream, string? Target = null, DateTimeOffset? Since = null);
