using SocialMonitor.Core.Rules.Governance;
using static SocialMonitor.Tests.Rules.Governance.GovernanceItems;

namespace SocialMonitor.Tests.Rules.Governance;

public sealed class AccessReviewDueRuleTests
{
    private static readonly AccessReviewDueRule s_rule = new();

    [Fact]
    public void Evaluate_ApprovalPastItsReviewDate_Raises()
    {
        var due = Access("Alex Rivera", "CREATE_CONTENT", "editor") with { ReviewOn = Today.AddDays(-1) };

        var detection = Assert.Single(s_rule.Evaluate(ReviewItem(), Context(due)));

        Assert.Equal((AccessReviewDueRule.Rule, "medium", "approval:access-alex-rivera"), (detection.Rule, detection.Severity, detection.EvidenceKey));
        Assert.Equal("Alex Rivera (alex.rivera@example.org, CREATE_CONTENT) on cln-hayden-fb: review was due 2026-10-14 (access-alex-rivera)", detection.Evidence);
    }

    [Fact]
    public void Evaluate_ReviewDateToday_Quiet()
    {
        Assert.Empty(s_rule.Evaluate(ReviewItem(), Context(Access("Alex Rivera", "CREATE_CONTENT", "editor") with { ReviewOn = Today })));
    }

    [Fact]
    public void Evaluate_ReviewRecordedAsANewApproval_Quiet()
    {
        var due = Access("Alex Rivera", "CREATE_CONTENT", "editor") with { ReviewOn = Today.AddDays(-1) };
        var reviewed = Access("Alex Rivera", "CREATE_CONTENT", "editor") with { Id = "access-2", ReviewOn = Today.AddDays(180) };

        Assert.Empty(s_rule.Evaluate(ReviewItem(), Context(due, reviewed)));
    }

    [Fact]
    public void Evaluate_RevokedOrClosedApproval_IsNoLongerReviewed()
    {
        var due = Access("Alex Rivera", "CREATE_CONTENT", "editor") with { ReviewOn = Today.AddDays(-1) };

        Assert.Empty(s_rule.Evaluate(ReviewItem(), Context(due with { RevokedAt = Revoked, RevokedBy = Coordinator.Email })));
        Assert.Empty(s_rule.Evaluate(ReviewItem(), Context(due with { ClosesOn = Today.AddDays(-2) })));
    }

    [Fact]
    public void Evaluate_ApprovalOfAnotherAccount_NotThisOnesReview()
    {
        Assert.Empty(s_rule.Evaluate(ReviewItem(), Context(Access("Alex Rivera", "CREATE_CONTENT", "editor", account: X) with { ReviewOn = Today.AddDays(-1) })));
    }
}
