using SocialMonitor.Core.Review;
using SocialMonitor.Core.Rules.Governance;
using static SocialMonitor.Tests.Rules.Governance.GovernanceItems;

namespace SocialMonitor.Tests.Rules.Governance;

public sealed class UnreviewedAppRuleTests
{
    private static readonly UnreviewedAppRule s_rule = new();

    private static readonly Core.Items.Item s_withApp = ReviewItem(new ReviewRecord { Apps = [App("183319479511", "Hootsuite")], AppsRead = "read" });

    [Fact]
    public void Evaluate_AppNoApprovalCovers_Raises()
    {
        var detection = Assert.Single(s_rule.Evaluate(s_withApp, Context()));

        Assert.Equal((UnreviewedAppRule.Rule, "medium", "app:183319479511"), (detection.Rule, detection.Severity, detection.EvidenceKey));
        Assert.Equal("Hootsuite (app 183319479511) is connected to cln-hayden-fb; no app approval covers it", detection.Evidence);
        Assert.StartsWith("Staff use 6", detection.Clause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cln-hayden-fb")]
    [InlineData("all")]
    public void Evaluate_AppApprovedForTheAccountOrAll_Quiet(string scope)
    {
        Assert.Empty(s_rule.Evaluate(s_withApp, Context(AppApproval("183319479511", scope))));
    }

    [Fact]
    public void Evaluate_RevokedExpiredOrElsewhereApproval_DoesNotCover()
    {
        Assert.Single(s_rule.Evaluate(s_withApp, Context(AppApproval("183319479511") with { RevokedAt = Revoked, RevokedBy = Coordinator.Email })));
        Assert.Single(s_rule.Evaluate(s_withApp, Context(AppApproval("183319479511") with { Expires = Today.AddDays(-1) })));
        Assert.Single(s_rule.Evaluate(s_withApp, Context(AppApproval("183319479511", "cln-postfalls-fb"))));
        Assert.Single(s_rule.Evaluate(s_withApp, Context(AppApproval("999"))));
    }
}
