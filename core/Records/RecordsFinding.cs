using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Findings;

namespace SocialMonitor.Core.Records;

/// <summary>A finding on an exported item, with its status history (its audit entries, oldest first).</summary>
public sealed record RecordsFinding(Finding Finding, IReadOnlyList<AuditEntry> History);
