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

    public const string Branding =
        "Staff use 5: official sites are identified as belonging to the Community Library Network with appropriate branding and identity, as the communication coordinator approves it.";

    public const string CurrentInformation =
        "Staff use 1: official sites provide relevant and current information.";
}
