using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.Conduct;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Rules.Conduct;

/// <summary>The mild tier (issue 19): hell, damn, crap are no finding unless the policy turns <c>tiers.mild</c> on.</summary>
public sealed class MildTierTests
{
    private static readonly ConductRule Rule = new();
    private static readonly Policy MildOn = ShippedPolicy.Value with { Tiers = new ConductTiers { Mild = true } };

    private static List<Detection> Evaluate(string text, Policy policy) =>
        [.. Rule.Evaluate(new Item { Id = "m1", Text = text }, new RuleContext(DateTimeOffset.UnixEpoch, policy))];

    [Theory]
    [InlineData("What the hell happened to Saturday Lego time?")]
    [InlineData("Damn, the Tuesday session filled up already.")]
    [InlineData("This parking layout is crap.")]
    [InlineData("Crappy weather, good reading day.")]
    [InlineData("Dammit, I missed the author talk.")]
    [InlineData("Well heck, the book drop is jammed again.")]
    public void Evaluate_MildTierOff_MildWordsAreNoFinding(string text)
    {
        Assert.False(ShippedPolicy.Value.Tiers.Mild);
        Assert.Empty(Evaluate(text, ShippedPolicy.Value));
    }

    [Theory]
    [InlineData("What the hell happened to Saturday Lego time?", "hell")]
    [InlineData("Damn, the Tuesday session filled up already.", "damn")]
    [InlineData("This parking layout is crap.", "crap")]
    [InlineData("Crappy weather, good reading day.", "crappy")]
    public void Evaluate_MildTierOn_MildWordsAreProfanity(string text, string term) =>
        Assert.Equal([term], Evaluate(text, MildOn).Where(d => d.Rule == ConductRule.Profanity).Select(d => d.EvidenceKey));

    [Fact]
    public void Evaluate_MildTierOff_StrongProfanityStillFound() =>
        Assert.Equal(ConductRule.Profanity, Assert.Single(Evaluate("Well shit, the hold expired.", ShippedPolicy.Value)).Rule);

    [Fact]
    public void Parse_MildTierNotBoolean_NamesTheField()
    {
        var error = Assert.Throws<PolicyException>(() => PolicyLoader.Parse(
            """{"timeZone":"UTC","ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{},"tiers":{"mild":"yes"}}""", "policy.json"));

        Assert.Contains("$.tiers.mild", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MildTierOn_IsRead() =>
        Assert.True(PolicyLoader.Parse(
            """{"timeZone":"UTC","ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{},"tiers":{"mild":true}}""", "policy.json").Tiers.Mild);
}
