using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.Conduct;
using SocialMonitor.Core.Rules.LinkDomain;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Rules;

public sealed class RuleRegistrationTests
{
    [Fact]
    public void AddStarterRules_CalledTwice_RegistersEachRuleOnceAndARuleSet()
    {
        using var provider = new ServiceCollection().AddStarterRules().AddStarterRules().BuildServiceProvider();

        var rules = provider.GetServices<IRule>().ToList();

        Assert.Equal(2, rules.Count);
        Assert.Contains(rules, r => r is UnapprovedLinkRule);
        Assert.Contains(rules, r => r is ProfanityRule);
        Assert.Same(provider.GetRequiredService<RuleSet>(), provider.GetRequiredService<RuleSet>());
    }

    [Fact]
    public void AddStarterRules_RuleSet_RunsBothRules()
    {
        using var provider = new ServiceCollection().AddStarterRules().BuildServiceProvider();
        var context = new RuleContext(DateTimeOffset.UnixEpoch, TestPolicy.Default);

        var detections = provider.GetRequiredService<RuleSet>().Evaluate(new Item { Id = "c1", Text = "damn, see bit.ly/x" }, context);

        Assert.Equal(["link-domain", "conduct"], detections.Select(d => d.Family));
    }
}
