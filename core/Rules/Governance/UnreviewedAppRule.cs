using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Rules.Governance;

/// <summary>
/// <c>governance.unreviewed-app</c> (Staff use 6), on the daily review item: a third-party app the platform shows connected
/// to the account that no app approval in force covers (scope <c>all</c> or the account, value the app's id).
/// </summary>
public sealed class UnreviewedAppRule : IRule
{
    public const string Rule = "governance.unreviewed-app";

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
        foreach (var (id, name) in AccountFacts.ConnectedApps(item))
        {
            if (context.Approvals.Any(a => a.Kind == ApprovalKinds.Apps && string.Equals(a.Value, id, StringComparison.Ordinal)
                && a.InForce(context.Today) && (a.Scope == LinkApprovalScopes.All || string.Equals(a.Scope, item.Account, StringComparison.Ordinal))))
            {
                continue;
            }
            yield return new Detection(Rule, context.Policy.SeverityOf(Rule, Severities.Medium), Clauses.AppsReviewed,
                $"{(name.Length > 0 ? name : "an app")} (app {id}) is connected to {item.Account}; no app approval covers it", "app:" + id,
                $"A third-party app can read or act on {item.Account}, and the coordinator has not reviewed it. Review it: remove it on the platform, or "
                    + "record that it is approved (socialmonitor approvals add --kind apps).");
        }
    }
}
