namespace SocialMonitor.Core.Approvals;

public static class LinkMatches
{
    /// <summary>The registrable domain and every subdomain of it.</summary>
    public const string Domain = "domain";

    /// <summary>Every URL starting with the value (scheme and host case-insensitive).</summary>
    public const string Prefix = "prefix";

    /// <summary>Exactly this URL (normalised).</summary>
    public const string Url = "url";

    public static readonly IReadOnlyList<string> All = [Domain, Prefix, Url];
}
