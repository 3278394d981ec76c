using SocialMonitor.Core.Items;
using SocialMonitor.Core.Review;
using SocialMonitor.Core.Rules.Governance;
using static SocialMonitor.Tests.Rules.Governance.GovernanceItems;

namespace SocialMonitor.Tests.Rules.Governance;

public sealed class CoordinatorNotAdminRuleTests
{
    private static readonly CoordinatorNotAdminRule s_rule = new();

    [Fact]
    public void Evaluate_CoordinatorAdministratorOfThePage_Quiet()
    {
        Assert.Empty(s_rule.Evaluate(ReviewItem(), Context()));
    }

    [Fact]
    public void Evaluate_CoordinatorWithoutManage_Raises()
    {
        var item = ReviewItem(new ReviewRecord { Roles = [Role("100", "Jordan Avery", "ANALYZE", "CREATE_CONTENT")], RolesRead = "read" });

        var detection = Assert.Single(s_rule.Evaluate(item, Context()));

        Assert.Equal((CoordinatorNotAdminRule.Rule, "medium", "coordinator"), (detection.Rule, detection.Severity, detection.EvidenceKey));
        Assert.Equal("Jordan Avery holds only ANALYZE, CREATE_CONTENT on cln-hayden-fb, no administrator-level role", detection.Evidence);
        Assert.StartsWith("Staff use 3", detection.Clause, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CoordinatorHoldsNoRole_Raises()
    {
        var item = ReviewItem(new ReviewRecord { Roles = [Role("104", "Morgan Patel", "MANAGE")], RolesRead = "read" });

        Assert.Equal("Jordan Avery holds no role on cln-hayden-fb", Assert.Single(s_rule.Evaluate(item, Context())).Evidence);
    }

    [Fact]
    public void Evaluate_CoordinatorKnownByTheNameTheirAccessApprovalGives_Recognised()
    {
        var item = ReviewItem(new ReviewRecord { Roles = [Role("100", "J. Avery (CLN)", "MANAGE")], RolesRead = "read" });

        Assert.Single(s_rule.Evaluate(item, Context()));
        Assert.Empty(s_rule.Evaluate(item, Context(Access("J. Avery (CLN)", "MANAGE", "administrator", email: Coordinator.Email))));
    }

    [Fact]
    public void Evaluate_FacebookRefusedRoles_CannotVerifyNeverAPass()
    {
        var item = ReviewItem(new ReviewRecord { RolesRead = "refused" });

        var detection = Assert.Single(s_rule.Evaluate(item, Context()));

        Assert.Equal("cannot-verify", detection.EvidenceKey);
        Assert.Equal("cannot verify that Jordan Avery is an administrator of cln-hayden-fb: facebook refused to list its roles", detection.Evidence);
        Assert.Contains("roles", AccountFacts.CannotVerifyFacts(item));
    }

    [Fact]
    public void Evaluate_RefusedRolesWithARolesAttestationInForce_Quiet()
    {
        var item = ReviewItem(new ReviewRecord { RolesRead = "refused" });

        Assert.Empty(s_rule.Evaluate(item, Context(Attestation("roles", Today.AddDays(30)))));
        Assert.Single(s_rule.Evaluate(item, Context(Attestation("roles", Today.AddDays(-1)))));
        Assert.Single(s_rule.Evaluate(item, Context(Attestation("roles", Today.AddDays(30)) with { RevokedAt = Revoked, RevokedBy = Coordinator.Email })));
    }

    [Fact]
    public void Evaluate_LinkedInAdministratorByUrn_QuietAndCuratorRaises()
    {
        Item Li(string role) => ReviewItem(new ReviewRecord
        {
            Roles = [new Item { Id = "r", Kind = ItemKinds.Role, Facts = new Dictionary<string, string> { ["userId"] = "urn:li:person:jordan", ["name"] = "", ["tasks"] = role } }],
            RolesRead = "read",
        }, LinkedIn);
        var approval = Access("urn:li:person:jordan", "ADMINISTRATOR", "administrator", email: Coordinator.Email, account: LinkedIn);

        Assert.Empty(s_rule.Evaluate(Li("ADMINISTRATOR"), Context(approval)));
        Assert.Single(s_rule.Evaluate(Li("CURATOR"), Context(approval)));
    }

    [Fact]
    public void Evaluate_PlatformThatNeverShowsRolesOrRolesNeverRead_RaisesNothing()
    {
        Assert.Empty(s_rule.Evaluate(ReviewItem(account: X), Context()));
        Assert.Empty(s_rule.Evaluate(ReviewItem(new ReviewRecord()), Context()));
    }
}
