namespace SocialMonitor.Core.Platforms;

/// <summary>
/// An account's streams, each with its own cursor: its posts (with visitor posts), the comments and replies of each
/// post (cursor key <c>comments:{postId}</c>), and the account facts: profile, roles (people who manage it) and apps.
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

    /// <summary>The cursor key of one stream: the stream name, and for comments the post it belongs to.</summary>
    public static string Key(string stream, string? target) => target is null ? stream : $"{stream}:{target}";
}
