using System.Globalization;

namespace SocialMonitor.Core.Platforms;

/// <summary>
/// A budget a platform declares in its <see cref="ReadPlan"/>: at most <see cref="Limit"/> quota units (see
/// <see cref="PlatformSession.Units"/>: calls, unless the client counts otherwise) per <see cref="Period"/>, the period
/// starting at midnight in <see cref="Zone"/> (UTC unless the platform resets elsewhere: YouTube at midnight Pacific).
/// Kept in the <c>Budgets</c> table (<see cref="Scanning.BudgetStore"/>), one row per platform and period. A
/// <see cref="Paced"/> budget is also held to its <see cref="Pace"/>: per-post reads wait while the period's spending is
/// ahead of it (docs/architecture.md, "The read plan").
/// </summary>
public sealed record PlatformBudget(long Limit, BudgetPeriod Period)
{
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Whether per-post reads are held to <see cref="Pace"/> (X: a month's budget must last the month).</summary>
    public bool Paced { get; init; }

    /// <summary>The budget × the share of the period gone at <paramref name="now"/>: what may be spent by then.</summary>
    public double Pace(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Zone).DateTime;
        var start = new DateTime(local.Year, local.Month, Period == BudgetPeriod.Day ? local.Day : 1, 0, 0, 0, DateTimeKind.Unspecified);
        var end = Period == BudgetPeriod.Day ? start.AddDays(1) : start.AddMonths(1);
        var from = new DateTimeOffset(start, Zone.GetUtcOffset(start));
        var to = new DateTimeOffset(end, Zone.GetUtcOffset(end));
        return Limit * ((now - from) / (to - from));
    }

    /// <summary>The period <paramref name="now"/> falls in: <c>yyyy-MM-dd</c> for a day, <c>yyyy-MM</c> for a month, in <see cref="Zone"/>.</summary>
    public string PeriodKey(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Zone);
        return local.ToString(Period == BudgetPeriod.Day ? "yyyy-MM-dd" : "yyyy-MM", CultureInfo.InvariantCulture);
    }
}
