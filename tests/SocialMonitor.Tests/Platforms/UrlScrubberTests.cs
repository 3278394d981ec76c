using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Platforms.Facebook;

namespace SocialMonitor.Tests.Platforms;

public sealed class UrlScrubberTests
{
    [Theory]
    [InlineData("https://graph.facebook.com/v25.0/1/feed?access_token=EAAB123&after=xyz", "https://graph.facebook.com/v25.0/1/feed?access_token=***&after=xyz")]
    [InlineData("GET /debug_token?input_token=EAAB&access_token=app|secret", "GET /debug_token?input_token=***&access_token=***")]
    [InlineData("https://x/?limit=5&ACCESS_TOKEN=abc#frag", "https://x/?limit=5&ACCESS_TOKEN=***#frag")]
    [InlineData("https://graph.facebook.com/v25.0/1?appsecret_proof=9f8e7d&fields=id", "https://graph.facebook.com/v25.0/1?appsecret_proof=***&fields=id")]
    [InlineData("no secrets here", "no secrets here")]
    public void Scrub_FacebookSecretParameters_AreMasked(string input, string expected) => Assert.Equal(expected, FacebookClient.Secrets.Scrub(input));

    [Theory]
    [InlineData("https://www.googleapis.com/youtube/v3/videos?part=snippet&key=AIzaSyTestKey1&id=abc", "https://www.googleapis.com/youtube/v3/videos?part=snippet&key=***&id=abc")]
    [InlineData("https://www.googleapis.com/youtube/v3/videos?KEY=AIzaSyTestKey1", "https://www.googleapis.com/youtube/v3/videos?KEY=***")]
    [InlineData("https://www.googleapis.com/youtube/v3/videos?monkey=banana", "https://www.googleapis.com/youtube/v3/videos?monkey=banana")]
    [InlineData("""{"next":"https://api.example/v?page=2\u0026key=AIzaSyTestKey1\u0026x=1"}""", """{"next":"https://api.example/v?page=2\u0026key=***\u0026x=1"}""")]
    public void Scrub_AnotherPlatformsDeclaredParameter_IsMasked(string input, string expected) =>
        Assert.Equal(expected, new PlatformSecrets(["key"], []).Scrub(input));

    [Fact]
    public void Scrub_DeclaredParameters_ReachTheSharedScrubberAndBearerCredentialsAreMasked()
    {
        _ = new PlatformSecrets(["x_test_secret"], ["Authorization"]);

        Assert.Equal("GET https://api.example/2?x_test_secret=*** with Authorization: Bearer ***",
            UrlScrubber.Scrub("GET https://api.example/2?x_test_secret=s3cr3t with Authorization: Bearer AAAAabc.def-123"));
    }

    [Fact]
    public void Redact_ValuesAnywhere_AreRemovedLiterallyAndEscaped()
    {
        var secrets = new PlatformSecrets(["key"], []);

        Assert.Equal("body *** and *** and &key=***", secrets.Redact("body tok/en+1 and tok%2Fen%2B1 and &key=abc", "tok/en+1"));
    }
}
