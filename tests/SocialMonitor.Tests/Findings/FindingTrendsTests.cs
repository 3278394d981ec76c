using SocialMonitor.Core.Findings;

namespace SocialMonitor.Tests.Findings;

/// <summary>The trends' figures from the counters: ISO weeks from Monday, locations asked for only, age buckets, the dismissal window.</summary>
public sealed class FindingTrendsTests
{
    private static readonly DateOnly s_today = new(2026, 12, 3); // a Thursday

    [Fact]
    public void Compute_Counters_GroupsByIsoWeekLocationAndFamily()
    {
        FindingTrendCount[] counts =
        [
            new("hayden", new(2026, 11, 30), "conduct.profanity", 2, 1, 0), // Monday of this week
            new("hayden", new(2026, 11, 29), "conduct.threat", 1, 0, 0),    // Sunday: last week
            new("athol", new(2026, 11, 23), "pii.phone", 3, 0, 1),
            new("rathdrum", new(2026, 12, 1), "pii.phone", 5, 5, 0),        // a location not asked for
        ];

        var trends = FindingTrends.Compute("America/Los_Angeles", s_today, 3, ["athol", "hayden"], counts);

        Assert.Equal([("2026-W47", new DateOnly(2026, 11, 16)), ("2026-W48", new(2026, 11, 23)), ("2026-W49", new(2026, 11, 30))],
            trends.Weeks.Select(w => (w.Week, w.Start)));
        Assert.Equal(["athol", "hayden"], trends.ByLocation.Select(s => s.Key));
        Assert.Equal([0, 3, 0], trends.ByLocation[0].Counts);
        Assert.Equal([0, 1, 2], trends.ByLocation[1].Counts);
        Assert.Equal(["conduct", "pii"], trends.ByFamily.Select(s => s.Key));
        Assert.Equal([0, 1, 2], trends.ByFamily[0].Counts);
        Assert.Equal([0, 3, 5], trends.ByFamily[1].Counts); // families count every counter given; the caller reads only visible locations
    }

    [Fact]
    public void Compute_OpenFindings_BucketedByLibraryDaysSinceFirstSeen()
    {
        FindingTrendCount[] counts =
        [
            new("hayden", s_today, "conduct.profanity", 1, 1, 0),
            new("hayden", s_today.AddDays(-6), "conduct.profanity", 2, 2, 0),
            new("hayden", s_today.AddDays(-7), "conduct.profanity", 4, 3, 1),
            new("hayden", s_today.AddDays(-89), "pii.phone", 1, 1, 0),
            new("hayden", s_today.AddDays(-90), "pii.phone", 7, 7, 0),
            new("hayden", s_today.AddDays(-400), "pii.phone", 1, 0, 1),
        ];

        var trends = FindingTrends.Compute("America/Los_Angeles", s_today, 1, ["hayden"], counts);

        Assert.Equal([("0-6", 3), ("7-29", 3), ("30-89", 1), ("90+", 7)], trends.OpenByAge.Select(a => (a.Bucket, a.Count)));
        Assert.Null(trends.OpenByAge[^1].MaxDays);
    }

    [Fact]
    public void Compute_Dismissals_ShareOfTheLast90DaysHighestFirst()
    {
        FindingTrendCount[] counts =
        [
            new("hayden", s_today.AddDays(-89), "conduct.profanity", 4, 0, 3), // the window's first day
            new("athol", s_today, "conduct.profanity", 4, 1, 1),
            new("hayden", s_today.AddDays(-90), "conduct.profanity", 10, 0, 0), // before the window
            new("hayden", s_today.AddDays(-3), "pii.phone", 3, 2, 1),
            new("hayden", s_today.AddDays(-3), "link-domain.unapproved", 2, 2, 0),
        ];

        var trends = FindingTrends.Compute("America/Los_Angeles", s_today, 1, ["athol", "hayden"], counts);

        Assert.Equal(s_today.AddDays(-89), trends.DismissedSince);
        Assert.Equal([("conduct.profanity", 8, 4, 0.5), ("pii.phone", 3, 1, 0.3333), ("link-domain.unapproved", 2, 0, 0d)],
            trends.DismissedByRule.Select(r => (r.Rule, r.Raised, r.Dismissed, r.Share)));
    }

    [Theory]
    [InlineData("2026-12-31", "2026-12-28", "2026-W53")] // 2026 has 53 ISO weeks
    [InlineData("2027-01-03", "2026-12-28", "2026-W53")] // a Sunday: still the week that began in 2026
    [InlineData("2027-01-04", "2027-01-04", "2027-W01")]
    [InlineData("2026-03-09", "2026-03-09", "2026-W11")] // the Monday after the switch to summer time
    public void WeekStart_AnyDay_IsItsIsoWeeksMonday(string day, string monday, string week)
    {
        var start = FindingTrends.WeekStart(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), start);
        Assert.Equal(week, FindingTrends.IsoWeek(start));
    }

    [Fact]
    public void From_Weeks_IsTheEarlierOfTheFirstWeekAndTheDismissalWindow()
    {
        Assert.Equal(s_today.AddDays(-89), FindingTrends.From(s_today, 4));
        Assert.Equal(new DateOnly(2025, 12, 8), FindingTrends.From(s_today, 52));
    }
}
