using System.Text.RegularExpressions;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Rules.Branding;

/// <summary>
/// <c>branding.name</c>: an official profile whose display name and handle both match none of the policy's name patterns
/// for its platform (<c>branding.namePatterns</c>, <c>{location}</c> standing for the location's name). No patterns, or
/// neither a name nor a handle on the profile: nothing to check.
/// </summary>
public sealed class BrandNameRule : IRule
{
    public const string Rule = "branding.name";

    public string Family => "branding";

    public string Kind => ItemKinds.Profile;

    public IEnumerable<Detection> Evaluate(Item item, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(context);
        var patterns = context.Policy.Branding.PatternsFor(item.Platform);
        var name = BrandingFacts.Fact(item, ProfileFacts.Name);
        var handle = BrandingFacts.Fact(item, ProfileFacts.Handle);
        if (!BrandingFacts.IsProfile(item) || patterns.Count == 0 || (name is null && handle is null))
        {
            yield break;
        }
        var location = BrandingFacts.Location(context)?.Name is { } locationName
            ? string.Join(@"[\s._-]*", locationName.Split([' ', '-', '.', '_'], StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape))
            : "";
        var regexes = patterns.Select(p => new Regex(p.Replace("{location}", location, StringComparison.Ordinal),
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))).ToList();
        if (new[] { name, handle }.OfType<string>().Any(value => regexes.Any(r => r.IsMatch(value.Trim()))))
        {
            yield break;
        }
        var shown = string.Join(", ", new[] { name is null ? null : $"name '{name}'", handle is null ? null : $"handle '{handle}'" }.OfType<string>());
        yield return new Detection(Rule, context.Policy.SeverityOf(Rule, Severities.Medium), Clauses.Branding,
            $"{shown}: matches none of the library's name patterns for {item.Platform}",
            $"{name?.Trim().ToLowerInvariant()}|{handle?.Trim().ToLowerInvariant()}",
            $"The account's name does not show that it is the Community Library Network's{(location.Length > 0 ? $" {BrandingFacts.Location(context)!.Name} account" : " account")}: "
                + "people cannot tell an official account from an imitation.");
    }
}
