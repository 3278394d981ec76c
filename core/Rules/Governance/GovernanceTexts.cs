namespace SocialMonitor.Core.Rules.Governance;

/// <summary>The words and advice of the <c>governance</c> findings (raised by the evaluator, most of them on the daily account review's items).</summary>
public static class GovernanceTexts
{
    public static readonly IReadOnlyList<RuleText> All =
    [
        new(ManagersRule.Rule, "A location without one to three account managers",
            "Name one to three account managers for the location in the accounts file and import it (socialmonitor accounts import)."),
        new(ModerationRule.Rule, "A guest comment hidden without a recorded reason",
            "Ask the manager who hid it for the reason and record it; unhide the comment if it breaks no rule."),
        new("governance.unapproved-account", "An account the coordinator has not approved",
            "Approve the account in the accounts file, or have it closed or handed over to the library."),
        new("governance.unapproved-access", "Someone with access to an account who was not approved",
            "Remove their access on the platform, or approve it in the accounts file."),
        new("governance.access-ended", "Access that should have ended",
            "Remove the person's access on the platform now (they left, or their approval ended)."),
        new("governance.access-review-due", "An access review that is due",
            "Review who has access to the account on the platform and record the review."),
        new("governance.coordinator-not-admin", "An account where the coordinator is not the top administrator",
            "Make the communication coordinator an administrator of the account on the platform."),
        new("governance.unreviewed-app", "A third-party app nobody reviewed",
            "Review the app's access on the platform: remove it, or record that it is approved."),
        new("governance.attestation-due", "An account attestation that is due",
            "Confirm that the account's managers and settings are still right, and record it."),
    ];
}
