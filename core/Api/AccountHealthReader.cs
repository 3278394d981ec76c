using SocialMonitor.Core.Scanning;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Api;

/// <summary>
/// What the health endpoint reads about an account's capture: the last good scan (the newest time a stream was read to
/// its end, which the scanner records only after the stream's items are queued) and the last token check (table
/// <c>TokenChecks</c>, written by the daily <see cref="TokenChecker"/>).
/// </summary>
public sealed class AccountHealthReader(StorageClients storage, CursorStore cursors)
{
    public const string TokenRow = "token";

    /// <summary>When a scan of the account last read a stream to its end, or null when never.</summary>
    public async Task<DateTimeOffset?> LastGoodScanAsync(string account, CancellationToken cancellationToken) =>
        (await cursors.LoadAsync(account, cancellationToken)).All.Max(c => c.ReadAt);

    /// <summary>What the account's last scan did (its end, why it stopped early); empty when never scanned.</summary>
    public Task<ScanState> ScanStateAsync(string account, CancellationToken cancellationToken) => cursors.GetStateAsync(account, cancellationToken);

    /// <summary>
    /// When the account's token expires (null: it does not, or it was never checked), when that was checked, and whether
    /// the platform called it valid (null: never checked).
    /// </summary>
    public async Task<(DateTimeOffset? ExpiresAt, DateTimeOffset? CheckedAt, bool? Valid)> TokenAsync(string account, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.TokenChecks, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TokenCheckRow>(TableKeys.Escape(account), TokenRow, cancellationToken: cancellationToken);
        return row.HasValue ? (row.Value!.ExpiresAt, row.Value.CheckedAt, row.Value.Valid) : (null, null, null);
    }
}
