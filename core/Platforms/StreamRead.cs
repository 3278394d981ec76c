using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Platforms;

/// <summary>
/// A stream read to its last page: its items, in the platform's order, and for a posts stream each post's
/// <see cref="ChangeHint"/> (by post id), which tells whether its comments need reading again. <see cref="Gone"/>: the ids
/// the platform answered as not existing in this read (a lookup by id), each a confirmed deletion.
/// </summary>
public sealed record StreamRead(IReadOnlyList<Item> Items, IReadOnlyDictionary<string, ChangeHint> Hints)
{
    public IReadOnlyList<string> Gone { get; init; } = [];

    public static StreamRead Of(IReadOnlyList<Item> items) => new(items, new Dictionary<string, ChangeHint>(StringComparer.Ordinal));
}
