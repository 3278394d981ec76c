namespace SocialMonitor.Core.Findings;

public static class FindingStatuses
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";
    public const string Dismissed = "dismissed";
    public const string Escalated = "escalated";

    public static readonly IReadOnlyList<string> All = [Open, Acknowledged, Resolved, Dismissed, Escalated];
}
