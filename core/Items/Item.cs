using System.Text.Json.Serialization;

namespace SocialMonitor.Core.Items;

/// <summary>The one shape of a captured post, comment or account fact (docs/architecture.md, "The item, as JSON").</summary>
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

    /// <summary>
    /// An account fact's fields by name (a profile's <c>website</c>, <c>phone</c>, <c>hours</c>…; a role's <c>tasks</c>; an
    /// app's <c>subscribedFields</c>), for rules that check them one by one. Posts and comments have none, and then the
    /// member is left out of the JSON. <see cref="Text"/> carries the same facts, so the content hash covers them.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Facts { get; init; }
}
