namespace SocialMonitor.Core.Rules;

/// <summary>
/// What the optional classifier said about an item, looked up before evaluation: the worst severity per category (0, 2,
/// 4 or 6) and the threshold (<c>ContentSafety__MinSeverity</c>) at which a category is evidence for the conduct rule.
/// </summary>
public sealed record Classification(string Source, IReadOnlyDictionary<string, int> Severities, int MinSeverity)
{
    /// <summary>The categories at or above the threshold and above 0 (safe), worst first (then by name, so the order is stable).</summary>
    public IEnumerable<KeyValuePair<string, int>> Flagged =>
        Severities.Where(c => c.Value > 0 && c.Value >= MinSeverity).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal);
}
