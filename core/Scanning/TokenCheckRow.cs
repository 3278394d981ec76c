using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Scanning;

/// <summary>
/// An account's last token check in <c>TokenChecks</c> (PartitionKey account, RowKey <c>token</c>), written by
/// <see cref="TokenChecker"/> and read by the health endpoint; no <see cref="ExpiresAt"/> for a token that does not expire.
/// </summary>
internal sealed class TokenCheckRow : TableRow
{
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? CheckedAt { get; set; }
    public bool? Valid { get; set; }
}
