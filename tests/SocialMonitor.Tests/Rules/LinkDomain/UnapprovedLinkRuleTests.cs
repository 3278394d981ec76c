using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.LinkDomain;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Rules.LinkDomain;

public sealed class UnapprovedLinkRuleTests
{
    private static readonly RuleContext Context = new(new DateTimeOffset(2026, 10, 2, 15, 0, 0, TimeSpan.Zero), TestPolicy.Default);
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
        Assert.Equal("bit.ly/3xYz at 41 -> https://bit.ly/3xYz", detection.Evidence);
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
        Assert.Equal($"{link} -> {expectedKey}", detection.Evidence);
    }

    [Theory]
    [InlineData("https://communitylibrary.net.evil.com/login", "https://communitylibrary.net.evil.com/login", "evil.com")]
    [InlineData("https://trusted.gov@other.example/", "https://other.example", "other.example")]
    [InlineData("https://gov.example.com/x", "https://gov.example.com/x", "example.com")]
    [InlineData("https://evilcommunitylibrary.net", "https://evilcommunitylibrary.net", "evilcommunitylibrary.net")]
    [InlineData("https://www.irs.gov.example.net/refund", "https://www.irs.gov.example.net/refund", "example.net")]
    [InlineData("https://cοmmunitylibrary.net/", "https://xn--cmmunitylibrary-63k.net", "xn--cmmunitylibrary-63k.net")]
    [InlineData("http://192.168.1.1/admin", "http://192.168.1.1/admin", "192.168.1.1")]
    public void Evaluate_LookAlikes_AreFlagged(string link, string expectedKey, string expectedDomain)
    {
        var detection = Assert.Single(Evaluate(Comment("", link)));

        Assert.Equal(expectedKey, detection.EvidenceKey);
        Assert.EndsWith($"; {expectedDomain} is not approved.", detection.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LinkInTextAndLinks_CountsOnce()
    {
        var item = Comment("Details: https://www.eventbrite.com/e/123/", "https://WWW.eventbrite.com/e/123#top");

        var detection = Assert.Single(Evaluate(item));

        Assert.Equal("https://www.eventbrite.com/e/123/ at 9 -> https://www.eventbrite.com/e/123", detection.Evidence);
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
}
