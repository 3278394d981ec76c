using Azure.Data.Tables;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Api;

/// <summary>
/// What the health endpoint reads about an account's capture, each in one small method so that it follows the scanner
/// wherever it keeps these facts: the last good scan (the last time a scan wrote any of the account's cursors, which it
/// does only after the stream's items are queued) and the last token check (table <c>TokenChecks</c>).
/// </summary>
public sealed class AccountHealthReader(StorageClients storage)
{
    public const string TokenRow = "token";

    /// <summary>When a scan of the account last completed a stream (the newest write of its cursors), or null when never.</summary>
    public async Task<DateTimeOffset?> LastGoodScanAsync(string account, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Cursors, cancellationToken);
        DateTimeOffset? last = null;
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {account}"), cancellationToken: cancellationToken))
        {
            last = row.Timestamp > last || last is null ? row.Timestamp : last;
        }
        return last;
    }

    /// <summary>When the account's token expires (null: it does not, or it was never checked), and when that was checked.</summary>
    public async Task<(DateTimeOffset? ExpiresAt, DateTimeOffset? CheckedAt)> TokenAsync(string account, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.TokenChecks, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(account), TokenRow, cancellationToken: cancellationToken);
        return row.HasValue ? (row.Value!.GetDateTimeOffset("ExpiresAt"), row.Value.GetDateTimeOffset("CheckedAt")) : (null, null);
    }
}
