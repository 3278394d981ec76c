using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Rules.LinkDomain;

namespace SocialMonitor.Tests.Approvals;

public sealed class LinkApprovalTests
{
    private static Approval Approval(string match, string value, string scope = "all") => new()
    {
        Id = "a1", Match = match, Value = value, Scope = scope, Approver = "coordinator@example.org", Date = new DateOnly(2026, 9, 1),
    };

    private static bool Matches(Approval approval, string link) => approval.Matches(WebAddress.Parse(link)!);

    [Theory]
    [InlineData("https://eventbrite.com/e/1", true)]
    [InlineData("https://www.eventbrite.com/e/1", true)]
    [InlineData("http://EVENTBRITE.COM", true)]
    [InlineData("https://eventbrite.com.evil.com", false)]
    [InlineData("https://noteventbrite.com", false)]
    [InlineData("https://trusted@evil.com/eventbrite.com", false)]
    public void Matches_Domain_HostOrSubdomain(string link, bool expected) =>
        Assert.Equal(expected, Matches(Approval(LinkMatches.Domain, "EventBrite.com"), link));

    [Theory]
    [InlineData("https://www.eventbrite.com/o/cln-123", true)]
    [InlineData("http://www.eventbrite.com/o/cln-123/", true)]
    [InlineData("https://www.eventbrite.com/o/cln-123/events?page=2", true)]
    [InlineData("https://www.eventbrite.com/o/cln-123?page=2", true)]
    [InlineData("https://www.eventbrite.com/o/cln-1234", false)]
    [InlineData("https://www.eventbrite.com/o/cln-123/../../e/scam", false)]
    [InlineData("https://eventbrite.com/o/cln-123", false)]
    [InlineData("https://www.eventbrite.com:8443/o/cln-123", false)]
    [InlineData("https://www.eventbrite.com/O/CLN-123", false)]
    public void Matches_Prefix_SameHostAndPathAtASegmentBoundary(string link, bool expected) =>
        Assert.Equal(expected, Matches(Approval(LinkMatches.Prefix, "https://www.eventbrite.com/o/cln-123"), link));

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=clnStory01", true)]
    [InlineData("https://WWW.YOUTUBE.COM/watch?v=clnStory01#t=30", true)]
    [InlineData("https://www.youtube.com/watch?v=other", false)]
    [InlineData("https://www.youtube.com/watch?v=clnStory01&list=x", false)]
    public void Matches_Url_ExactlyThatUrl(string link, bool expected) =>
        Assert.Equal(expected, Matches(Approval(LinkMatches.Url, "https://www.youtube.com/watch?v=clnStory01"), link));

    [Theory]
    [InlineData("all", "cln-hayden-fb", "hayden", true)]
    [InlineData("hayden", "cln-hayden-fb", "hayden", true)]
    [InlineData("cln-hayden-fb", "cln-hayden-fb", "hayden", true)]
    [InlineData("post-falls", "cln-hayden-fb", "hayden", false)]
    [InlineData("hayden", null, null, false)]
    public void AppliesTo_Scope_AllOrTheLocationOrTheAccount(string scope, string? account, string? location, bool expected) =>
        Assert.Equal(expected, Approval(LinkMatches.Domain, "example.org", scope).AppliesTo(account, location));

    [Theory]
    [InlineData("2026-10-15", true)]
    [InlineData("2026-10-16", false)]
    public void InForce_Expiry_IsInclusive(string today, bool expected) =>
        Assert.Equal(expected, (Approval(LinkMatches.Domain, "example.org") with { Expires = new DateOnly(2026, 10, 15) }).InForce(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void InForce_Revoked_IsFalse() =>
        Assert.False((Approval(LinkMatches.Domain, "example.org") with { RevokedAt = DateTimeOffset.UnixEpoch }).InForce(new DateOnly(2026, 1, 1)));

    [Theory]
    [InlineData("domain", "eventbrite.com", "all", null)]
    [InlineData("domain", "https://eventbrite.com", "all", "value:")]
    [InlineData("domain", "eventbrite.com/e/1", "all", "value:")]
    [InlineData("domain", "com", "all", "public suffix")]
    [InlineData("domain", "github.io", "all", "public suffix")]
    [InlineData("domain", "192.168.1.1", "all", "public suffix")]
    [InlineData("prefix", "www.eventbrite.com/o/1", "all", "must be a full URL")]
    [InlineData("url", "https://user@example.com/x", "all", "user name")]
    [InlineData("regex", ".*", "all", "match:")]
    [InlineData("domain", "eventbrite.com", "Hayden Branch", "scope:")]
    public void Problems_Approval_NamesTheField(string match, string value, string scope, string? problem)
    {
        var problems = Approval(match, value, scope).Problems();

        if (problem is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Problems_ExpiryBeforeDateAndNoApprover_NamesBoth()
    {
        var problems = (Approval(LinkMatches.Domain, "example.org") with { Expires = new DateOnly(2026, 8, 1), Approver = "" }).Problems();

        Assert.Contains(problems, p => p.StartsWith("expires:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("approver:", StringComparison.Ordinal));
    }
}
