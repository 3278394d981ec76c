using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Findings;

/// <summary>
/// A marker row of <c>FindingTrends</c>: PartitionKey the location, RowKey <c>finding_{id}</c>: where and how the finding
/// is counted now (the counter row's key, and whether it counts as open and as dismissed), so that counting it again in
/// the same state changes nothing.
/// </summary>
internal sealed class FindingTrendMarkerRow : TableRow
{
    public string? Counter { get; set; }
    public bool? Open { get; set; }
    public bool? Dismissed { get; set; }
}
