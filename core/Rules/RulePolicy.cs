namespace SocialMonitor.Core.Rules;

/// <summary>What the rules read of the policy: the library's own domains and the top-level domains always allowed.</summary>
public sealed record RulePolicy(IReadOnlyList<string> OwnDomains, IReadOnlyList<string> AllowedTopLevelDomains)
{
    public static readonly RulePolicy Default = new(["communitylibrary.net"], ["edu", "gov"]);
}
