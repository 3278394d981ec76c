using Azure.Data.Tables;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Scanning;

/// <summary>Each account's stream cursors (table <c>Cursors</c>; PartitionKey account, RowKey stream), moved only after the stream's items are queued.</summary>
public sealed class CursorStore(StorageClients storage)
{
    public async Task<DateTimeOffset?> GetAsync(string account, string stream, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Cursors, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(account, stream, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetDateTimeOffset("Cursor") : null;
    }

    public async Task SetAsync(string account, string stream, DateTimeOffset cursor, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Cursors, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(account, stream) { ["Cursor"] = cursor }, TableUpdateMode.Replace, cancellationToken);
    }
}
