using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Policies;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Notifications;

public sealed class BusinessCalendarTests
{
    // 2026-11-11 (a Wednesday) is a holiday in the tests' policy; 2026-11-14/15 a weekend. Los Angeles is UTC-8 then.
    private static readonly Policy s_policy = TestPolicy.Default with { Holidays = [new DateOnly(2026, 11, 11)] };

    [Theory]
    [InlineData("2026-11-10T16:00:00Z", "2026-11-10T16:00:00Z")] // Tuesday 08:00 local: the digest time itself.
    [InlineData("2026-11-10T15:59:59Z", "2026-11-09T16:00:00Z")] // A second before: Monday's.
    [InlineData("2026-11-11T20:00:00Z", "2026-11-10T16:00:00Z")] // The holiday: still Tuesday's.
    [InlineData("2026-11-12T16:00:00Z", "2026-11-12T16:00:00Z")] // Thursday 08:00.
    [InlineData("2026-11-15T20:00:00Z", "2026-11-13T16:00:00Z")] // Sunday: Friday's.
    [InlineData("2026-11-16T15:00:00Z", "2026-11-13T16:00:00Z")] // Monday 07:00: still Friday's.
    public void LastDigestTime_AtHour8_IsTheLatestBusinessDayAt8Local(string now, string expected)
    {
        var time = new BusinessCalendar(s_policy).LastDigestTime(DateTimeOffset.Parse(now, null), 8);

        Assert.Equal(DateTimeOffset.Parse(expected, null), time);
    }

    [Fact]
    public void LastDigestTime_AcrossTheSpringChange_KeepsLocalHour()
    {
        var calendar = new BusinessCalendar(TestPolicy.Default);

        var before = calendar.LastDigestTime(new DateTimeOffset(2026, 3, 6, 23, 0, 0, TimeSpan.Zero), 8);
        var after = calendar.LastDigestTime(new DateTimeOffset(2026, 3, 9, 23, 0, 0, TimeSpan.Zero), 8);

        Assert.Equal(new DateTimeOffset(2026, 3, 6, 16, 0, 0, TimeSpan.Zero), before); // PST, UTC-8
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 15, 0, 0, TimeSpan.Zero), after); // PDT, UTC-7
    }

    [Theory]
    [InlineData("2026-11-13T23:00:00Z", 8, "2026-11-16T22:00:00Z")] // Friday 15:00 + 8 h: 2 on Friday, 6 on Monday → Monday 14:00.
    [InlineData("2026-11-10T23:00:00Z", 8, "2026-11-12T22:00:00Z")] // Tuesday 15:00 + 8 h: 2, then the holiday, 6 on Thursday.
    [InlineData("2026-11-14T18:00:00Z", 4, "2026-11-16T20:00:00Z")] // Saturday: the clock starts Monday 08:00 → 12:00.
    [InlineData("2026-11-10T02:00:00Z", 4, "2026-11-10T20:00:00Z")] // Monday 18:00 (after hours) → Tuesday 12:00.
    [InlineData("2026-11-09T17:00:00Z", 4, "2026-11-09T21:00:00Z")] // Monday 09:00 → 13:00 the same day.
    public void AddBusinessHours_AcrossWeekendAndHoliday_CountsOnlyBusinessHours(string start, int hours, string expected)
    {
        var deadline = new BusinessCalendar(s_policy).AddBusinessHours(DateTimeOffset.Parse(start, null), hours);

        Assert.Equal(DateTimeOffset.Parse(expected, null), deadline);
    }
}
