namespace SocialMonitor.Core.Rules.LinkDomain;

/// <summary>
/// What resolving a shortened link found before evaluation: the URL its redirects end at, or why there is none
/// (refused address, timeout, too many redirects, no redirect). Rules never resolve; they read this.
/// </summary>
public sealed record ResolvedLink(string ShortLink, string? Target, string? Failure)
{
    public static ResolvedLink To(string shortLink, string target) => new(shortLink, target, null);

    public static ResolvedLink Failed(string shortLink, string failure) => new(shortLink, null, failure);
}
