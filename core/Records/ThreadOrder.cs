using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Records;

/// <summary>
/// A thread's items in reading order: the post first, then each comment followed by its replies, depth first; siblings by
/// creation time (then id). An item whose parent is not in the export stands at the top level, after the post.
/// </summary>
public static class ThreadOrder
{
    public static IReadOnlyList<(ItemRecord Record, int Depth)> Of(IReadOnlyList<ItemRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var ids = records.Select(r => r.Index.ItemId).ToHashSet(StringComparer.Ordinal);
        var children = records.Where(r => r.Index.Kind != ItemKinds.Post && r.Index.ParentId is { } p && ids.Contains(p) && p != r.Index.ItemId)
            .ToLookup(r => r.Index.ParentId!, StringComparer.Ordinal);
        var roots = records.Where(r => r.Index.Kind == ItemKinds.Post || r.Index.ParentId is not { } p || !ids.Contains(p) || p == r.Index.ItemId)
            .OrderBy(r => r.Index.Kind == ItemKinds.Post ? 0 : 1).ThenBy(Created).ThenBy(r => r.Index.ItemId, StringComparer.Ordinal);
        var ordered = new List<(ItemRecord, int)>(records.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Visit(ItemRecord record, int depth)
        {
            if (!seen.Add(record.Index.ItemId))
            {
                return;
            }
            ordered.Add((record, depth));
            foreach (var child in children[record.Index.ItemId].OrderBy(Created).ThenBy(r => r.Index.ItemId, StringComparer.Ordinal))
            {
                Visit(child, depth + 1);
            }
        }
        foreach (var root in roots)
        {
            Visit(root, 0);
        }
        return ordered;
    }

    private static DateTimeOffset Created(ItemRecord record) => record.Index.CreatedAt ?? record.Index.FirstSeen;
}
