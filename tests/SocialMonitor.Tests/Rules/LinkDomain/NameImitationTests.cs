using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.LinkDomain;

namespace SocialMonitor.Tests.Rules.LinkDomain;

/// <summary>Look-alikes beyond look-alike characters: typos, hyphens and other endings of an allowed or approved name.</summary>
public sealed class NameImitationTests
{
    private static readonly RuleContext Context = UnapprovedLinkRuleTests.Context;
    private static readonly UnapprovedLinkRule Rule = new();

    private static Detection Single(string text, RuleContext? context = null) =>
        Assert.Single(Rule.Evaluate(new Item { Id = "c1", Text = text }, context ?? Context));

    [Theory]
    [InlineData("Renew today at https://communitylibray.net/renew", "with a misspelling of the name")]
    [InlineData("new hours: commmunitylibrary.net/hours", "with a misspelling of the name")]
    [InlineData("https://communitylirbary.net/pay your fines here", "with a misspelling of the name")]
    [InlineData("https://www.communitylibraryy.net/login", "with a misspelling of the name")]
    [InlineData("Holds list: https://communityl1brary.net/holds", "with a misspelling of the name")]
    [InlineData("see community-library.net for the raffle", "with the same name hyphenated")]
    [InlineData("Donate at communitylibrary.info/give", "with the same name under another ending")]
    [InlineData("https://login.communitylibrary.com.au/", "with the same name under another ending")]
    [InlineData("card help at communitylibrarynet.org", "with the whole name run into one label")]
    [InlineData("https://community-library-net.help/reset", "with the whole name run into one label")]
    public void Evaluate_NameSpeltLikeOurs_IsLookalikeAndHigh(string text, string how)
    {
        var detection = Single(text);

        Assert.Equal((UnapprovedLinkRule.LookalikeId, Severities.High), (detection.Rule, detection.Severity));
        Assert.Contains($"imitates communitylibrary.net {how}", detection.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Try communitylibraries.org for the state list")]
    [InlineData("Our grant came from https://communityfoundation.org/grants")]
    [InlineData("I also use https://cdalibrary.org for holds")]
    [InlineData("Friends group: https://libraryfriends.org")]
    [InlineData("The neighbours at https://www.countylibrary.net have a lineup too")]
    [InlineData("https://mycommunitylibrary.net/free is not us")]
    [InlineData("https://communitylibrary.net.example.org/verify")]
    [InlineData("Borrow on https://communitylibrary.overdrive.com/")]
    public void Evaluate_OtherSitesThatShareAWordOrAddToOurName_AreUnapproved(string text) =>
        Assert.Equal(UnapprovedLinkRule.Id, Single(text).Rule);

    [Theory]
    [InlineData("Our catalog: https://catalog.communitylibrary.net/kids")]
    [InlineData("https://WWW.CommunityLibrary.NET/events")]
    [InlineData("communitylibrary.net./hours")]
    public void Evaluate_OurOwnName_ReturnsNothing(string text) =>
        Assert.Empty(Rule.Evaluate(new Item { Id = "c1", Text = text }, Context));

    [Fact]
    public void Evaluate_MisspeltApprovedDomain_IsLookalike()
    {
        var approval = new Approval
        {
            Id = "a1", Match = LinkMatches.Domain, Value = "idahoreads.org", Scope = "all", Approver = "coordinator@example.org",
            Date = new DateOnly(2026, 1, 1),
        };
        var context = Context with { Approvals = [approval] };

        Assert.Equal(UnapprovedLinkRule.LookalikeId, Single("Summer program: https://idahoredas.org/kids", context).Rule);
        Assert.Equal(UnapprovedLinkRule.Id, Single("Summer program: https://idahoreadsforkids.org", context).Rule);
        Assert.Equal(UnapprovedLinkRule.Id, Single("Summer program: https://idahoparks.org", context).Rule);
    }
}
