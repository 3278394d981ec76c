using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.Governance;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Rules.Governance;

public sealed class ModerationRuleTests
{
    private static readonly Item s_guestComment = new()
    {
        Id = "1_11", Platform = "facebook", Account = "cln-hayden-fb", Kind = ItemKinds.Comment, Origin = ItemOrigins.Guest,
        Hidden = true, Author = new ItemAuthor("9001", "Pat Guest"), Text = "Why is the parking lot always full?",
    };

    private static readonly RuleContext s_context = new(DateTimeOffset.UnixEpoch, TestPolicy.Default);

    [Fact]
    public void Evaluate_HiddenGuestCommentWithNoFinding_RaisesModerationForTheHide()
    {
        var detection = ModerationRule.Evaluate(s_guestComment, seenHidden: true, [], s_context);

        Assert.NotNull(detection);
        Assert.Equal((ModerationRule.Rule, Severities.Medium, "hidden"), (detection.Rule, detection.Severity, detection.EvidenceKey));
        Assert.Equal("guest comment by Pat Guest hidden; no conduct or privacy finding records a reason", detection.Evidence);
        Assert.Contains("cln-hayden-fb", detection.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain(s_guestComment.Text, detection.Evidence + detection.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoHiddenEvent_RaisesNothing()
    {
        Assert.Null(ModerationRule.Evaluate(s_guestComment, seenHidden: false, [], s_context));
    }

    [Fact]
    public void Evaluate_OfficialItemHidden_RaisesNothing()
    {
        Assert.Null(ModerationRule.Evaluate(s_guestComment with { Origin = ItemOrigins.Official }, seenHidden: true, [], s_context));
    }

    [Theory]
    [InlineData("conduct.profanity", FindingStatuses.Open)]
    [InlineData("pii.phone", FindingStatuses.Resolved)]
    public void Evaluate_HideWithAConductOrPrivacyReasonOnRecord_RaisesNothing(string rule, string status)
    {
        Assert.Null(ModerationRule.Evaluate(s_guestComment, seenHidden: true, [Reason(rule, status)], s_context));
    }

    [Theory]
    [InlineData("conduct.profanity", FindingStatuses.Dismissed)]
    [InlineData("link-domain.unapproved", FindingStatuses.Open)]
    public void Evaluate_OnlyADismissedReasonOrAnotherFamily_RaisesModeration(string rule, string status)
    {
        Assert.NotNull(ModerationRule.Evaluate(s_guestComment, seenHidden: true, [Reason(rule, status)], s_context));
    }

    [Fact]
    public void Evaluate_VisitorPostOfAnUnnamedGuest_SaysSo()
    {
        var post = s_guestComment with { Kind = ItemKinds.Post, Author = null };

        Assert.StartsWith("visitor post by an unnamed guest hidden", ModerationRule.Evaluate(post, seenHidden: true, [], s_context)!.Evidence, StringComparison.Ordinal);
    }

    private static Finding Reason(string rule, string status) =>
        Finding.Create(new Detection(rule, Severities.Medium, "clause", "evidence", "key", "explanation"),
            "facebook", s_guestComment.Id, "hayden", s_guestComment.Account, DateTimeOffset.UnixEpoch) with { Status = status };
}
