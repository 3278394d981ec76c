using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Scanning;

/// <summary>
/// A row of <c>ItemHistory</c> (PartitionKey the item id, RowKey <c>{platform}|v{version}</c> or <c>{platform}|e{n}</c>):
/// a version has <see cref="Version"/>, <see cref="Hash"/>, <see cref="Blob"/> and <see cref="RawSha256"/>; an event has <see cref="Event"/>,
/// the versions it went between and its detail.
/// </summary>
internal sealed class ItemHistoryRow : TableRow
{
    public string? ItemId { get; set; }
    public string? Platform { get; set; }
    public string? Account { get; set; }
    public DateTimeOffset? At { get; set; }
    public int? Version { get; set; }
    public string? Hash { get; set; }
    public string? Blob { get; set; }
    public string? Event { get; set; }
    public int? FromVersion { get; set; }
    public int? ToVersion { get; set; }
    public string? Detail { get; set; }

    /// <summary>The SHA-256 of the archived answers a version came from, space-separated; absent on rows written before records exports.</summary>
    public string? RawSha256 { get; set; }
}
