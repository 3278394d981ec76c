using SocialMonitor.Core.Review;
using SocialMonitor.Core.Rules.Governance;
using static SocialMonitor.Tests.Rules.Governance.GovernanceItems;

namespace SocialMonitor.Tests.Rules.Governance;

public sealed class UnapprovedAccountRuleTests
{
    private static readonly UnapprovedAccountRule s_rule = new();

    [Fact]
    public void Evaluate_AccountWithNoApproval_Raises()
    {
        var detection = Assert.Single(s_rule.Evaluate(ReviewItem(), Context()));

        Assert.Equal((UnapprovedAccountRule.Rule, "medium", "account"), (detection.Rule, detection.Severity, detection.EvidenceKey));
        Assert.StartsWith("Staff use 3", detection.Clause, StringComparison.Ordinal);
        Assert.Contains("cln-hayden-fb", detection.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ApprovalInForce_Quiet()
    {
        Assert.Empty(s_rule.Evaluate(ReviewItem(), Context(AccountApproval())));
    }

    [Fact]
    public void Evaluate_RevokedOrExpiredApproval_NoLongerCovers()
    {
        var revoked = AccountApproval() with { RevokedAt = Revoked, RevokedBy = Coordinator.Email };
        var expired = AccountApproval() with { Expires = Today.AddDays(-1) };

        Assert.Contains("was revoked", Assert.Single(s_rule.Evaluate(ReviewItem(), Context(revoked))).Evidence, StringComparison.Ordinal);
        Assert.Contains("expired", Assert.Single(s_rule.Evaluate(ReviewItem(), Context(expired))).Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ApprovalOfAnotherAccount_DoesNotCover()
    {
        Assert.Single(s_rule.Evaluate(ReviewItem(), Context(AccountApproval(X))));
    }

    [Fact]
    public void Evaluate_InstagramLinkedToThePageButNotRegistered_Raises()
    {
        var item = ReviewItem(new ReviewRecord { Profile = Profile(("name", "CLN Hayden"), ("instagramAccount", "17841400000000099")) });

        var detection = Assert.Single(s_rule.Evaluate(item, Context(AccountApproval())));

        Assert.Equal("linked:instagram:17841400000000099", detection.EvidenceKey);
        Assert.Equal("instagram account 17841400000000099 is linked to cln-hayden-fb but not registered", detection.Evidence);
    }

    [Fact]
    public void Evaluate_LinkedInstagramRegistered_Quiet()
    {
        var item = ReviewItem(new ReviewRecord { Profile = Profile(("instagramAccount", Instagram.PlatformId)) }, registered: [Facebook, Instagram]);

        Assert.Empty(s_rule.Evaluate(item, Context(AccountApproval())));
    }

    [Fact]
    public void Evaluate_NotAnAccountItem_RaisesNothing()
    {
        Assert.Empty(s_rule.Evaluate(Profile(("instagramAccount", "1")), Context()));
    }
}
