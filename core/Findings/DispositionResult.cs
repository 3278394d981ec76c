namespace SocialMonitor.Core.Findings;

/// <summary>
/// The outcome of a disposition: missing, stale (its ETag was not the finding's), refused (<see cref="Refusal"/> says
/// why the status cannot go there from where it is), or changed, with the finding as stored.
/// </summary>
public sealed record DispositionResult(FindingWriteStatus Status, StoredFinding? Stored, string? Refusal = null);
