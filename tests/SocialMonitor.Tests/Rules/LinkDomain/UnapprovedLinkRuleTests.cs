using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.LinkDomain;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Rules.LinkDomain;

public sealed class UnapprovedLinkRuleTests
{
    /// <summary>The test policy on 2 October 2026, no approvals (also for <see cref="NameImitationTests"/>).</summary>
    internal static readonly RuleContext Context = new(new DateTimeOffset(2026, 10, 2, 15, 0, 0, TimeSpan.Zero), TestPolicy.Default);
    private static readonly RuleContext WithShorteners = Context with { Policy = TestPolicy.Default with { Shorteners = ["bit.ly", "ow.ly"] } };
    private static readonly UnapprovedLinkRule Rule = new();

    private static Item Comment(string text, params string[] links) => new() { Id = "c1", Text = text, Links = links };

    private static List<Detection> Evaluate(Item item) => [.. Rule.Evaluate(item, Context)];

    [Theory]
    [InlineData("Hours at communitylibrary.net")]
    [InlineData("https://communitylibrary.net/")]
    [InlineData("Sign up: events.communitylibrary.net/storytime")]
    [InlineData("Tax forms at https://www.irs.gov/forms-pubs, free.")]
    [InlineData("www.uidaho.edu")]
    [InlineData("See HTTPS://WWW.CommunityLibrary.NET/Hours.")]
    [InlineData("https://l.facebook.com/l.php?u=https%3A%2F%2Fcommunitylibrary.net%2Fevents&h=AT0abc")]
    [InlineData("Nothing to see here, e.g. version 1.2.3 and report.pdf")]
    [InlineData("mail info@communitylibrary.net")]
    public void Evaluate_AllowedOrNoLinks_ReturnsNothing(string text) => Assert.Empty(Evaluate(Comment(text)));

    [Fact]
    public void Evaluate_AllowedLinksField_ReturnsNothing() =>
        Assert.Empty(Evaluate(Comment("", "https://www.uidaho.edu/library", "https://events.communitylibrary.net/x", "https://irs.gov")));

    [Fact]
    public void Evaluate_BareShortenerInText_FlagsWithOffsetAndExplanation()
    {
        var detection = Assert.Single(Evaluate(Comment("Free tickets for everyone, sign up here: bit.ly/3xYz")));

        Assert.Equal("link-domain.unapproved", detection.Rule);
        Assert.Equal("link-domain", detection.Family);
        Assert.Equal(Severities.Medium, detection.Severity);
        Assert.Equal(Clauses.LinkingToExternalWebsites, detection.Clause);
        Assert.Equal("bit.ly/3xYz", detection.Evidence); // The link as written, once: it leads nowhere else.
        Assert.Equal(41, detection.Offset);
        Assert.Equal("https://bit.ly/3xYz", detection.EvidenceKey);
        Assert.Equal(
            "Links may go only to .edu, .gov or communitylibrary.net unless the coordinator approved the destination; bit.ly is not approved.",
            detection.Explanation);
    }

