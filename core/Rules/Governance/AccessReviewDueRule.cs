using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Rules.Governance;

/// <summary>
/// <c>governance.access-review-due</c> (Staff use 4), on the daily review item: an access approval of the account still in
/// force whose review date has passed. Recording the review (a new approval with a later date, or revoking this one) quiets it.
/// </summary>
public sealed class AccessReviewDueRule : IRule
{
    public const string Rule = "governance.access-review-due";

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
        var today = context.Today;
        var live = AccessApprovals.Of(item, context).Where(a => !AccessApprovals.Ended(a, today)).ToList();
        foreach (var approval in live.Where(a => a.ReviewOn < today).OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            // A later approval of the same person and role is the review that was recorded.
            if (live.Any(a => a.ReviewOn >= today && a.Person == approval.Person && a.Role == approval.Role))
            {
                continue;
            }
            yield return new Detection(Rule, context.Policy.SeverityOf(Rule, Severities.Medium), Clauses.AccessApproved,
                $"{approval.Person} ({approval.Value}, {approval.Role}) on {item.Account}: review was due {approval.ReviewOn:yyyy-MM-dd} ({approval.Id})",
                "approval:" + approval.Id,
                $"The access of {approval.Person} to {item.Account} was to be reviewed by {approval.ReviewOn:yyyy-MM-dd}. A manager of the location confirms it "
                    + "with a new access approval (socialmonitor approvals add --kind access) or revokes it and removes the role.");
        }
    }
}
