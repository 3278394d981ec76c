using SocialMonitor.Core.Review;
using SocialMonitor.Core.Rules.Governance;
using static SocialMonitor.Tests.Rules.Governance.GovernanceItems;

namespace SocialMonitor.Tests.Rules.Governance;

public sealed class UnapprovedAccessRuleTests
{
    private static readonly UnapprovedAccessRule s_rule = new();

    private static readonly Core.Items.Item s_editor = ReviewItem(new ReviewRecord { Roles = [Role("105", "Alex Rivera", "ANALYZE", "MODERATE", "CREATE_CONTENT")], RolesRead = "read" });

    [Fact]
    public void Evaluate_RoleNoApprovalNames_Raises()
    {
        var detection = Assert.Single(s_rule.Evaluate(s_editor, Context()));

        Assert.Equal((UnapprovedAccessRule.Rule, "medium", "role:105"), (detection.Rule, detection.Severity, detection.EvidenceKey));
        Assert.Equal("Alex Rivera has a role on cln-hayden-fb (ANALYZE, MODERATE, CREATE_CONTENT): no access approval names them", detection.Evidence);
    }

    [Theory]
    [InlineData("Alex Rivera")]
    [InlineData("alex rivera")]
    [InlineData("105")]
    public void Evaluate_ApprovalForTheLevelHeld_Quiet(string person)
    {
        Assert.Empty(s_rule.Evaluate(s_editor, Context(Access(person, "CREATE_CONTENT", "editor"))));
    }

    [Fact]
    public void Evaluate_ApprovedForALowerLevel_Raises()
    {
        var detection = Assert.Single(s_rule.Evaluate(s_editor, Context(Access("Alex Rivera", "ANALYZE", "analyst"))));

        Assert.Contains("holds editor-level access", detection.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ApprovalOnAnotherAccount_DoesNotCover()
    {
        Assert.Single(s_rule.Evaluate(s_editor, Context(Access("Alex Rivera", "CREATE_CONTENT", "editor", account: X))));
    }

    [Fact]
    public void Evaluate_OnlyRevokedApproval_IsAccessEndedNotUnapproved()
    {
        var context = Context(Access("Alex Rivera", "CREATE_CONTENT", "editor") with { RevokedAt = Revoked, RevokedBy = Coordinator.Email });

        Assert.Empty(s_rule.Evaluate(s_editor, context));
        Assert.Single(new AccessEndedRule().Evaluate(s_editor, context));
    }
}
