namespace SocialMonitor.Core.Platforms;

/// <summary>How long a <see cref="PlatformBudget"/> lasts before it starts again.</summary>
public enum BudgetPeriod
{
    Day,
    Month,
}
