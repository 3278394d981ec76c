using SocialMonitor.Core.Review;
using SocialMonitor.Core.Rules.Governance;
using static SocialMonitor.Tests.Rules.Governance.GovernanceItems;

namespace SocialMonitor.Tests.Rules.Governance;

public sealed class AttestationDueRuleTests
{
    private static readonly AttestationDueRule s_rule = new();

    [Fact]
    public void Evaluate_XAccountWithNoAttestation_RaisesOnePerFactItCannotShow()
    {
        var detections = s_rule.Evaluate(ReviewItem(account: X), Context()).ToList();

        Assert.Equal(["roles", "apps", "groups"], detections.Select(d => d.EvidenceKey));
        Assert.All(detections, d => Assert.Equal((AttestationDueRule.Rule, "medium"), (d.Rule, d.Severity)));
        Assert.Equal("cln-hayden-x: x cannot show its roles, and no attestation of them is on record", detections[0].Evidence);
        Assert.StartsWith("Staff use 3, 4 and 6", detections[0].Clause, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AttestationsInForce_Quiet()
    {
        var context = Context(Attestation("roles", Today, X), Attestation("apps", Today.AddDays(10), X), Attestation("groups", Today.AddDays(90), X));

        Assert.Empty(s_rule.Evaluate(ReviewItem(account: X), context));
    }

    [Fact]
    public void Evaluate_AttestationPastDue_RaisesWithItsDate()
    {
        var detection = Assert.Single(s_rule.Evaluate(ReviewItem(), Context(Attestation("groups", Today.AddDays(-1)))));

        Assert.Equal("cln-hayden-fb: the attestation of its groups was due 2026-10-14 (attestation-groups-20261014)", detection.Evidence);
    }

    [Fact]
    public void Evaluate_RevokedOrExpiredAttestation_NoLongerCovers()
    {
        Assert.Single(s_rule.Evaluate(ReviewItem(), Context(Attestation("groups", Today.AddDays(30)) with { RevokedAt = Revoked, RevokedBy = Coordinator.Email })));
        Assert.Single(s_rule.Evaluate(ReviewItem(), Context(Attestation("groups", Today.AddDays(30)) with { Expires = Today.AddDays(-1) })));
    }

    [Fact]
    public void Evaluate_FacebookShowsRolesAndApps_OnlyGroupsAreDue()
    {
        Assert.Equal(["groups"], s_rule.Evaluate(ReviewItem(), Context()).Select(d => d.EvidenceKey));
    }

    [Fact]
    public void Evaluate_FacebookRefusedRoles_RolesBecomeDue()
    {
        Assert.Equal(["roles", "groups"], s_rule.Evaluate(ReviewItem(new ReviewRecord { RolesRead = "refused" }), Context()).Select(d => d.EvidenceKey));
    }

    [Fact]
    public void Evaluate_AttestationOfAnotherAccount_DoesNotCover()
    {
        Assert.Single(s_rule.Evaluate(ReviewItem(), Context(Attestation("groups", Today.AddDays(30), X))));
    }
}
