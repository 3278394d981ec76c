namespace SocialMonitor.Core.Findings;

/// <summary>The finding as stored after a merge, and whether this merge created it.</summary>
public sealed record FindingMerge(Finding Finding, bool Created);
