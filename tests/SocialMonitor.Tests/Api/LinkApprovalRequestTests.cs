using SocialMonitor.Core.Api;

namespace SocialMonitor.Tests.Api;

public sealed class LinkApprovalRequestTests
{
    [Theory]
    [InlineData("domain", "KootenaiCounty.org.", "kootenaicounty.org")]
    [InlineData("domain", "bücherei.example", "xn--bcherei-n2a.example")]
    [InlineData("domain", "example.co.uk", "example.co.uk")]
    [InlineData("prefix", " https://www.eventbrite.com/e/teen- ", "https://www.eventbrite.com/e/teen-")]
    [InlineData("url", "http://example.org/page?x=1", "http://example.org/page?x=1")]
    public void NormalisedValue_Valid_IsTheStoredForm(string match, string value, string expected) =>
        Assert.Equal(expected, new LinkApprovalRequest { Match = match, Value = value }.NormalisedValue());

    [Theory]
    [InlineData("domain", "www.example.org", "example.org")]
    [InlineData("domain", "co.uk", "registrable")]
    [InlineData("domain", "127.0.0.1", "registrable")]
    [InlineData("prefix", "ftp://example.org/", "http")]
    [InlineData("url", "example.org/page", "http")]
    [InlineData("glob", "*.example.org", "match")]
    [InlineData("domain", "", "value")]
    public void NormalisedValue_Invalid_Is400Saying(string match, string value, string said)
    {
        var problem = Assert.Throws<ApiProblemException>(() => new LinkApprovalRequest { Match = match, Value = value }.NormalisedValue());

        Assert.Equal(ProblemTypes.InvalidBody, problem.Type);
        Assert.Contains(said, problem.Message, StringComparison.Ordinal);
    }
}
