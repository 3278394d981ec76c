namespace SocialMonitor.Core.Findings;

public enum FindingWriteStatus
{
    /// <summary>No such finding.</summary>
    Missing,

    /// <summary>The finding changed since the caller's read: its ETag is no longer the one given.</summary>
    Stale,

    /// <summary>Nothing to change.</summary>
    Unchanged,

    Changed,
}
