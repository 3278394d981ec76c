namespace SocialMonitor.Core.Rules.LinkDomain;

/// <summary>The words and advice of the <c>link-domain</c> rules (<see cref="UnapprovedLinkRule"/>).</summary>
public static class LinkDomainTexts
{
    private const string ApproveOrRemove =
        "Ask the coordinator to approve the destination, or remove the link (edit the post, or hide the comment and reply with the Rules of Conduct).";

    public static readonly IReadOnlyList<RuleText> All =
    [
        new(UnapprovedLinkRule.Id, "A link to a site the library has not approved", ApproveOrRemove),
        new(UnapprovedLinkRule.ShortenerId, "A shortened link that hides where it goes",
            "Replace it with the full address of the page (then the destination can be checked), or remove the link."),
        new(UnapprovedLinkRule.LookalikeId, "A link to a look-alike of a known site",
            "Do not open it. Remove the link (edit the post, or hide the comment) and tell the coordinator: it may be phishing."),
        new(UnapprovedLinkRule.UserInfoId, "A link that shows one site but goes to another",
            "Do not open it. Remove the link (edit the post, or hide the comment) and tell the coordinator: it may be phishing."),
    ];
}
