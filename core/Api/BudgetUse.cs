namespace SocialMonitor.Core.Api;

/// <summary>
/// What an account's platform has spent of its read budget in the current period (<c>day</c> or <c>month</c>, the
/// period's key as the <c>Budgets</c> table has it): shared by every account of the platform.
/// </summary>
public sealed record BudgetUse(string Period, string PeriodKey, long Limit, long Used);
