namespace SocialMonitor.Core.Scanning;

/// <summary>What recording one stream read did: items new, edited, queued for evaluation, and events kept.</summary>
public sealed record RecordOutcome(int New, int Edited, int Queued, int Events);
