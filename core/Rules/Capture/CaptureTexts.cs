using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Core.Rules.Capture;

/// <summary>The words and advice of the <c>capture</c> findings: the monitor itself (they go to the coordinator).</summary>
public static class CaptureTexts
{
    public static readonly IReadOnlyList<RuleText> All =
    [
        new(DeadMessageHandler.Rule, "Work the monitor could not finish",
            "Read the error in the finding; fix its cause, then run the work again (socialmonitor work). Nothing was lost: the message is kept."),
        new(CaptureCondition.TokenInvalid.Rule, "An account the monitor can no longer read (its token was refused)",
            "Sign in to the platform again and store a new token for the account; until then the account is not monitored."),
        new(CaptureCondition.TokenExpiring.Rule, "A token that expires soon",
            "Renew the account's token before it expires, or the monitor stops reading the account."),
        new("capture.permission-missing", "A permission the monitor lacks",
            "Grant the missing permission to the monitor's app on the platform, then store a new token."),
        new(CaptureCondition.Throttled.Rule, "A platform slowing the monitor down",
            "Nothing now if it clears; if it repeats, scan less often (ScanSchedule) or ask the platform for more quota."),
        new(CaptureCondition.NotScanned.Rule, "An account not scanned for a while",
            "Check the monitor's health (GET /api/health) and the account's token; the account is not monitored until it runs again."),
        new(OutboxProcessor.MailFailedRule, "An email that could not be delivered",
            "Fix the cause in the finding, then send it again (socialmonitor notify resend)."),
        new(CaptureCondition.TokenCheckFailed.Rule, "A token the monitor could not check",
            "Read the error in the finding (often the token store or the platform's token check failing); the next daily check tries again."),
        new("capture.stream-failed", "Part of an account the monitor could not read",
            "Read the error in the finding and fix its cause; the next scan reads the stream again."),
        new("capture.budget-exhausted", "A platform read budget used up",
            "Raise the budget setting or scan less often; the account is read again when the budget renews."),
        new("capture.classifier-failed", "The content classifier did not answer",
            "Check the Content Safety resource and its settings; the rules still ran without it."),
    ];
}
