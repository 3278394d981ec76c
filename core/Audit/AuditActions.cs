using SocialMonitor.Core.Findings;

namespace SocialMonitor.Core.Audit;

/// <summary>
/// Every action an audit entry can name: a finding's statuses (a person's change, the system's "resolved", an escalation
/// "escalated") and "reopened"; an approval's "approved", "revoked", and the CLI's "add", "replace", "revoke"; an
/// account's or location's "created" and "updated"; a records export's "export"; a legal hold's "placed" and "lifted"; retention's "removed". <c>GET /api/audit?action=</c> refuses any other.
/// </summary>
public static class AuditActions
{
    public static readonly IReadOnlyList<string> All =
        [.. FindingStatuses.All.Append("reopened").Concat(["approved", "revoked", "add", "replace", "revoke", "created", "updated", "export", "placed", "lifted", "removed"]).Distinct(StringComparer.Ordinal)];
}
