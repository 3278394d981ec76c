using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Platforms;

/// <summary>
/// A stream read to its last page: its items, in the platform's order, and for a posts stream each post's
/// <see cref="ChangeHint"/> (by post id), which tells whether its comments need reading again.
/// </summary>
public sealed record StreamRead(IReadOnlyList<Item> Items, IReadOnlyDictionary<string, ChangeHint> Hints)
{
    public static StreamRead Of(IReadOnlyList<Item> items) => new(items, new Dictionary<string, ChangeHint>(StringComparer.Ordinal));
}
