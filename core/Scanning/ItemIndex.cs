using Azure.Data.Tables;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Scanning;

/// <summary>
/// Each captured item's content hash and version (table <c>ItemIndex</c>; PartitionKey account, RowKey item id), so a
/// scan queues only new or changed items.
/// </summary>
public sealed class ItemIndex(StorageClients storage)
{
    public async Task<(string Hash, int Version)?> GetAsync(string account, string itemId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ItemIndex, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(account), TableKeys.Escape(itemId), cancellationToken: cancellationToken);
        return row.HasValue ? (row.Value!.GetString("Hash"), row.Value.GetInt32("Version") ?? 1) : null;
    }

    public async Task SetAsync(string account, string itemId, string hash, int version, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ItemIndex, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(TableKeys.Escape(account), TableKeys.Escape(itemId))
        {
            ["ItemId"] = itemId,
            ["Hash"] = hash,
            ["Version"] = version,
            ["SeenAt"] = seenAt,
        }, TableUpdateMode.Replace, cancellationToken);
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
}
