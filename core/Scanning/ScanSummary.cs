namespace SocialMonitor.Core.Scanning;

/// <summary>
/// What one scan of one account did: items read, items queued for evaluation (new or changed), API calls in all and by
/// stream, and why it stopped early or was skipped, if it did.
/// </summary>
public sealed record ScanSummary(string Account, string Platform, int ItemsRead, int ItemsQueued, int Calls, string? Skipped = null)
{
    public IReadOnlyDictionary<string, int> CallsByStream { get; init; } = new Dictionary<string, int>();

    /// <summary>Why the scan stopped before reading every stream it meant to (a bad token, throttling), or null.</summary>
    public string? Stopped { get; init; }

    /// <summary>Streams that could not be read (a missing permission), with the reason.</summary>
    public IReadOnlyDictionary<string, string> Unreadable { get; init; } = new Dictionary<string, string>();

    public DateTimeOffset? At { get; init; }
}
