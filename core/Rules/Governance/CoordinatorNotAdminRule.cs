using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Rules.Governance;

/// <summary>
/// <c>governance.coordinator-not-admin</c> (Staff use 3), on the daily review item, where the platform shows roles: the
/// coordinator (their access approvals' names for them on the account, or their name in the registry) holds no
/// administrator-level role. Where the platform refused the roles (a Facebook Page in the New Pages Experience may not
/// answer <c>/roles</c>) it is "cannot verify", never a pass: a finding until a roles attestation in force states who holds them.
/// Platforms that never show roles raise nothing here (their roles are <see cref="AttestationDueRule"/>'s).
/// </summary>
public sealed class CoordinatorNotAdminRule : IRule
{
    public const string Rule = "governance.coordinator-not-admin";

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
        var severity = context.Policy.SeverityOf(Rule, Severities.Medium);
        var coordinator = AccountFacts.Get(item, AccountFacts.CoordinatorName) ?? "the coordinator";
        switch (AccountFacts.Get(item, AccountFacts.Roles))
        {
            case AccountFacts.Refused:
                if (!AttestationDueRule.Attested(item, AccountFacts.RolesFact, context))
                {
                    yield return new Detection(Rule, severity, Clauses.AccountsApproved,
                        $"cannot verify that {coordinator} is an administrator of {item.Account}: {item.Platform} refused to list its roles", "cannot-verify",
                        $"{item.Platform} does not show who holds roles on {item.Account} (a Page in the New Pages Experience may not answer /roles), so the "
                            + "monitor cannot tell whether the coordinator is its top administrator. Check it on the platform and record a roles attestation "
                            + "(socialmonitor approvals add --kind attestations --value roles).");
                }
                yield break;
            case AccountFacts.Read:
                break;
            default:
                yield break; // Never read, or a platform that does not show roles: unknown, not a pass and not a finding here.
        }
        if (AccountFacts.CannotVerifyFacts(item).Contains(AccountFacts.RolesFact))
        {
            yield break;
        }
        var email = AccountFacts.Get(item, AccountFacts.CoordinatorEmail);
        var names = AccessApprovals.Of(item, context)
            .Where(a => email is not null && string.Equals(a.Value, email, StringComparison.OrdinalIgnoreCase) && a.Person is not null)
            .Select(a => a.Person!.Trim())
            .Append(AccountFacts.Get(item, AccountFacts.CoordinatorName))
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var held = AccountFacts.HeldRoles(item).Where(r => names.Contains(r.UserId) || names.Contains(r.Name.Trim())).ToList();
        if (held.Exists(r => AccessApprovals.HeldLevel(context.Policy, item.Platform, r) == ApprovalKinds.Administrator))
        {
            yield break;
        }
        yield return new Detection(Rule, severity, Clauses.AccountsApproved,
            held.Count == 0
                ? $"{coordinator} holds no role on {item.Account}"
                : $"{coordinator} holds only {string.Join(", ", held.SelectMany(r => r.Tasks))} on {item.Account}, no administrator-level role",
            "coordinator",
            $"The communication coordinator is the top-level administrator of every account, and {item.Platform} shows that {coordinator} is not one on "
                + $"{item.Account}. An administrator of the account makes the coordinator an administrator on the platform.");
    }
}
