using SocialMonitor.Core.Platforms;

namespace SocialMonitor.Tests.Platforms;

public sealed class PlatformBudgetTests
{
    [Theory]
    [InlineData("2026-10-01T00:00:00Z", 0)]
    [InlineData("2026-10-16T12:00:00Z", 1550)] // 15.5 of October's 31 days.
    [InlineData("2026-10-31T12:00:00Z", 3050)]
    [InlineData("2026-02-15T00:00:00Z", 1550)] // 14 of February's 28 days, half.
    public void Pace_Month_IsTheBudgetTimesTheShareOfTheCalendarMonthGoneInUtc(string at, double pace) =>
        Assert.Equal(pace, new PlatformBudget(3100, BudgetPeriod.Month) { Paced = true }.Pace(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)), 6);

    [Fact]
    public void Pace_DayInItsZone_CountsFromMidnightThere()
    {
        var pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        var budget = new PlatformBudget(10000, BudgetPeriod.Day) { Zone = pacific };

        Assert.Equal(2500, budget.Pace(new DateTimeOffset(2026, 10, 15, 13, 0, 0, TimeSpan.Zero)), 6); // 06:00 PDT.
    }
}
