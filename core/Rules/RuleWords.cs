namespace SocialMonitor.Core.Rules;

/// <summary>Each rule in words for a person reading a table ("profanity", "link to an unapproved site"); an unknown id as itself.</summary>
public static class RuleWords
{
    private static readonly Dictionary<string, string> s_words = new(StringComparer.Ordinal)
    {
        ["accessibility.alt-text"] = "image without alt text",
        ["accessibility.captions"] = "video without captions",
        ["accessibility.hashtag-case"] = "hashtag not in CamelCase",
        ["capture.dead-message"] = "message that failed five times",
        ["capture.mail-failed"] = "email that could not be sent",
        ["capture.not-scanned"] = "account not scanned",
        ["capture.permission-missing"] = "permission missing",
        ["capture.throttled"] = "scan throttled",
        ["capture.token-expiring"] = "token expiring",
        ["capture.token-invalid"] = "token invalid",
        ["conduct.harassment"] = "harassment",
        ["conduct.hate"] = "hate speech",
        ["conduct.profanity"] = "profanity",
        ["conduct.sexual"] = "sexual content",
        ["conduct.spam"] = "spam or scam",
        ["conduct.threat"] = "threat",
        ["governance.managers"] = "location without one to three managers",
        ["governance.moderation"] = "comment hidden without a recorded reason",
        ["link-domain.lookalike"] = "link to a look-alike of an allowed site",
        ["link-domain.shortener"] = "shortened link",
        ["link-domain.unapproved"] = "link to an unapproved site",
        ["link-domain.userinfo"] = "link with a user name before the site",
        ["personal-gain.business"] = "promotes own business",
        ["personal-gain.fundraiser"] = "personal fundraiser",
        ["personal-gain.payment-handle"] = "personal payment handle",
        ["personal-gain.promo-code"] = "referral or promo code",
        ["personal-gain.selling"] = "selling",
        ["pii.address"] = "home address",
        ["pii.email"] = "private email address",
        ["pii.library-card"] = "library card number",
        ["pii.payment-card"] = "payment card number",
        ["pii.phone"] = "private phone number",
        ["pii.ssn"] = "Social Security number",
    };

    public static string For(string rule) => s_words.GetValueOrDefault(rule, rule);
}
