using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules.LinkDomain;

namespace SocialMonitor.Core.Rules.Branding;

/// <summary>
/// <c>branding.policy-link</c>: an official profile whose bio or about text (or the links the platform gives for it)
/// does not link the comment policy (<c>branding.commentPolicy</c>). A platform that shows no bio: unknown, no finding.
/// The link may be written with or without <c>https://</c> and <c>www.</c>, and with a trailing slash.
/// </summary>
public sealed class PolicyLinkRule : IRule
{
    public const string Rule = "branding.policy-link";

    public string Family => "branding";

    public string Kind => ItemKinds.Profile;

    public IEnumerable<Detection> Evaluate(Item item, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(context);
        if (!BrandingFacts.IsProfile(item) || context.Policy.Branding.CommentPolicy is not { } policy || BrandingFacts.Fact(item, ProfileFacts.Bio) is not { } bio)
        {
            yield break;
        }
        var wanted = Key(new Uri(policy));
        var written = $"{bio} {BrandingFacts.Fact(item, ProfileFacts.BioLinks)}";
        var links = LinkExtractor.Default.Extract(written).Select(l => BrandingFacts.AsUri(l.Written)).OfType<Uri>();
        if (links.Any(l => Key(l) == wanted))
        {
            yield break;
        }
        yield return new Detection(Rule, context.Policy.SeverityOf(Rule, Severities.Low), Clauses.Branding,
            bio.Trim().Length == 0 ? "the bio is empty: no link to the comment policy" : $"the bio does not link the comment policy ({policy})",
            "missing",
            $"Visitors cannot find the rules their comments are held to: add {policy} to the account's bio or About section.");
    }

    /// <summary>host without <c>www.</c> and path without a trailing slash, lowercase: the same page however it is written.</summary>
    private static string Key(Uri uri) =>
        $"{(uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host)}{uri.AbsolutePath.TrimEnd('/')}".ToLowerInvariant();
}
