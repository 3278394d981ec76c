using System.Globalization;

namespace SocialMonitor.Core.Platforms;

/// <summary>
/// A budget a platform declares in its <see cref="ReadPlan"/>: at most <see cref="Limit"/> quota units (see
/// <see cref="PlatformSession.Units"/>: calls, unless the client counts otherwise) per <see cref="Period"/>, the period
/// starting at midnight in <see cref="Zone"/> (UTC unless the platform resets elsewhere: YouTube at midnight Pacific).
/// Kept in the <c>Budgets</c> table (<see cref="Scanning.BudgetStore"/>), one row per platform and period.
/// </summary>
public sealed record PlatformBudget(long Limit, BudgetPeriod Period)
{
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The period <paramref name="now"/> falls in: <c>yyyy-MM-dd</c> for a day, <c>yyyy-MM</c> for a month, in <see cref="Zone"/>.</summary>
    public string PeriodKey(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Zone);
        return local.ToString(Period == BudgetPeriod.Day ? "yyyy-MM-dd" : "yyyy-MM", CultureInfo.InvariantCulture);
    }
}
