using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Rules.Governance;

/// <summary>
/// <c>governance.attestation-due</c> (Staff use 3, 4, 6), on the daily review item: for each fact the account's platform
/// cannot show (the item's <c>cannotVerify</c>: roles on X, YouTube and Instagram, or where Facebook refused them; apps
/// everywhere but Facebook; outside groups everywhere), no attestation in force, or the latest one past its due date.
/// "Cannot verify" becomes a duty with a date, never a pass.
/// </summary>
public sealed class AttestationDueRule : IRule
{
    public const string Rule = "governance.attestation-due";

    public string Family => "governance";

    /// <summary>An attestation of <paramref name="fact"/> for the account is in force and not yet due again.</summary>
    public static bool Attested(Item item, string fact, RuleContext context) => Latest(item, fact, context) is { } latest && !(latest.ReviewOn < context.Today);

    public string Kind => ItemKinds.Account;

    public IEnumerable<Detection> Evaluate(Item item, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(context);
        if (item.Kind != ItemKinds.Account)
        {
            yield break;
        }
        foreach (var fact in AccountFacts.CannotVerifyFacts(item))
        {
            var latest = Latest(item, fact, context);
            if (latest is not null && !(latest.ReviewOn < context.Today))
            {
                continue;
            }
            yield return new Detection(Rule, context.Policy.SeverityOf(Rule, Severities.Medium), Clauses.Attestations,
                latest is null
                    ? $"{item.Account}: {item.Platform} cannot show its {fact}, and no attestation of them is on record"
                    : $"{item.Account}: the attestation of its {fact} was due {latest.ReviewOn:yyyy-MM-dd} ({latest.Id})",
                fact,
                $"{item.Platform} does not show the {fact} of {item.Account}, so a manager of the location checks them by hand and records what they found "
                    + $"(socialmonitor approvals add --kind attestations --scope {item.Account} --value {fact}).");
        }
    }

    /// <summary>The attestation in force of <paramref name="fact"/> for the account with the latest due date.</summary>
    private static Approval? Latest(Item item, string fact, RuleContext context) =>
        context.Approvals
            .Where(a => a.Kind == ApprovalKinds.Attestations && string.Equals(a.Scope, item.Account, StringComparison.Ordinal)
                && string.Equals(a.Value, fact, StringComparison.Ordinal) && a.InForce(context.Today))
            .MaxBy(a => a.ReviewOn);
}
