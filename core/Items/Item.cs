namespace SocialMonitor.Core.Items;

/// <summary>The one shape of a captured post, comment or account fact (DESIGN.md, "The item, as JSON").</summary>
public sealed record Item
{
    public required string Id { get; init; }
    public string Platform { get; init; } = "unknown";
    public string? Account { get; init; }
    public string Kind { get; init; } = ItemKinds.Comment;
    public string? ParentId { get; init; }
    public string Origin { get; init; } = ItemOrigins.Guest;
    public ItemAuthor? Author { get; init; }
    public string Text { get; init; } = "";
    public IReadOnlyList<string> Links { get; init; } = [];
    public IReadOnlyList<ItemMedia> Media { get; init; } = [];
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? EditedAt { get; init; }
    public bool Hidden { get; init; }
    public string? Permalink { get; init; }
}
