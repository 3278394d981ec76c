using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Rules.Governance;

/// <summary>
/// <c>governance.unapproved-account</c> (Staff use 3), on the daily review item of an account: the account has no account
/// approval in force (revoked or expired ones no longer cover it); and an account the platform shows linked to it (the
/// Instagram account of a Page's <c>instagram_business_account</c>) that the registry does not hold.
/// </summary>
public sealed class UnapprovedAccountRule : IRule
{
    public const string Rule = "governance.unapproved-account";

    public string Family => "governance";

    public string Kind => ItemKinds.Account;

    public IEnumerable<Detection> Evaluate(Item item, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(context);
        if (item.Kind != ItemKinds.Account || item.Account is null)
        {
            yield break;
        }
        var severity = context.Policy.SeverityOf(Rule, Severities.Medium);
        var approvals = context.Approvals.Where(a => a.Kind == ApprovalKinds.Accounts && string.Equals(a.Value, item.Account, StringComparison.Ordinal)).ToList();
        if (!approvals.Any(a => a.InForce(context.Today)))
        {
            var ended = approvals.Count == 0 ? "" : $"; its approval {approvals[^1].Id} {(approvals[^1].RevokedAt is null ? "expired" : "was revoked")}";
            yield return new Detection(Rule, severity, Clauses.AccountsApproved,
                $"{item.Account} ({item.Platform}) has no account approval in force{ended}", "account",
                $"The coordinator approves every official account, and {item.Account} has no approval in force. Approve it (socialmonitor approvals add --kind accounts, "
                    + "or approvedBy in the accounts file), or have it closed or handed over to the library.");
        }
        foreach (var (fact, platform) in AccountFacts.LinkedAccountFacts)
        {
            if (AccountFacts.Get(item, fact) is { Length: > 0 } linked && AccountFacts.Get(item, AccountFacts.Registered(fact)) is null)
            {
                yield return new Detection(Rule, severity, Clauses.AccountsApproved,
                    $"{platform} account {linked} is linked to {item.Account} but not registered", $"linked:{platform}:{linked}",
                    $"{item.Platform} shows the {platform} account {linked} linked to {item.Account}, and the registry has no such account, so nobody approved it and "
                        + "the monitor does not read it. Add it to the accounts file with its approval, or unlink it.");
            }
        }
    }
}
