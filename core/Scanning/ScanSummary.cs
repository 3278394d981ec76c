namespace SocialMonitor.Core.Scanning;

/// <summary>What one scan of one account did: items read, items queued for evaluation (new or changed), API calls.</summary>
public sealed record ScanSummary(string Account, string Platform, int ItemsRead, int ItemsQueued, int Calls, string? Skipped = null);
