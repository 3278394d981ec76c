using SocialMonitor.Core.Findings;

namespace SocialMonitor.Tests.Findings;

public sealed class FindingIdsTests
{
    [Fact]
    public void For_SameInputs_SameId()
    {
        Assert.Equal(
            FindingIds.For("facebook", "1_2", "link-domain.unapproved", "https://bit.ly/x"),
            FindingIds.For("facebook", "1_2", "link-domain.unapproved", "https://bit.ly/x"));
    }

    [Theory]
    [InlineData("instagram", "1_2", "link-domain.unapproved", "https://bit.ly/x")]
    [InlineData("facebook", "1_3", "link-domain.unapproved", "https://bit.ly/x")]
    [InlineData("facebook", "1_2", "conduct.profanity", "https://bit.ly/x")]
    [InlineData("facebook", "1_2", "link-domain.unapproved", "https://bit.ly/y")]
    [InlineData("facebook1", "_2", "link-domain.unapproved", "https://bit.ly/x")]
    public void For_AnyPartDiffers_DifferentId(string platform, string item, string rule, string key)
    {
        Assert.NotEqual(FindingIds.For("facebook", "1_2", "link-domain.unapproved", "https://bit.ly/x"), FindingIds.For(platform, item, rule, key));
    }
}
