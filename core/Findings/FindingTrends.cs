using System.Globalization;

namespace SocialMonitor.Core.Findings;

/// <summary>
/// The figures of <c>GET /api/findings/trends</c> (docs/architecture.md "Findings: trends"), computed from the counters
/// of <see cref="FindingTrendIndex"/>: findings first seen per ISO week (Monday to Sunday in the library's time zone) by
/// location and by family, the findings open now by age, and per rule the share of the findings first seen in the last
/// <see cref="DismissalDays"/> days that are dismissed now.
/// </summary>
public sealed record FindingTrends(
    string TimeZone,
    DateOnly Today,
    IReadOnlyList<TrendWeek> Weeks,
    IReadOnlyList<TrendSeries> ByLocation,
    IReadOnlyList<TrendSeries> ByFamily,
    IReadOnlyList<TrendAge> OpenByAge,
    DateOnly DismissedSince,
    IReadOnlyList<TrendRuleShare> DismissedByRule)
{
    public const int DefaultWeeks = 12;
    public const int MaxWeeks = 52;
    public const int DismissalDays = 90;

    /// <summary>The age buckets of open findings, in days since first seen (the last has no upper end).</summary>
    public static readonly IReadOnlyList<(string Bucket, int MinDays, int? MaxDays)> AgeBuckets =
        [("0-6", 0, 6), ("7-29", 7, 29), ("30-89", 30, 89), ("90+", 90, null)];

    /// <summary>The first day of the counters needed for <paramref name="weeks"/> weeks up to <paramref name="today"/>.</summary>
    public static DateOnly From(DateOnly today, int weeks)
    {
        var firstWeek = WeekStart(today).AddDays(-7 * (weeks - 1));
        var dismissals = today.AddDays(1 - DismissalDays);
        return firstWeek < dismissals ? firstWeek : dismissals;
    }

    /// <summary>The Monday of the ISO week of <paramref name="day"/>.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static FindingTrends Compute(
        string timeZone, DateOnly today, int weeks, IReadOnlyList<string> locations, IEnumerable<FindingTrendCount> counts)
    {
        var first = WeekStart(today).AddDays(-7 * (weeks - 1));
        var weekList = Enumerable.Range(0, weeks).Select(w => first.AddDays(7 * w)).ToList();
        var since = today.AddDays(1 - DismissalDays);
        var byLocation = locations.ToDictionary(l => l, _ => new int[weeks], StringComparer.Ordinal);
        var byFamily = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        var ages = new int[AgeBuckets.Count];
        var rules = new SortedDictionary<string, (int Raised, int Dismissed)>(StringComparer.Ordinal);
        foreach (var count in counts)
        {
            var week = (count.Day.DayNumber - first.DayNumber) / 7;
            if (count.Day >= first && week < weeks)
            {
                if (byLocation.TryGetValue(count.Location, out var series))
                {
                    series[week] += count.Raised;
                }
                if (!byFamily.TryGetValue(count.Family, out var family))
                {
                    byFamily[count.Family] = family = new int[weeks];
                }
                family[week] += count.Raised;
            }
            if (count.Open > 0)
            {
                var age = today.DayNumber - count.Day.DayNumber;
                ages[AgeBuckets.ToList().FindLastIndex(b => age >= b.MinDays) is var i and >= 0 ? i : 0] += count.Open;
            }
            if (count.Day >= since && count.Day <= today && count.Raised > 0)
            {
                var (raised, dismissed) = rules.GetValueOrDefault(count.Rule);
                rules[count.Rule] = (raised + count.Raised, dismissed + count.Dismissed);
            }
        }
        return new FindingTrends(
            timeZone,
            today,
            [.. weekList.Select(start => new TrendWeek(IsoWeek(start), start))],
            [.. byLocation.Select(l => new TrendSeries(l.Key, l.Value))],
            [.. byFamily.Where(f => f.Value.Any(n => n != 0)).Select(f => new TrendSeries(f.Key, f.Value))],
            [.. AgeBuckets.Select((b, i) => new TrendAge(b.Bucket, b.MinDays, b.MaxDays, ages[i]))],
            since,
            [.. rules.Select(r => new TrendRuleShare(r.Key, r.Value.Raised, r.Value.Dismissed, Math.Round((double)r.Value.Dismissed / r.Value.Raised, 4)))
                .OrderByDescending(r => r.Share).ThenBy(r => r.Rule, StringComparer.Ordinal)]);
    }

    /// <summary><c>2026-W49</c>: the ISO 8601 week of <paramref name="monday"/>.</summary>
    public static string IsoWeek(DateOnly monday)
    {
        var day = monday.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}");
    }
}
