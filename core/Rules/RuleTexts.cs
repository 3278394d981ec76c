using SocialMonitor.Core.Rules.Accessibility;
using SocialMonitor.Core.Rules.Branding;
using SocialMonitor.Core.Rules.Capture;
using SocialMonitor.Core.Rules.Conduct;
using SocialMonitor.Core.Rules.Governance;
using SocialMonitor.Core.Rules.LinkDomain;
using SocialMonitor.Core.Rules.PersonalGain;
using SocialMonitor.Core.Rules.Pii;

namespace SocialMonitor.Core.Rules;

/// <summary>Every rule's title and advice, by rule id, from each family's table: what emails and <c>check</c> show.</summary>
public static class RuleTexts
{
    private static readonly Dictionary<string, RuleText> s_byId = new IReadOnlyList<RuleText>[]
    {
        LinkDomainTexts.All, ConductTexts.All, PiiTexts.All, PersonalGainTexts.All, AccessibilityTexts.All,
        GovernanceTexts.All, BrandingTexts.All, CaptureTexts.All,
    }.SelectMany(t => t).ToDictionary(t => t.Id, StringComparer.Ordinal);

    public static IReadOnlyCollection<RuleText> All => s_byId.Values;

    /// <summary>The rule's texts; null for a rule id no table knows (a test keeps every rule id in a table).</summary>
    public static RuleText? Find(string ruleId) => s_byId.GetValueOrDefault(ruleId);

    /// <summary>The rule's texts, or plain words for a rule id no table knows, so that an email never lacks them.</summary>
    public static RuleText For(string ruleId) => Find(ruleId)
        ?? new RuleText(ruleId, "Something the social media policy asks you to look at", "Look at the item and tell the coordinator what you did.");
}
