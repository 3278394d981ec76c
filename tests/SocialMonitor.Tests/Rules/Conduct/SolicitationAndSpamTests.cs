using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules.Conduct;

namespace SocialMonitor.Tests.Rules.Conduct;

/// <summary>Sexual solicitation and scams or spam (issue 19): crypto, diplomas, followers, giveaways, a guest selling a service.</summary>
public sealed class SolicitationAndSpamTests
{
    [Theory]
    [InlineData("Looking for a friend with benefits near Rathdrum.")]
    [InlineData("Lonely and discreet, message me tonight.")]
    [InlineData("Any naughty girls want to have some adult fun? DM me.")]
    public void Evaluate_Solicitation_IsSexual(string text) =>
        Assert.Contains(ConductRule.Sexual, ConductText.Rules(text));

    [Theory]
    [InlineData("Is there a private study room for tutoring?")]
    [InlineData("Can I hook up my laptop to the projector?")]
    [InlineData("Hot cocoa at story time! Message me if you want to bring marshmallows.")]
    public void Evaluate_InnocentRequests_AreNotSexual(string text) => Assert.Empty(ConductText.Rules(text));

    [Theory]
    [InlineData("Turn $200 into $5000 with my bitcoin investment plan, guaranteed returns!")]
    [InlineData("Get your high school diploma in one week, no classes required.")]
    [InlineData("Buy real followers fast, DM me.")]
    [InlineData("I do house cleaning services in Hayden, message me for a quote!")]
    [InlineData("You've been selected for a $500 gift card, claim your prize.")]
    public void Evaluate_ScamOrGuestSolicitation_IsSpam(string text) =>
        Assert.Contains(ConductRule.Spam, ConductText.Rules(text));

    [Theory]
    [InlineData("Does the library have books on avoiding crypto scams?")]
    [InlineData("Someone keeps posting \"guaranteed returns\" comments here, please remove them.")]
    public void Evaluate_TalkAboutScams_IsNoSpam(string text) => Assert.Empty(ConductText.Rules(text));

    [Fact]
    public void Evaluate_OfficialPostWithOfferWords_IsNoSpam() =>
        Assert.Empty(ConductText.Rules("Earn an accredited diploma for free with your library card, no experience needed.", ItemOrigins.Official));
}
