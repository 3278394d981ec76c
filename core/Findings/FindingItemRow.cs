using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Findings;

/// <summary>A row of <c>FindingsByItem</c>: PartitionKey <c>{platform}|{item id}</c> (escaped), RowKey the finding id, and the finding's location.</summary>
internal sealed class FindingItemRow : TableRow
{
    public string? Location { get; set; }
}
