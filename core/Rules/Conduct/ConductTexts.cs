namespace SocialMonitor.Core.Rules.Conduct;

/// <summary>The words and advice of the <c>conduct</c> rules (<see cref="ConductRule"/>; <c>self-harm</c> comes from the classifier).</summary>
public static class ConductTexts
{
    private const string HideAndReply =
        "Hide the comment and reply with the Rules of Conduct; if the library posted it, edit it out.";

    public static readonly IReadOnlyList<RuleText> All =
    [
        new(ConductRule.Profanity, "Profanity", HideAndReply),
        new(ConductRule.Harassment, "Harassment", HideAndReply + " Tell the coordinator if it goes on."),
        new(ConductRule.Threat, "A threat of violence",
            "Tell your supervisor and the coordinator now; if anyone may be in danger, call 911. Keep a screenshot, then hide the comment."),
        new(ConductRule.Hate, "Hate speech", HideAndReply + " Tell the coordinator."),
        new(ConductRule.Sexual, "Sexual content", HideAndReply),
        new(ConductRule.Spam, "Spam or a scam", "Hide the comment; do not open its links. Tell the coordinator if the account keeps posting."),
        new("conduct.self-harm", "Words about self-harm",
            "Reply kindly with the 988 Suicide and Crisis Lifeline (call or text 988), and tell your supervisor and the coordinator now."),
    ];
}
