using SocialMonitor.Core.Audit;

namespace SocialMonitor.Core.Findings;

/// <summary>
/// A finding as stored: its row's ETag (what <c>If-Match</c> must carry to change it), and the audit entry of its last
/// status change, which the row carries so that a crash before the entry was appended can be healed on the next read.
/// </summary>
public sealed record StoredFinding(Finding Finding, string ETag, AuditEntry? LastChange);
