namespace SocialMonitor.Core.Rules.Branding;

/// <summary>The words and advice of the <c>branding</c> findings (an official account identifiable as CLN).</summary>
public static class BrandingTexts
{
    public static readonly IReadOnlyList<RuleText> All =
    [
        new("branding.name", "An account name that does not say Community Library Network",
            "Rename the account so that it names the Community Library Network and the location."),
        new("branding.image", "A profile picture or banner that is not the library's",
            "Put the library's logo and an approved banner on the account."),
        new("branding.website", "A website that is not on communitylibrary.net",
            "Set the account's website to the location's page on communitylibrary.net."),
        new("branding.policy-link", "No link to the social media policy",
            "Add the link to the social media policy to the account's About section."),
        new("branding.contacts", "Contacts or hours that differ from the library's",
            "Correct the account's phone, email, address or hours to those the library publishes."),
        new("branding.stale", "An account with no recent posts", "Post again, or ask the coordinator whether to close the account."),
    ];
}
