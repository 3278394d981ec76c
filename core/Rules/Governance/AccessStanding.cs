namespace SocialMonitor.Core.Rules.Governance;

/// <summary>How a role held on an account stands against its access approvals (<see cref="AccessApprovals.Judge"/>).</summary>
public enum AccessStanding
{
    Covered,
    Ended,
    Unapproved,
}
