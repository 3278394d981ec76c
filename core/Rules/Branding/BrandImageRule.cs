using System.Globalization;
using SocialMonitor.Core.Images;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Rules.Branding;

/// <summary>
/// <c>branding.image</c>: an official profile's picture or banner whose perceptual hash (added by the scanner, which
/// fetched the image) is more than <c>branding.imageThreshold</c> bits from every approved brand image. No hash (the
/// platform shows no such image, or it could not be fetched or decoded) or no approved images: nothing to compare.
/// </summary>
public sealed class BrandImageRule : IRule
{
    public const string Rule = "branding.image";

    public string Family => "branding";

    public string Kind => ItemKinds.Profile;

    public IEnumerable<Detection> Evaluate(Item item, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(context);
        var branding = context.Policy.Branding;
        if (!BrandingFacts.IsProfile(item) || branding.Images.Count == 0)
        {
            yield break;
        }
        foreach (var (url, hashFact, _) in ProfileFacts.Images)
        {
            if (!PerceptualHash.TryParse(BrandingFacts.Fact(item, hashFact), out var hash))
            {
                continue;
            }
            var nearest = branding.Images.MinBy(i => PerceptualHash.Distance(i.Hash, hash))!;
            var distance = PerceptualHash.Distance(nearest.Hash, hash);
            if (distance <= branding.ImageThreshold)
            {
                continue;
            }
            var what = url == ProfileFacts.Picture ? "profile picture" : "banner";
            yield return new Detection(Rule, context.Policy.SeverityOf(Rule, Severities.Medium), Clauses.Branding,
                string.Create(CultureInfo.InvariantCulture,
                    $"{what} (hash {PerceptualHash.Format(hash)}) is {distance} of 64 bits from the nearest approved image, {nearest.File}; at most {branding.ImageThreshold} allowed"),
                $"{url}:{PerceptualHash.Format(hash)}",
                $"The account's {what} is not one of the library's approved brand images. Use the approved one, or ask the coordinator "
                    + "to approve the new image (socialmonitor brand hash FILE gives its hash).");
        }
    }
}
