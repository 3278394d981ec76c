using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Core.Scanning;

/// <summary>
/// Records a stream's items against what the record knows: a new item becomes version 1; a changed content hash keeps a
/// new version beside the earlier ones with an <c>edited</c> event; a change of hidden state is a <c>hidden</c> or
/// <c>unhidden</c> event. New, edited and newly hidden items are queued for evaluation with this version's events (the
/// evaluator's moderation rule reads <c>hidden</c>); the scan path runs no rule. Per item the order is history, queue,
/// index: a crash before the index row is written makes the retry do the same again (same history rows, an evaluation
/// queued twice, which the evaluator absorbs).
/// </summary>
public sealed class ItemRecorder(ItemIndex index, ItemHistory history, QueueSender queue, TimeProvider time)
{
    /// <param name="known">The index rows of this stream, by item id (items not among them are looked up one by one).</param>
    /// <param name="firstScan">The account's first scan: an item already hidden then is its state, not an event anyone saw.</param>
    /// <param name="answers">The archived answers of this stream's read: each new version records the SHA-256 of those it came from.</param>
    public async Task<RecordOutcome> RecordAsync(Account account, string streamKey, IReadOnlyList<Item> items,
        IReadOnlyDictionary<string, IndexedItem> known, bool firstScan, StreamAnswers answers, CancellationToken cancellationToken)
    {
        int created = 0, edited = 0, queued = 0, events = 0;
        var now = time.GetUtcNow();
        foreach (var item in items)
        {
            var hash = ItemJson.ContentHash(item);
            var before = known.GetValueOrDefault(item.Id) ?? await index.GetAsync(account.Id, item.Id, cancellationToken);
            var after = before is null
                ? new IndexedItem
                {
                    Account = account.Id, ItemId = item.Id, Platform = item.Platform, Kind = item.Kind, Stream = streamKey, ParentId = item.ParentId,
                    Origin = item.Origin, Hash = hash, Version = 1, Hidden = item.Hidden, CreatedAt = item.CreatedAt, FirstSeen = now, ChangedAt = now,
                }
                : before with
                {
                    Kind = item.Kind, Stream = streamKey, ParentId = item.ParentId, Origin = item.Origin, Hash = hash, Hidden = item.Hidden,
                    Deleted = false, CreatedAt = item.CreatedAt ?? before.CreatedAt,
                };
            var changed = before is null || before.Hash != hash;
            var itemEvents = new List<string>(2);
            if (changed)
            {
                after = after with { Version = (before?.Version ?? 0) + 1, ChangedAt = now };
                await history.AddVersionAsync(account.Id, item, after.Version, hash, now, answers.SourcesOf(item), cancellationToken);
            }
            if (before is not null && changed)
            {
                after = after with { Events = after.Events + 1 };
                await history.AddEventAsync(after, after.Events, ItemEvents.Edited, now, before.Version, after.Version, null, cancellationToken);
                itemEvents.Add(ItemEvents.Edited);
                edited++;
                events++;
            }
            var hiddenChanged = before is null ? item.Hidden && !firstScan : before.Hidden != item.Hidden;
            if (hiddenChanged)
            {
                after = after with { Events = after.Events + 1, ChangedAt = now };
                var hiddenEvent = item.Hidden ? ItemEvents.Hidden : ItemEvents.Unhidden;
                await history.AddEventAsync(after, after.Events, hiddenEvent, now, null, after.Version,
                    before is null ? "first seen hidden" : null, cancellationToken);
                itemEvents.Add(hiddenEvent);
                events++;
            }
            if (changed || itemEvents.Contains(ItemEvents.Hidden))
            {
                await queue.SendItemAsync(item, cancellationToken, itemEvents);
                queued++;
            }
            if (after != before)
            {
                await index.SetAsync(after, cancellationToken);
            }
            created += before is null ? 1 : 0;
        }
        return new RecordOutcome(created, edited, queued, events);
    }

    /// <summary>Records that an item is gone: <c>deleted</c> (confirmed by the platform) or <c>removed</c> (left a complete list).</summary>
    public async Task GoneAsync(IndexedItem item, string what, string detail, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var after = item with { Deleted = true, Events = item.Events + 1, ChangedAt = now };
        await history.AddEventAsync(after, after.Events, what, now, item.Version, null, detail, cancellationToken);
        await index.SetAsync(after, cancellationToken);
    }
}
