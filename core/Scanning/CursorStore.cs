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
        await foreach (var row in table.QueryAsync<CursorRow>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            if (row.RowKey != StateRow)
            {
                cursors.Add(row.ToCursor());
            }
        }
        return new AccountCursors(cursors);
    }

    public async Task<StreamCursor?> GetAsync(string account, string key, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Cursors, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<CursorRow>(TableKeys.Escape(account), TableKeys.Escape(key), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.ToCursor() : null;
    }

    public async Task SetAsync(string account, StreamCursor cursor, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Cursors, cancellationToken);
        await table.UpsertEntityAsync(CursorRow.From(account, cursor), TableUpdateMode.Replace, cancellationToken);
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
        var row = await table.GetEntityIfExistsAsync<ScanStateRow>(TableKeys.Escape(account), StateRow, cancellationToken: cancellationToken);
        return row.HasValue ? ItemJson.Deserialize<ScanState>(row.Value!.State!) : new ScanState();
    }

    public async Task SetStateAsync(string account, ScanState state, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Cursors, cancellationToken);
        await table.UpsertEntityAsync(new ScanStateRow { PartitionKey = TableKeys.Escape(account), RowKey = StateRow, State = ItemJson.Serialize(state) },
            TableUpdateMode.Replace, cancellationToken);
    }
}
