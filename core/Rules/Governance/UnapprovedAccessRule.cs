using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Rules.Governance;

/// <summary>
/// <c>governance.unapproved-access</c> (Staff use 3, 4), on the daily review item: a role the platform shows on the account
/// that no access approval in force covers (none names the person, or the one that does is for a lower level). A role
/// whose only approvals ended is <see cref="AccessEndedRule"/>'s.
/// </summary>
public sealed class UnapprovedAccessRule : IRule
{
    public const string Rule = "governance.unapproved-access";

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
            var (standing, _, why) = AccessApprovals.Judge(item, role, context);
            if (standing == AccessStanding.Unapproved)
            {
                yield return new Detection(Rule, context.Policy.SeverityOf(Rule, Severities.Medium), Clauses.AccessApproved,
                    $"{role.Shown} has a role on {item.Account} ({string.Join(", ", role.Tasks)}): {why}", "role:" + role.UserId,
                    $"{role.Shown} can act on {item.Account}, and no access approval covers that. A manager of the location approves the access "
                        + "(socialmonitor approvals add --kind access; administrator-level roles by the coordinator), or removes it on the platform.");
            }
        }
    }
}
