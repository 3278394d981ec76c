namespace SocialMonitor.Core.Scanning;

/// <summary>
/// An account's scanning as a whole: when a scan of it was first queued, when one last ran to an end (completed, or
/// stopped for a token or throttling), and what the last one did (outcome, items, API calls by stream).
/// </summary>
public sealed record ScanState
{
    public DateTimeOffset? QueuedSince { get; init; }
    public DateTimeOffset? LastScannedAt { get; init; }
    public ScanSummary? Last { get; init; }
}
