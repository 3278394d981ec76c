namespace SocialMonitor.Core.Rules;

/// <summary>The policy clauses findings cite: number and a one-line summary in our words.</summary>
public static class Clauses
{
    public const string LinkingToExternalWebsites =
        "Linking to external websites 1: links go only to .edu, .gov and the library's own site, or to a destination the coordinator approved.";

    public const string RulesOfConduct =
        "Content and Engagement 2: all content follows the library's Rules of Conduct.";

    public const string Privacy =
        "Privacy of members and staff: no post or comment exposes a private person's phone, email, street address, library card, Social Security or payment card number.";

    public const string PersonalGain =
        "Staff use 8: official accounts are not used for personal gain: no selling, referral or promo codes, payment handles, or a staff member's own business or fundraiser.";

    public const string Accessibility =
        "Staff use 1 and the ADA Title II web rule (WCAG 2.1 AA): images have alt text, videos have captions, multi-word hashtags are written in CamelCase.";

    public const string RegularMonitoring =
        "Staff use 2: account managers monitor the accounts regularly.";

    public const string AccountManagers =
        "Staff use 3: each location has one to three account managers, approved by the communication coordinator.";

    public const string AccountsApproved =
        "Staff use 3: the communication coordinator approves every official account and every shared access, and is the top-level administrator of every site.";

    public const string AccessApproved =
        "Staff use 3 and 4: every person's access to an account is approved, and each location's account managers close their editors' access when it ends.";

    public const string AccessEnded =
        "Staff use 4: each location's account managers close an editor's access when it ends.";

    public const string AppsReviewed =
        "Staff use 6: no outside groups or third-party apps without the communication coordinator's review.";

    public const string Attestations =
        "Staff use 3, 4 and 6: what a platform cannot show (who holds roles, which apps are connected, which outside groups were joined) the location's managers attest, again when it falls due.";

    public const string Branding =
        "Staff use 5: official sites are identified as belonging to the Community Library Network with appropriate branding and identity, as the communication coordinator approves it.";

    public const string CurrentInformation =
        "Staff use 1: official sites provide relevant and current information.";
}
