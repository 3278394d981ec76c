using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Rules.Branding;

/// <summary>
/// <c>branding.website</c>: an official profile whose website is missing (the platform has the field and it is empty)
/// or is not the library's site (<c>branding.website</c>) or a page on it. A platform that shows no website: unknown, no finding.
/// </summary>
public sealed class BrandWebsiteRule : IRule
{
    public const string Rule = "branding.website";

    public string Family => "branding";

    public string Kind => ItemKinds.Profile;

    public IEnumerable<Detection> Evaluate(Item item, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(context);
        if (!BrandingFacts.IsProfile(item) || context.Policy.Branding.Website is not { } site || BrandingFacts.Fact(item, ProfileFacts.Website) is not { } website)
        {
            yield break;
        }
        var siteHost = BrandingFacts.SiteHost(site);
        var severity = context.Policy.SeverityOf(Rule, Severities.Medium);
        if (website.Trim().Length == 0)
        {
            yield return new Detection(Rule, severity, Clauses.CurrentInformation, "no website on the profile", "missing",
                $"The account does not link the library's website: set it to the location's page on {siteHost}.");
            yield break;
        }
        var uri = BrandingFacts.AsUri(website);
        if (uri is not null && BrandingFacts.OnSite(uri.Host, siteHost))
        {
            yield break;
        }
        yield return new Detection(Rule, severity, Clauses.CurrentInformation,
            $"website {website.Trim()} is not on {siteHost}",
            uri?.Host.ToLowerInvariant() ?? website.Trim().ToLowerInvariant(),
            $"The account's website points away from the library's own site, {siteHost}: people who follow it do not reach current library information.");
    }
}
