namespace SocialMonitor.Core.Platforms;

/// <summary>
/// One stream to read: its name (from the client's <see cref="ReadPlan"/>), the post whose stream it is (per-post streams
/// only), the time to read from (every-scan streams only), and the post ids to look up (<see cref="ReadPlan.Lookup"/> only).
/// </summary>
public sealed record StreamRequest(string Stream, string? Target = null, DateTimeOffset? Since = null, IReadOnlyList<string>? Ids = null);
