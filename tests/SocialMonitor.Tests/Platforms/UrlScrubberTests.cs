using SocialMonitor.Core.Platforms;

namespace SocialMonitor.Tests.Platforms;

public sealed class UrlScrubberTests
{
    [Theory]
    [InlineData("https://graph.facebook.com/v25.0/1/feed?access_token=EAAB123&after=xyz", "https://graph.facebook.com/v25.0/1/feed?access_token=***&after=xyz")]
    [InlineData("GET /debug_token?input_token=EAAB&access_token=app|secret", "GET /debug_token?input_token=***&access_token=***")]
    [InlineData("https://x/?limit=5&ACCESS_TOKEN=abc#frag", "https://x/?limit=5&ACCESS_TOKEN=***#frag")]
    [InlineData("no secrets here", "no secrets here")]
    public void Scrub_SecretParameters_AreMasked(string input, string expected) => Assert.Equal(expected, UrlScrubber.Scrub(input));
}
