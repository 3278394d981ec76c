namespace SocialMonitor.Core.Policies;

/// <summary>Phones, emails and street addresses the library publishes: never personal data when they appear in a post.</summary>
public sealed record PublishedContacts
{
    public IReadOnlyList<string> Phones { get; init; } = [];
    public IReadOnlyList<string> Emails { get; init; } = [];

    /// <summary>Domains whose every address is a published work address (<c>communitylibrary.net</c>).</summary>
    public IReadOnlyList<string> EmailDomains { get; init; } = [];

    public IReadOnlyList<string> Addresses { get; init; } = [];
}
