namespace SocialMonitor.Core.Platforms;

/// <summary>
/// Well-known stream names. Which streams an account has, and when each is read, is its client's <see cref="ReadPlan"/>;
/// these are only the names Facebook's plan uses and that later platforms reuse where they mean the same: posts (with
/// visitor posts), the comments and replies of each post (cursor key <c>comments:{postId}</c>), and the account facts:
/// profile, roles (people who manage it) and apps.
/// </summary>
public static class StreamNames
{
    public const string Posts = "posts";
    public const string Comments = "comments";
    public const string Profile = "profile";
    public const string Roles = "roles";
    public const string Apps = "apps";

    /// <summary>Not a platform stream: token checks (<c>debug_token</c>) and deletion checks are counted under these.</summary>
    public const string Token = "token";
    public const string Deletions = "deletions";

    /// <summary>The cursor key of one stream: the stream name, and for a per-post stream the post it belongs to.</summary>
    public static string Key(string stream, string? target) => target is null ? stream : $"{stream}:{target}";
}
