using Azure;
using Azure.Data.Tables;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Scanning;

/// <summary>
/// Each captured item's current state (table <c>ItemIndex</c>; PartitionKey account, RowKey item id): content hash,
/// version, hidden and deleted state, the stream it belongs to. A row is written only when something changed, so a scan
/// with nothing new writes nothing; it is written last, after the history and the queue, so a retry redoes the rest.
/// </summary>
public sealed class ItemIndex(StorageClients storage)
{
    public async Task<IndexedItem?> GetAsync(string account, string itemId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ItemIndex, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(account), TableKeys.Escape(itemId), cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>The items of one stream that are not deleted; for posts only those created at or after <paramref name="since"/>.</summary>
    public async Task<IReadOnlyList<IndexedItem>> ListStreamAsync(string account, string stream, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ItemIndex, cancellationToken);
        var partition = TableKeys.Escape(account);
        var filter = since is { } from
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Stream eq {stream} and Deleted eq false and CreatedAt ge {from}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Stream eq {stream} and Deleted eq false");
        var items = new List<IndexedItem>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            items.Add(FromEntity(row));
        }
        return items;
    }

    /// <summary>Every item of one account that is not deleted, of every stream.</summary>
    public async Task<IReadOnlyList<IndexedItem>> ListAccountAsync(string account, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ItemIndex, cancellationToken);
        var items = new List<IndexedItem>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(account)} and Deleted eq false");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            items.Add(FromEntity(row));
        }
        return items;
    }

    public async Task SetAsync(IndexedItem item, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ItemIndex, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(TableKeys.Escape(item.Account), TableKeys.Escape(item.ItemId))
        {
            ["ItemId"] = item.ItemId,
            ["Platform"] = item.Platform,
            ["Kind"] = item.Kind,
            ["Stream"] = item.Stream,
            ["ParentId"] = item.ParentId,
            ["Origin"] = item.Origin,
            ["Hash"] = item.Hash,
            ["Version"] = item.Version,
            ["Events"] = item.Events,
            ["Hidden"] = item.Hidden,
            ["Deleted"] = item.Deleted,
            ["CreatedAt"] = item.CreatedAt,
            ["FirstSeen"] = item.FirstSeen,
            ["ChangedAt"] = item.ChangedAt,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Every item of every account, deleted ones included: what the retention run looks through.</summary>
    public async IAsyncEnumerable<IndexedItem> ListAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ItemIndex, cancellationToken);
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            yield return FromEntity(row);
        }
    }

    /// <summary>Removes the item's index row (retention, after its history); a row already gone is no error, so a retry goes on.</summary>
    public async Task RemoveAsync(IndexedItem item, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ItemIndex, cancellationToken);
        await table.DeleteEntityAsync(TableKeys.Escape(item.Account), TableKeys.Escape(item.ItemId), ETag.All, cancellationToken);
    }

    /// <summary>How many items have been captured in all.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ItemIndex, cancellationToken);
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            count++;
        }
        return count;
    }

    private static IndexedItem FromEntity(TableEntity row) => new()
    {
        Account = row.PartitionKey, // Account ids are slugs ([a-z0-9-]): escaping leaves them as they are.
        ItemId = row.GetString("ItemId"),
        Platform = row.GetString("Platform") ?? "unknown",
        Kind = row.GetString("Kind") ?? "",
        Stream = row.GetString("Stream") ?? "",
        ParentId = row.GetString("ParentId"),
        Origin = row.GetString("Origin") ?? "",
        Hash = row.GetString("Hash"),
        Version = row.GetInt32("Version") ?? 1,
        Events = row.GetInt32("Events") ?? 0,
        Hidden = row.GetBoolean("Hidden") ?? false,
        Deleted = row.GetBoolean("Deleted") ?? false,
        CreatedAt = row.GetDateTimeOffset("CreatedAt"),
        FirstSeen = row.GetDateTimeOffset("FirstSeen") ?? default,
        ChangedAt = row.GetDateTimeOffset("ChangedAt") ?? default,
    };
}
