using SocialMonitor.Core.Review;
using SocialMonitor.Core.Rules.Governance;
using static SocialMonitor.Tests.Rules.Governance.GovernanceItems;

namespace SocialMonitor.Tests.Rules.Governance;

public sealed class AccessEndedRuleTests
{
    private static readonly AccessEndedRule s_rule = new();

    private static readonly Core.Items.Item s_editor = ReviewItem(new ReviewRecord { Roles = [Role("105", "Alex Rivera", "MODERATE", "CREATE_CONTENT")], RolesRead = "read" });

    [Fact]
    public void Evaluate_RoleStillHeldAfterTheCloseDate_Raises()
    {
        var closed = Access("Alex Rivera", "CREATE_CONTENT", "editor") with { ClosesOn = Today.AddDays(-1) };

        var detection = Assert.Single(s_rule.Evaluate(s_editor, Context(closed)));

        Assert.Equal((AccessEndedRule.Rule, "medium", "role:105"), (detection.Rule, detection.Severity, detection.EvidenceKey));
        Assert.EndsWith("its approval access-alex-rivera closed on 2026-10-14", detection.Evidence, StringComparison.Ordinal);
        Assert.StartsWith("Staff use 4", detection.Clause, StringComparison.Ordinal);
        Assert.Empty(new UnapprovedAccessRule().Evaluate(s_editor, Context(closed)));
    }

    [Fact]
    public void Evaluate_RoleStillHeldAfterRevocationOrExpiry_Raises()
    {
        var revoked = Access("Alex Rivera", "CREATE_CONTENT", "editor") with { RevokedAt = Revoked, RevokedBy = Coordinator.Email, RevokedReason = "left the library" };
        var expired = Access("Alex Rivera", "CREATE_CONTENT", "editor") with { Expires = Today.AddDays(-3) };

        Assert.Contains("revoked on 2026-10-01 (left the library)", Assert.Single(s_rule.Evaluate(s_editor, Context(revoked))).Evidence, StringComparison.Ordinal);
        Assert.Contains("expired on 2026-10-12", Assert.Single(s_rule.Evaluate(s_editor, Context(expired))).Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OnTheCloseDayItself_Quiet()
    {
        Assert.Empty(s_rule.Evaluate(s_editor, Context(Access("Alex Rivera", "CREATE_CONTENT", "editor") with { ClosesOn = Today })));
    }

    [Fact]
    public void Evaluate_RoleRemovedAfterTheApprovalClosed_Quiet()
    {
        var closed = Access("Alex Rivera", "CREATE_CONTENT", "editor") with { ClosesOn = Today.AddDays(-1) };

        Assert.Empty(s_rule.Evaluate(ReviewItem(new ReviewRecord { RolesRead = "read" }), Context(closed)));
    }

    [Fact]
    public void Evaluate_ANewApprovalInForce_Quiet()
    {
        var closed = Access("Alex Rivera", "CREATE_CONTENT", "editor") with { ClosesOn = Today.AddDays(-1) };
        var renewed = Access("Alex Rivera", "CREATE_CONTENT", "editor") with { Id = "access-2" };

        Assert.Empty(s_rule.Evaluate(s_editor, Context(closed, renewed)));
    }
}
