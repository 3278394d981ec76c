namespace SocialMonitor.Core.Scanning;

/// <summary>
/// What the record knows of an item now: where it was read (its stream key), its content hash and version, its hidden
/// and deleted state, and how many events it has had. Earlier versions and every event are in <see cref="ItemHistory"/>.
/// </summary>
public sealed record IndexedItem
{
    public required string Account { get; init; }
    public required string ItemId { get; init; }
    public required string Platform { get; init; }
    public required string Kind { get; init; }
    public required string Stream { get; init; }
    public string? ParentId { get; init; }
    public required string Origin { get; init; }
    public required string Hash { get; init; }
    public int Version { get; init; } = 1;
    public int Events { get; init; }
    public bool Hidden { get; init; }
    public bool Deleted { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset FirstSeen { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
}
