using SocialMonitor.Core.Audit;

namespace SocialMonitor.Core.Findings;

/// <summary>A change decided from the stored finding: the finding after it, and its audit entry (none for a change of system fields only).</summary>
public sealed record FindingChange(Finding After, AuditEntry? Entry);
