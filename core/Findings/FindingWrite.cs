namespace SocialMonitor.Core.Findings;

/// <summary>The outcome of a change: the finding as stored afterwards (none when missing or stale).</summary>
public sealed record FindingWrite(FindingWriteStatus Status, StoredFinding? Stored);
