using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Findings;

/// <summary>
/// A counter row of <c>FindingTrends</c>: PartitionKey the location, RowKey <c>day_{yyyy-MM-dd}_{rule}</c> (the library's
/// local date the findings were first seen). It counts the findings of that day and rule as they are now: all of them
/// (<see cref="Raised"/>), those still open, acknowledged or escalated (<see cref="Open"/>) and those dismissed
/// (<see cref="Dismissed"/>). Written only in a transaction with the findings' <see cref="FindingTrendMarkerRow"/>s.
/// </summary>
internal sealed class FindingTrendRow : TableRow
{
    public string? Day { get; set; }
    public string? Rule { get; set; }
    public int? Raised { get; set; }
    public int? Open { get; set; }
    public int? Dismissed { get; set; }
}
