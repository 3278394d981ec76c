using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;

namespace SocialMonitor.Core.Rules.Branding;

/// <summary>What the branding rules share: which items they read, a fact by name, the item's location and its website host.</summary>
internal static class BrandingFacts
{
    /// <summary>
    /// An official profile item: what every branding rule but <c>branding.stale</c> reads. The daily account review's
    /// <c>account</c> items carry the same facts, but these rules leave them alone, so that nothing fires twice a day.
    /// </summary>
    public static bool IsProfile(Item item) => item.Kind == ItemKinds.Profile && item.Origin == ItemOrigins.Official;

    /// <summary>The fact, or null when the item does not carry it (unknown).</summary>
    public static string? Fact(Item item, string name) => item.Facts?.GetValueOrDefault(name);

    /// <summary>The policy's record of the item's location; null for an account of no listed location (the district's own).</summary>
    public static PolicyLocation? Location(RuleContext context) =>
        context.Location is { } id ? context.Policy.Locations.FirstOrDefault(l => string.Equals(l.Id, id, StringComparison.OrdinalIgnoreCase)) : null;

    /// <summary>A written address as a URI (<c>communitylibrary.net/hayden</c> gets <c>https://</c>); null when it is not one.</summary>
    public static Uri? AsUri(string written)
    {
        var text = written.Trim().TrimEnd('.', ',', ';', ')');
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Contains('.', StringComparison.Ordinal) ? uri : null;
    }

    /// <summary>True when <paramref name="host"/> is <paramref name="site"/> or a subdomain of it (<c>www.</c>).</summary>
    public static bool OnSite(string host, string site) =>
        string.Equals(host, site, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + site, StringComparison.OrdinalIgnoreCase);

    /// <summary>The host of a policy address without <c>www.</c>.</summary>
    public static string SiteHost(string address) => new Uri(address).Host is var host && host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
}
