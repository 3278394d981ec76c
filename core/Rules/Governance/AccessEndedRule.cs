using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Rules.Governance;

/// <summary>
/// <c>governance.access-ended</c> (Staff use 4), on the daily review item: a role still on the account after every approval
/// of the person ended (closed, revoked or expired): the editor who left. Removing the role on the platform resolves it
/// at the next review.
/// </summary>
public sealed class AccessEndedRule : IRule
{
    public const string Rule = "governance.access-ended";

    public string Family => "governance";

    public string Kind => ItemKinds.Account;

    public IEnumerable<Detection> Evaluate(Item item, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(context);
        if (item.Kind != ItemKinds.Account)
        {
            yield break;
        }
        foreach (var role in AccountFacts.HeldRoles(item))
        {
            var (standing, approval, why) = AccessApprovals.Judge(item, role, context);
            if (standing == AccessStanding.Ended)
            {
                yield return new Detection(Rule, context.Policy.SeverityOf(Rule, Severities.Medium), Clauses.AccessEnded,
                    $"{role.Shown} still has a role on {item.Account} ({string.Join(", ", role.Tasks)}): {why}", "role:" + role.UserId,
                    $"{role.Shown}'s access to {item.Account} ended ({approval!.Id}), but the platform still shows their role. Remove it on the platform now.");
            }
        }
    }
}
