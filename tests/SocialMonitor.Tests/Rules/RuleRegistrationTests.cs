using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.Accessibility;
using SocialMonitor.Core.Rules.Conduct;
using SocialMonitor.Core.Rules.Governance;
using SocialMonitor.Core.Rules.LinkDomain;
using SocialMonitor.Core.Rules.PersonalGain;
using SocialMonitor.Core.Rules.Pii;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Rules;

public sealed class RuleRegistrationTests
{
    [Fact]
    public void AddStarterRules_CalledTwice_RegistersEachRuleOnceAndARuleSet()
    {
        using var provider = new ServiceCollection().AddStarterRules().AddStarterRules().BuildServiceProvider();

        var rules = provider.GetServices<IRule>().ToList();

        Assert.Equal(19, rules.Count);
        Assert.Equal(8, rules.Count(r => r.Family == "governance"));
        Assert.Equal(6, rules.Count(r => r.Family == "branding"));
        Assert.Contains(rules, r => r is UnapprovedLinkRule);
        Assert.Contains(rules, r => r is ConductRule);
        Assert.Contains(rules, r => r is PiiRule);
        Assert.Contains(rules, r => r is PersonalGainRule);
        Assert.Contains(rules, r => r is AccessibilityRule);
        Assert.Contains(rules, r => r is AttestationDueRule);
        Assert.Contains(rules, r => r is ManagersRule);
        Assert.Same(provider.GetRequiredService<RuleSet>(), provider.GetRequiredService<RuleSet>());
    }

    [Fact]
    public void AddStarterRules_RuleSet_RunsEveryFamily()
    {
        using var provider = new ServiceCollection().AddStarterRules().BuildServiceProvider();
        var context = new RuleContext(DateTimeOffset.UnixEpoch, ShippedPolicy.Value);
        var item = new Item
        {
            Id = "p1",
            Origin = ItemOrigins.Official,
            Text = "Shit, see bit.ly/x and call 208-555-0199. Venmo me! #storytime",
            Media = [new ItemMedia("photo", "https://example.org/a.jpg", null, false)],
        };

        var detections = provider.GetRequiredService<RuleSet>().Evaluate(item, context);

        Assert.Equal(["link-domain", "conduct", "pii", "personal-gain", "accessibility"], detections.Select(d => d.Family).Distinct());
    }
}
