using SocialMonitor.Core.Audit;

namespace SocialMonitor.Core.Findings;

/// <summary>The finding as stored after a merge, and whether this merge created it.</summary>
public sealed record FindingMerge(Finding Finding, bool Created)
{
    /// <summary>The audit entry of a status change made with the merge (a reopen), still to be appended.</summary>
    public AuditEntry? Entry { get; init; }
}
