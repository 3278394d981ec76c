using System.Text.Json;

namespace SocialMonitor.Local.Platforms.X;

/// <summary>
/// One X account of the sample data, in X API v2 wire form: its user object, its own posts (an edited post in its newest
/// version, <c>edit_history_tweet_ids</c> naming every version), the posts that mention it, the replies of its
/// conversations, the users and media those name, and the ids of its posts that were deleted.
/// </summary>
public sealed record XSampleAccount
{
    public required JsonElement User { get; init; }
    public IReadOnlyList<JsonElement> Tweets { get; init; } = [];
    public IReadOnlyList<JsonElement> Mentions { get; init; } = [];
    public IReadOnlyList<JsonElement> Replies { get; init; } = [];
    public IReadOnlyList<JsonElement> Users { get; init; } = [];
    public IReadOnlyList<JsonElement> Media { get; init; } = [];
    public IReadOnlyList<string> Deleted { get; init; } = [];
}
