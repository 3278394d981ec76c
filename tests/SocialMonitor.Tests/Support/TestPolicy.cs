using SocialMonitor.Core.Policies;

namespace SocialMonitor.Tests.Support;

/// <summary>A policy of the tests' own, shaped like CLN's.</summary>
internal static class TestPolicy
{
    public static readonly Policy Default = new()
    {
        TimeZone = "America/Los_Angeles",
        OwnDomains = ["communitylibrary.net"],
        AllowedTopLevelDomains = ["edu", "gov"],
        Contacts = new PublishedContacts { Phones = ["(208) 555-0140"], Emails = ["info@communitylibrary.net"], EmailDomains = ["communitylibrary.net"] },
    };
}
