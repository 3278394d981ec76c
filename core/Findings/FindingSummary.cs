using System.Xml;

namespace SocialMonitor.Core.Findings;

/// <summary>
/// Counts of findings by location, family and status, and the median time from first detection to a person first
/// taking a finding up (<see cref="Finding.AcknowledgedAt"/>), over the findings that were.
/// </summary>
public sealed record FindingSummary(
    int Total,
    IReadOnlyDictionary<string, int> ByLocation,
    IReadOnlyDictionary<string, int> ByFamily,
    IReadOnlyDictionary<string, int> ByStatus,
    int Acknowledged,
    string? MedianTimeToAcknowledge,
    double? MedianTimeToAcknowledgeSeconds)
{
    public static async Task<FindingSummary> CountAsync(IAsyncEnumerable<FindingFacts> findings, CancellationToken cancellationToken)
    {
        var byLocation = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byFamily = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byStatus = FindingStatuses.All.ToDictionary(s => s, _ => 0);
        var waits = new List<TimeSpan>();
        var total = 0;
        await foreach (var f in findings.WithCancellation(cancellationToken))
        {
            total++;
            byLocation[f.Location] = byLocation.GetValueOrDefault(f.Location) + 1;
            byFamily[f.Family] = byFamily.GetValueOrDefault(f.Family) + 1;
            byStatus[f.Status] = byStatus.GetValueOrDefault(f.Status) + 1;
            if (f.AcknowledgedAt is { } at && at >= f.FirstSeen)
            {
                waits.Add(at - f.FirstSeen);
            }
        }
        var median = Median(waits);
        return new FindingSummary(total, byLocation, byFamily, byStatus, waits.Count,
            median is null ? null : XmlConvert.ToString(median.Value), median?.TotalSeconds);
    }

    private static TimeSpan? Median(List<TimeSpan> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        values.Sort();
        var middle = values.Count / 2;
        var median = values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        return TimeSpan.FromSeconds(Math.Round(median.TotalSeconds));
    }
}