    [Fact]
    public void Evaluate_EventbriteLink_NamesRegistrableDomain()
    {
        var detection = Assert.Single(Evaluate(Comment("Register at https://www.eventbrite.com/e/storytime-123/#tickets")));

        Assert.Equal("https://www.eventbrite.com/e/storytime-123", detection.EvidenceKey);
        Assert.EndsWith("; eventbrite.com is not approved.", detection.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.eventbrite.com%2Fe%2F123&h=AT0abc", "https://www.eventbrite.com/e/123")]
    [InlineData("https://lm.facebook.com/l.php?h=AT0abc&u=http%3A%2F%2Fexample.org%2Fpage%3Fa%3D1", "http://example.org/page?a=1")]
    public void Evaluate_FacebookShim_JudgesTheTarget(string link, string expectedKey)
    {
        var detection = Assert.Single(Evaluate(Comment("", link)));

        Assert.Equal(expectedKey, detection.EvidenceKey);
        Assert.Equal($"{link}, which leads to {expectedKey}", detection.Evidence);
    }

    [Theory]
    [InlineData("https://communitylibrary.net.evil.com/login", "https://communitylibrary.net.evil.com/login", "evil.com")]
    [InlineData("https://gov.example.com/x", "https://gov.example.com/x", "example.com")]
    [InlineData("https://evilcommunitylibrary.net", "https://evilcommunitylibrary.net", "evilcommunitylibrary.net")]
    [InlineData("https://www.irs.gov.example.net/refund", "https://www.irs.gov.example.net/refund", "example.net")]
    [InlineData("http://192.168.1.1/admin", "http://192.168.1.1/admin", "192.168.1.1")]
    public void Evaluate_AllowedNameInsideAnotherDomain_IsUnapproved(string link, string expectedKey, string expectedDomain)
    {
        var detection = Assert.Single(Evaluate(Comment("", link)));

        Assert.Equal(UnapprovedLinkRule.Id, detection.Rule);
        Assert.Equal(expectedKey, detection.EvidenceKey);
        Assert.EndsWith($"; {expectedDomain} is not approved.", detection.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://c\u03bfmmunitylibrary.net/", "https://xn--cmmunitylibrary-63k.net", "communitylibrary.net")]
    [InlineData("https://www.communitylibr\u0430ry.net/login", "https://www.xn--communitylibrry-6lm.net/login", "communitylibrary.net")]
    [InlineData("https://cornmunitylibrary.net", "https://cornmunitylibrary.net", "communitylibrary.net")]
    [InlineData("https://irs.g\u043ev", "https://irs.xn--gv-fmc", ".gov")]
    public void Evaluate_LookAlikeOfAllowedName_IsLookalikeAndHigh(string link, string expectedKey, string imitated)
    {
        var detection = Assert.Single(Evaluate(Comment("", System.Text.RegularExpressions.Regex.Unescape(link))));

        Assert.Equal(UnapprovedLinkRule.LookalikeId, detection.Rule);
        Assert.Equal(Severities.High, detection.Severity);
        Assert.Equal(expectedKey, detection.EvidenceKey);
        Assert.Contains($"imitates {imitated} with look-alike characters", detection.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_FullWidthOwnDomain_IsAllowedAfterUts46() =>
        Assert.Empty(Evaluate(Comment("https://\uff43\uff4f\uff4d\uff4d\uff55\uff4e\uff49\uff54\uff59\uff4c\uff49\uff42\uff52\uff41\uff52\uff59.net/events")));

    [Theory]
    [InlineData("https://trusted.gov@other.example/", "https://other.example", "trusted.gov", "other.example")]
    [InlineData("https://communitylibrary.net:secret@evil.com/renew", "https://evil.com/renew", "communitylibrary.net", "evil.com")]
    [InlineData("https://%75idaho.edu@grades.example.net/", "https://grades.example.net", "uidaho.edu", "example.net")]
    [InlineData("https://portal:443@renew.example.org/", "https://renew.example.org", "portal:443", "example.org")]
    [InlineData("https://communitylibrary.net@communitylibrary-net.com/", "https://communitylibrary-net.com", "communitylibrary.net", "communitylibrary-net.com")]
    public void Evaluate_UserInfoTrick_IsUserinfoAndHigh(string link, string expectedKey, string shown, string domain)
    {
        var detection = Assert.Single(Evaluate(Comment("", link)));

        Assert.Equal(UnapprovedLinkRule.UserInfoId, detection.Rule);
        Assert.Equal(Severities.High, detection.Severity);
        Assert.Equal(expectedKey, detection.EvidenceKey);
        Assert.StartsWith($"The link shows {shown} before an @ but goes to {domain}, which is not approved", detection.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_UserInfoTrickOnAShortener_IsUserinfoNotShortener() =>
        Assert.Equal(UnapprovedLinkRule.UserInfoId, Assert.Single(Rule.Evaluate(Comment("Renew: https://www.uidaho.edu@bit.ly/renew-now"), WithShorteners)).Rule);

    [Theory]
    [InlineData("https://reader:hunter2@files.example.org/notes")]
    [InlineData("https://cam:@files.example.org/notes")]
    [InlineData("https://desk:123456@files.example.org/notes")]
    [InlineData("https://ops%40home@files.example.org/notes")]
    public void Evaluate_PlainUserOrPassword_IsUnapprovedNotUserinfo(string link) =>
        Assert.Equal(UnapprovedLinkRule.Id, Assert.Single(Evaluate(Comment(link))).Rule);

    [Fact]
    public void Evaluate_UserInfoOnAllowedHost_ReturnsNothing() =>
        Assert.Empty(Evaluate(Comment("https://guest@communitylibrary.net/wifi and https://communitylibrary.net\\@evil.com")));

    [Fact]
    public void Evaluate_LinkInTextAndLinks_CountsOnce()
    {
        var item = Comment("Details: https://www.eventbrite.com/e/123/", "https://WWW.eventbrite.com/e/123#top");

        var detection = Assert.Single(Evaluate(item));

        Assert.Equal("https://www.eventbrite.com/e/123/", detection.Evidence);
        Assert.Equal(9, detection.Offset);
    }

    [Fact]
    public void Evaluate_SameLinkTwiceInText_CountsOnce() =>
        Assert.Single(Evaluate(Comment("bit.ly/3xYz and again https://bit.ly/3xYz/")));

    [Fact]
    public void Evaluate_TwoDifferentLinks_ReturnsTwoDetections()
    {
        var detections = Evaluate(Comment("bit.ly/3xYz or https://eventbrite.com/e/1 or irs.gov"));

        Assert.Equal(["https://bit.ly/3xYz", "https://eventbrite.com/e/1"], detections.Select(d => d.EvidenceKey));
    }

    [Fact]
    public void Evaluate_SameItemTwice_GivesStableEvidenceKeys()
    {
        var item = Comment("See Example.COM/Path?Q=1 and http://example.com:8080/", "https://l.facebook.com/l.php?u=https%3A%2F%2Fbit.ly%2Fx");

        var first = Evaluate(item).Select(d => d.EvidenceKey).ToList();
        var second = Evaluate(item with { }).Select(d => d.EvidenceKey).ToList();

        Assert.Equal(["https://example.com/Path?Q=1", "http://example.com:8080", "https://bit.ly/x"], first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Evaluate_NonWebLinks_AreIgnored() =>
        Assert.Empty(Evaluate(Comment("", "mailto:someone@example.com", "tel:+12085550140")));

    [Fact]
    public void Evaluate_OtherPolicy_UsesItsDomainsInMatchAndExplanation()
    {
        var context = Context with { Policy = TestPolicy.Default with { OwnDomains = ["library.example.org"], AllowedTopLevelDomains = ["edu"] } };

        var detections = Rule.Evaluate(Comment("branch.library.example.org and irs.gov"), context).ToList();

        var detection = Assert.Single(detections);
        Assert.Equal("https://irs.gov", detection.EvidenceKey);
        Assert.StartsWith("Links may go only to .edu or library.example.org unless", detection.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ShortenerNotResolved_IsShortenerWithOffsets()
    {
        var detection = Assert.Single(Rule.Evaluate(Comment("Free tickets for everyone, sign up here: bit.ly/3xYz"), WithShorteners));

        Assert.Equal(UnapprovedLinkRule.ShortenerId, detection.Rule);
        Assert.Equal(Severities.Medium, detection.Severity);
        Assert.Equal("bit.ly/3xYz", detection.Evidence); // The link as written, once: it leads nowhere else.
        Assert.Equal((41, 11), (detection.Offset, detection.Length));
        Assert.Equal(
            "bit.ly is a link shortener that hides where the link goes and it was not resolved, so the destination cannot be checked against the linking policy.",
            detection.Explanation);
    }

    [Fact]
    public void Evaluate_ShortenerResolutionFailed_SaysWhy()
    {
        var context = WithShorteners with { ResolvedLinks = new Dictionary<string, ResolvedLink> { ["https://bit.ly/x"] = ResolvedLink.Failed("https://bit.ly/x", "refused: bit.ly is a loopback address (127.0.0.1)") } };

        var detection = Assert.Single(Rule.Evaluate(Comment("bit.ly/x"), context));

        Assert.Equal(UnapprovedLinkRule.ShortenerId, detection.Rule);
        Assert.Contains("resolving it failed (refused: bit.ly is a loopback address (127.0.0.1))", detection.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://www.irs.gov/forms", null)]
    [InlineData("https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.uidaho.edu%2Fx", null)]
    [InlineData("https://www.eventbrite.com/e/777", "https://www.eventbrite.com/e/777")]
    public void Evaluate_ShortenerResolved_JudgesTheDestination(string destination, string? expectedKey)
    {
        var context = WithShorteners with { ResolvedLinks = new Dictionary<string, ResolvedLink> { ["https://bit.ly/x"] = ResolvedLink.To("https://bit.ly/x", destination) } };

        var detections = Rule.Evaluate(Comment("Go bit.ly/x"), context).ToList();

        Assert.Equal(expectedKey is null ? [] : [expectedKey], detections.Select(d => d.EvidenceKey));
        if (expectedKey is not null)
        {
            Assert.Equal(UnapprovedLinkRule.Id, detections[0].Rule);
            Assert.Equal($"bit.ly/x, which leads to {expectedKey}", detections[0].Evidence);
        }
    }

    [Fact]
    public void Evaluate_ShortenerFromSetting_IsAShortener()
    {
        var rule = new UnapprovedLinkRule(new LinkAnalyzer(PublicSuffixList.Default, ["go.example.org"]));

        var detection = Assert.Single(rule.Evaluate(Comment("see go.example.org/abc"), Context));

        Assert.Equal(UnapprovedLinkRule.ShortenerId, detection.Rule);
    }

    [Fact]
    public void Evaluate_XTcoWithExpandedLinks_JudgesEachByItsExpandedLink()
    {
        var item = Comment("Forms https://t.co/aaa111 and tickets https://t.co/bbb222", "https://www.irs.gov/forms", "https://www.ticketmaster.com/event/9") with { Platform = "x" };

        var detection = Assert.Single(Evaluate(item));

        Assert.Equal("https://www.ticketmaster.com/event/9", detection.EvidenceKey);
        Assert.Equal("https://t.co/bbb222, which leads to https://www.ticketmaster.com/event/9", detection.Evidence);
        Assert.Equal(38, detection.Offset);
        Assert.Equal(38, detection.Offset);
    }

    [Fact]
    public void Evaluate_XTcoWithoutExpandedLink_IsShortener() =>
        Assert.Equal(UnapprovedLinkRule.ShortenerId, Assert.Single(Evaluate(Comment("https://t.co/abc") with { Platform = "x" })).Rule);

    [Theory]
    [InlineData("https://www.youtube.com/redirect?q=https%3A%2F%2Fwww.patreon.com%2Fx&v=1", "https://www.patreon.com/x")]
    [InlineData("https://www.google.co.uk/url?sa=t&url=https%3A%2F%2Fshop.example.net%2F", "https://shop.example.net")]
    [InlineData("https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Fwww%2Emeetup%2Ecom%2Fx&urlhash=1", "https://www.meetup.com/x")]
    [InlineData("https://l.instagram.com/?u=https%3A%2F%2Flinktr.ee%2Fx&e=1", "https://linktr.ee/x")]
    [InlineData("https://l.facebook.com/l.php?h=AT0", "https://l.facebook.com/l.php?h=AT0")]
    [InlineData("https://google.evil.com/url?q=https://www.irs.gov", "https://google.evil.com/url?q=https://www.irs.gov")]
    public void Evaluate_RedirectWrappers_JudgeTheirTarget(string link, string expectedKey) =>
        Assert.Equal(expectedKey, Assert.Single(Evaluate(Comment("", link))).EvidenceKey);

    [Fact]
    public void Evaluate_PolicySeverityOverride_IsUsed()
    {
        var context = Context with { Policy = TestPolicy.Default with { Severities = new Dictionary<string, string> { [UnapprovedLinkRule.Id] = Severities.Low } } };

        Assert.Equal(Severities.Low, Assert.Single(Rule.Evaluate(Comment("eventbrite.com/e/1"), context)).Severity);
    }

    [Fact]
    public void Evaluate_ApprovalInForceAndInScope_Allows() =>
        Assert.Empty(Rule.Evaluate(Comment("eventbrite.com/e/1") with { Account = "cln-hayden-fb" }, ApprovalContext(Approval(scope: "hayden"))));

    [Theory]
    [InlineData("post-falls", "(approval a1 covers only post-falls)")]
    [InlineData("cln-postfalls-fb", "(approval a1 covers only cln-postfalls-fb)")]
    public void Evaluate_ApprovalOutOfScope_DoesNotAllow(string scope, string why)
    {
        var detection = Assert.Single(Rule.Evaluate(Comment("eventbrite.com/e/1") with { Account = "cln-hayden-fb" }, ApprovalContext(Approval(scope: scope))));

        Assert.EndsWith($"eventbrite.com is not approved {why}.", detection.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ApprovalForTheAccount_Allows() =>
        Assert.Empty(Rule.Evaluate(Comment("eventbrite.com/e/1") with { Account = "cln-hayden-fb" }, ApprovalContext(Approval(scope: "cln-hayden-fb"))));

    [Fact]
    public void Evaluate_ApprovalExpired_DoesNotAllow()
    {
        var detection = Assert.Single(Rule.Evaluate(Comment("eventbrite.com/e/1"), ApprovalContext(Approval(expires: new DateOnly(2026, 10, 1)))));

        Assert.EndsWith("(approval a1 expired on 2026-10-01).", detection.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-10-02T06:59:00Z", true)]
    [InlineData("2026-10-02T07:00:00Z", false)]
    public void Evaluate_ApprovalExpiry_EndsAtLocalMidnight(string now, bool allowed)
    {
        var context = ApprovalContext(Approval(expires: new DateOnly(2026, 10, 1))) with { Now = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Equal(allowed, !Rule.Evaluate(Comment("eventbrite.com/e/1"), context).Any());
    }

    [Fact]
    public void Evaluate_ApprovalRevoked_DoesNotAllow()
    {
        var revoked = Approval() with { RevokedAt = new DateTimeOffset(2026, 9, 1, 12, 0, 0, TimeSpan.Zero), RevokedBy = "coordinator@example.org" };

        var detection = Assert.Single(Rule.Evaluate(Comment("eventbrite.com/e/1"), ApprovalContext(revoked)));

        Assert.EndsWith("(approval a1 was revoked on 2026-09-01).", detection.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LookAlikeOfApprovedDomain_IsLookalike() =>
        Assert.Equal(UnapprovedLinkRule.LookalikeId, Assert.Single(Rule.Evaluate(Comment("https://eventbr\u0456te.com/e/1"), ApprovalContext(Approval()))).Rule);

    private static Approval Approval(string scope = "all", DateOnly? expires = null) => new()
    {
        Id = "a1", Match = LinkMatches.Domain, Value = "eventbrite.com", Scope = scope, Approver = "coordinator@example.org",
        Date = new DateOnly(2026, 9, 1), Expires = expires,
    };

    private static RuleContext ApprovalContext(Approval approval) => Context with { Location = "hayden", Approvals = [approval] };
}
