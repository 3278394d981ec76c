namespace SocialMonitor.Core.Rules;

/// <summary>The policy clauses findings cite: number and a one-line summary in our words.</summary>
public static class Clauses
{
    public const string LinkingToExternalWebsites =
        "Linking to external websites 1: links go only to .edu, .gov and the library's own site, or to a destination the coordinator approved.";

    public const string RulesOfConduct =
        "Content and Engagement 2: all content follows the library's Rules of Conduct.";

    public const string RegularMonitoring =
        "Staff use 2: account managers monitor the accounts regularly.";

    public const string AccountManagers =
        "Staff use 3: each location has one to three account managers, approved by the communication coordinator.";
}
