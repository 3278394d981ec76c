using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Scanning;

/// <summary>
/// One line of an item's history: a version (<see cref="Version"/> set, <see cref="Event"/> null, the item as it was in
/// <see cref="Item"/>) or an event (edited, deleted, hidden, unhidden, removed) with the versions it concerns.
/// </summary>
public sealed record ItemHistoryEntry
{
    public required string ItemId { get; init; }
    public required string Platform { get; init; }
    public required string Account { get; init; }
    public required DateTimeOffset At { get; init; }
    public int? Version { get; init; }
    public string? Hash { get; init; }
    public string? Event { get; init; }
    public int? FromVersion { get; init; }
    public int? ToVersion { get; init; }
    public string? Detail { get; init; }

    /// <summary>A version's archived answers, by SHA-256; null for a version captured before versions recorded them.</summary>
    public IReadOnlyList<string>? RawSha256 { get; init; }
    public Item? Item { get; init; }
}
