namespace SocialMonitor.Core.Approvals;

public static class LinkApprovalScopes
{
    /// <summary>Every account of the district; otherwise a scope is a location id or an account id.</summary>
    public const string All = "all";
}
