using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Review;

/// <summary>
/// What the record holds of one account for its daily review: the latest version of its profile, roles and apps, the
/// time of its latest official item, since when its posts have been read, and how its roles and apps were last read (<c>read</c>, <c>refused</c>, or null: never).
/// </summary>
public sealed record ReviewRecord
{
    public Item? Profile { get; init; }
    public IReadOnlyList<Item> Roles { get; init; } = [];
    public IReadOnlyList<Item> Apps { get; init; } = [];
    public DateTimeOffset? LastOfficialPostAt { get; init; }

    /// <summary>The floor of the posts stream (the plan's change-hint stream) once it was read to the end; null before that.</summary>
    public DateTimeOffset? PostsReadSince { get; init; }
    public string? RolesRead { get; init; }
    public string? AppsRead { get; init; }
}
