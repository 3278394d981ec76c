using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Findings;

/// <summary>
/// Status changes by the system, in DESIGN.md's three cases only, each with an audit entry: an open or acknowledged
/// finding whose problem an edit removed is resolved; a resolved one whose problem came back is reopened; a
/// <c>capture</c> finding is resolved when its condition clears. A dismissed finding stays dismissed.
/// </summary>
public sealed class FindingLifecycle(FindingStore findings, AuditLog audit)
{
    public const string SystemActor = "system";

    /// <summary>Resolves an open, acknowledged or escalated finding; anything else is left as it is. Returns the finding as stored.</summary>
    public Task<Finding?> ResolveBySystemAsync(string location, string id, string why, CancellationToken cancellationToken) =>
        ChangeAsync(location, id, f => f.Status is FindingStatuses.Open or FindingStatuses.Acknowledged or FindingStatuses.Escalated,
            FindingStatuses.Resolved, "resolved", why, cancellationToken);

    /// <summary>Reopens a resolved finding whose problem came back; a dismissed one stays dismissed.</summary>
    public Task<Finding?> ReopenBySystemAsync(string location, string id, string why, CancellationToken cancellationToken) =>
        ChangeAsync(location, id, f => f.Status == FindingStatuses.Resolved, FindingStatuses.Open, "reopened", why, cancellationToken);

    private async Task<Finding?> ChangeAsync(
        string location, string id, Func<Finding, bool> applies, string status, string action, string why, CancellationToken cancellationToken)
    {
        var current = await findings.GetAsync(location, id, cancellationToken);
        if (current is null || !applies(current))
        {
            return current;
        }
        // The audit entry is written first: a crash before the status write leaves an entry and an unchanged finding,
        // and the retry writes a second entry and the change. Never a change without its entry.
        await audit.AppendAsync(SystemActor, "finding", id, location, action,
            ItemJson.Serialize(new { current.Status }), ItemJson.Serialize(new { Status = status }), why, cancellationToken);
        return await findings.UpdateAsync(location, id, f => applies(f) ? f with { Status = status } : f, cancellationToken);
    }
}
