using Microsoft.AspNetCore.Http;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Core.Api;

/// <summary>
/// <c>GET /api/items/{id}</c>: a captured item as its author wrote it (its latest version), its versions and events, and
/// its thread (the post and the comments and replies under it, each as last captured), scoped to the caller's
/// locations: an item of an account in another location is a 404, as if it did not exist, and so, for a manager, is an
/// item of a staff member's personal account (the coordinator's only). <c>platform</c> picks the
/// platform when two have an item of the same id.
/// </summary>
public sealed class ItemsApi(ApiRunner runner, AccountRegistry registry, ItemHistory history, ItemIndex index)
{
    /// <summary>The most thread members listed (the post first, then by time); a longer thread says so in <c>threadTruncated</c>.</summary>
    public const int MaxThread = 100;

    public Task GetAsync(HttpContext context, string id, CancellationToken cancellationToken) =>
        runner.RunAsync(context, coordinatorOnly: false, async caller =>
        {
            var query = new ApiQuery(context.Request, "platform");
            var platforms = query.Slugs("platform");
            var platform = platforms.Count > 0 ? platforms[0] : null;
            var accounts = (await registry.ListAccountsAsync(cancellationToken)).ToDictionary(a => a.Id, StringComparer.Ordinal);
            bool Visible(string account) => accounts.TryGetValue(account, out var a) && caller.MaySee(a.Location) && (caller.IsCoordinator || !a.Personal);

            var entries = (await history.ListAsync(id, cancellationToken))
                .Where(e => (platform is null || e.Platform == platform) && Visible(e.Account))
                .ToList();
            if (entries.Count == 0)
            {
                throw ApiProblemException.NotFound($"There is no item '{id}' that you may see.");
            }
            var (itemPlatform, account) = (entries[0].Platform, entries[0].Account);
            entries = [.. entries.Where(e => e.Platform == itemPlatform && e.Account == account)];
            var versions = entries.Where(e => e.Event is null && e.Item is not null).ToList();
            var item = versions[^1].Item!;
            var indexed = await index.GetAsync(account, id, cancellationToken);
            var (thread, truncated) = await ThreadAsync(account, item, cancellationToken);

            context.Response.Headers.CacheControl = "no-store";
            await ApiOutput.WriteJsonAsync(context, new
            {
                item,
                account,
                location = accounts[account].Location,
                hidden = indexed?.Hidden,
                deleted = indexed?.Deleted,
                versions = versions.Select(v => new { version = v.Version, at = v.At, hash = v.Hash, item = v.Item }),
                events = entries.Where(e => e.Event is not null).Select(e => new { @event = e.Event, at = e.At, fromVersion = e.FromVersion, toVersion = e.ToVersion, detail = e.Detail }),
                thread = thread.Select(t => new { item = t.Item, hidden = t.Hidden, deleted = t.Deleted, isThis = t.Item.Id == id }),
                threadTruncated = truncated,
            }, cancellationToken);
        }, cancellationToken);

    /// <summary>The post the item belongs to (up its parents, on the same account) and every item under it, as last captured.</summary>
    private async Task<(List<(Item Item, bool Hidden, bool Deleted)> Members, bool Truncated)> ThreadAsync(string account, Item item, CancellationToken cancellationToken)
    {
        var root = item.Id;
        var parent = item.ParentId;
        for (var depth = 0; parent is not null && depth < 5; depth++)
        {
            root = parent;
            parent = (await index.GetAsync(account, parent, cancellationToken))?.ParentId;
        }
        var all = await index.ListAccountAsync(account, cancellationToken);
        var inThread = new HashSet<string>(StringComparer.Ordinal) { root };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var row in all.Where(r => r.ParentId is not null && inThread.Contains(r.ParentId) && !inThread.Contains(r.ItemId)))
            {
                grew |= inThread.Add(row.ItemId);
            }
        }
        var rows = all.Where(r => inThread.Contains(r.ItemId))
            .OrderBy(r => r.ItemId == root ? 0 : 1).ThenBy(r => r.CreatedAt ?? r.FirstSeen).ThenBy(r => r.ItemId, StringComparer.Ordinal)
            .ToList();
        var members = new List<(Item, bool, bool)>();
        foreach (var row in rows.Take(MaxThread))
        {
            var last = (await history.ListAsync(row.ItemId, cancellationToken)).LastOrDefault(e => e.Account == account && e.Event is null && e.Item is not null);
            if (last is not null)
            {
                members.Add((last.Item!, row.Hidden, row.Deleted));
            }
        }
        return (members, rows.Count > MaxThread);
    }
}
