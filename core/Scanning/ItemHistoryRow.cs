using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Scanning;

/// <summary>
/// A row of <c>ItemHistory</c> (PartitionKey the item id, RowKey <c>{platform}|v{version}</c> or <c>{platform}|e{n}</c>):
/// a version has <see cref="Version"/>, <see cref="Hash"/> and <see cref="Blob"/>; an event has <see cref="Event"/>,
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
}
