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
        var row = await table.GetEntityIfExistsAsync<ItemIndexRow>(TableKeys.Escape(account), TableKeys.Escape(itemId), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.ToItem() : null;
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
        await foreach (var row in table.QueryAsync<ItemIndexRow>(filter, cancellationToken: cancellationToken))
        {
            items.Add(row.ToItem());
        }
        return items;
    }

    /// <summary>Every item of one account that is not deleted, of every stream.</summary>
    public async Task<IReadOnlyList<IndexedItem>> ListAccountAsync(string account, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ItemIndex, cancellationToken);
        var items = new List<IndexedItem>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(account)} and Deleted eq false");
        await foreach (var row in table.QueryAsync<ItemIndexRow>(filter, cancellationToken: cancellationToken))
        {
            items.Add(row.ToItem());
        }
        return items;
    }

    /// <summary>Every item of one account, deleted ones too, in the order of their escaped ids, read as the table pages them.</summary>
    public async IAsyncEnumerable<IndexedItem> ReadAccountAsync(string account, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ItemIndex, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(account)}");
        await foreach (var row in table.QueryAsync<ItemIndexRow>(filter, 1000, cancellationToken: cancellationToken))
        {
            yield return row.ToItem();
        }
    }

    public async Task SetAsync(IndexedItem item, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ItemIndex, cancellationToken);
        await table.UpsertEntityAsync(ItemIndexRow.From(item), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Every item of every account, deleted ones included: what the retention run looks through.</summary>
    public async IAsyncEnumerable<IndexedItem> ListAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ItemIndex, cancellationToken);
        await foreach (var row in table.QueryAsync<ItemIndexRow>(cancellationToken: cancellationToken))
        {
            yield return row.ToItem();
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
        await foreach (var _ in table.QueryAsync<ItemIndexRow>(select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            count++;
        }
        return count;
    }
}
