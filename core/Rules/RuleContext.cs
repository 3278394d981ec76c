using SocialMonitor.Core.Policies;

namespace SocialMonitor.Core.Rules;

/// <summary>Everything a rule may read besides the item: the time of evaluation and the loaded policy.</summary>
public sealed record RuleContext(DateTimeOffset Now, Policy Policy);
