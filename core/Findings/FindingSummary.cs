using System.Globalization;
using System.Xml;
using SocialMonitor.Core.Rules;

namespace SocialMonitor.Core.Findings;

/// <summary>
/// Counts of findings by location, account, severity, rule, family and status (each status as it is now), and the
/// median time from first detection to a person first taking a finding up (<see cref="Finding.AcknowledgedAt"/>: they
/// acknowledged it or set another status) over the <see cref="TakenUp"/> findings that were, whatever their status now.
/// Both ends of that time were written by the clock of the app that changed the finding (its <see cref="TimeProvider"/>).
/// </summary>
public sealed record FindingSummary(
    int Total,
    IReadOnlyDictionary<string, int> ByLocation,
    IReadOnlyDictionary<string, int> ByAccount,
    IReadOnlyDictionary<string, int> BySeverity,
    IReadOnlyDictionary<string, int> ByRule,
    IReadOnlyDictionary<string, int> ByFamily,
    IReadOnlyDictionary<string, int> ByStatus,
    int TakenUp,
    string? MedianTimeToAcknowledge,
    double? MedianTimeToAcknowledgeSeconds)
{
    /// <summary>The key of a finding with no account (a district or capture finding) in <see cref="ByAccount"/>.</summary>
    public const string NoAccount = "(none)";

    public static async Task<FindingSummary> CountAsync(IAsyncEnumerable<FindingFacts> findings, CancellationToken cancellationToken)
    {
        var byLocation = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byAccount = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var bySeverity = Severities.All.ToDictionary(s => s, _ => 0);
        var byRule = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byFamily = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byStatus = FindingStatuses.All.ToDictionary(s => s, _ => 0);
        var waits = new List<TimeSpan>();
        var total = 0;
        await foreach (var f in findings.WithCancellation(cancellationToken))
        {
            total++;
            Count(byLocation, f.Location);
            Count(byAccount, f.Account ?? NoAccount);
            Count(bySeverity, f.Severity);
            Count(byRule, f.Rule);
            Count(byFamily, f.Family);
            Count(byStatus, f.Status);
            if (f.AcknowledgedAt is { } at && at >= f.FirstSeen)
            {
                waits.Add(at - f.FirstSeen);
            }
        }
        var median = Median(waits);
        return new FindingSummary(total, byLocation, byAccount, bySeverity, byRule, byFamily, byStatus, waits.Count,
            median is null ? null : XmlConvert.ToString(median.Value), median?.TotalSeconds);
    }

    /// <summary>The summary as rows of (what, key, value) for CSV: the total, every count, the taken-up count and the median.</summary>
    public IEnumerable<(string What, string Key, string Value)> Rows()
    {
        yield return ("total", "", Number(Total));
        foreach (var (what, counts) in new[] { ("location", ByLocation), ("account", ByAccount), ("severity", BySeverity), ("rule", ByRule), ("family", ByFamily), ("status", ByStatus) })
        {
            foreach (var (key, count) in counts)
            {
                yield return (what, key, Number(count));
            }
        }
        yield return ("takenUp", "", Number(TakenUp));
        yield return ("medianTimeToAcknowledge", "", MedianTimeToAcknowledge ?? "");
    }

    private static void Count(IDictionary<string, int> counts, string key) => counts[key] = counts.TryGetValue(key, out var count) ? count + 1 : 1;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

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
