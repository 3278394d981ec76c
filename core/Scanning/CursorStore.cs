using Azure.Data.Tables;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Scanning;

/// <summary>
/// Each account's stream cursors (table <c>Cursors</c>; PartitionKey account, RowKey the stream key), each moved only
/// after its stream's items are queued, and the account's <see cref="ScanState"/> (RowKey <c>~scan</c>).
/// </summary>
public sealed class CursorStore(StorageClients storage)
{
    private const string StateRow = "~scan";

    /// <summary>Every cursor of the account, in one partition query.</summary>
    public async Task<AccountCursors> LoadAsync(string account, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Cursors, cancellationToken);
        var cursors = new List<StreamCursor>();
        var partition = TableKeys.Escape(account);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            if (row.RowKey != StateRow)
            {
                cursors.Add(ToCursor(row));
            }
        }
        return new AccountCursors(cursors);
    }

    public async Task<StreamCursor?> GetAsync(string account, string key, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Cursors, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(account), TableKeys.Escape(key), cancellationToken: cancellationToken);
        return row.HasValue ? ToCursor(row.Value!) : null;
    }

    public async Task SetAsync(string account, StreamCursor cursor, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Cursors, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(TableKeys.Escape(account), TableKeys.Escape(cursor.Key))
        {
            ["Key"] = cursor.Key,
            ["Position"] = cursor.Position,
            ["Floor"] = cursor.Floor,
            ["Hint"] = cursor.Hint,
            ["ReadAt"] = cursor.ReadAt,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Forgets a stream (the comments of a post that left the comment window).</summary>
    public async Task DeleteAsync(string account, string key, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Cursors, cancellationToken);
        await table.DeleteEntityAsync(TableKeys.Escape(account), TableKeys.Escape(key), cancellationToken: cancellationToken);
    }

    public async Task<ScanState> GetStateAsync(string account, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Cursors, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(account), StateRow, cancellationToken: cancellationToken);
        return row.HasValue ? ItemJson.Deserialize<ScanState>(row.Value!.GetString("State")) : new ScanState();
    }

    public async Task SetStateAsync(string account, ScanState state, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Cursors, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(TableKeys.Escape(account), StateRow) { ["State"] = ItemJson.Serialize(state) },
            TableUpdateMode.Replace, cancellationToken);
    }

    private static StreamCursor ToCursor(TableEntity row) => new(row.GetString("Key") ?? row.RowKey)
    {
        Position = row.GetDateTimeOffset("Position"),
        Floor = row.GetDateTimeOffset("Floor"),
        Hint = row.GetString("Hint"),
        ReadAt = row.GetDateTimeOffset("ReadAt"),
    };
}
