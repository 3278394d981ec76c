using SocialMonitor.Core.Rules.LinkDomain;

namespace SocialMonitor.Tests.Rules.LinkDomain;

public sealed class WebAddressTests
{
    [Theory]
    [InlineData("bit.ly/3xYz", "https://bit.ly/3xYz")]
    [InlineData("HTTPS://WWW.CommunityLibrary.NET/Hours", "https://www.communitylibrary.net/Hours")]
    [InlineData("http://example.com:80/", "http://example.com")]
    [InlineData("https://example.com:443/a/", "https://example.com/a")]
    [InlineData("https://example.com:8443/a?b=1#frag", "https://example.com:8443/a?b=1")]
    [InlineData("//example.com/x", "https://example.com/x")]
    [InlineData("https:\\\\example.com\\x", "https://example.com/x")]
    [InlineData("https://example.com/a/./b/../c", "https://example.com/a/c")]
    [InlineData("https://example.com/a/%2e%2e/b", "https://example.com/b")]
    [InlineData("https://communitylibrary.net./events", "https://communitylibrary.net/events")]
    [InlineData("https://communitylibrary%2Enet/events", "https://communitylibrary.net/events")]
    [InlineData("https://bücherei.de", "https://xn--bcherei-n2a.de")]
    [InlineData("https://ｅｘａｍｐｌｅ.com", "https://example.com")]
    [InlineData("http://3232235777/x", "http://192.168.1.1/x")]
    [InlineData("http://0x7f.1/", "http://127.0.0.1")]
    [InlineData("http://[::1]:8080/", "http://[::1]:8080")]
    [InlineData("https://example.com?", "https://example.com")]
    public void Parse_Written_GivesTheKeyABrowserWouldVisit(string written, string expectedKey) =>
        Assert.Equal(expectedKey, WebAddress.Parse(written)!.Key);

    [Theory]
    [InlineData("https://trusted.gov@other.example/", "trusted.gov", "other.example")]
    [InlineData("https://a@b@evil.com/", "a@b", "evil.com")]
    [InlineData("https://user:pass@communitylibrary.net", "user:pass", "communitylibrary.net")]
    [InlineData("https://evil.com\\@communitylibrary.net", null, "evil.com")]
    [InlineData("https://communitylibrary.net/@evil.com", null, "communitylibrary.net")]
    [InlineData("https://communitylibrary.net#@evil.com", null, "communitylibrary.net")]
    [InlineData("https://communitylibrary.net?@evil.com", null, "communitylibrary.net")]
    public void Parse_UserInfo_EndsAtTheLastAtBeforeThePath(string written, string? userInfo, string host)
    {
        var address = WebAddress.Parse(written)!;

        Assert.Equal(userInfo, address.UserInfo);
        Assert.Equal(host, address.Host);
    }

    [Theory]
    [InlineData("mailto:someone@example.com")]
    [InlineData("tel:+12085550140")]
    [InlineData("ftp://example.com/file")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://")]
    [InlineData("https://exa mple.com")]
    [InlineData("https://example.com:99999/")]
    [InlineData("https://example.com:abc/")]
    [InlineData("http://10.0.19045.3930/")]
    [InlineData("https://[::1/")]
    [InlineData("https://ex%ample.com")]
    public void Parse_NotAWebAddress_ReturnsNull(string written) => Assert.Null(WebAddress.Parse(written));

    [Fact]
    public void QueryValue_EncodedParameter_IsDecodedAsAFormValue()
    {
        var address = WebAddress.Parse("https://l.facebook.com/l.php?h=x&u=https%3A%2F%2Fexample.com%2Fa%3Fb%3D1+2")!;

        Assert.Equal("https://example.com/a?b=1 2", address.QueryValue("u"));
        Assert.Null(address.QueryValue("q"));
    }

    [Fact]
    public void UnicodeHost_Punycode_IsShownInUnicode() =>
        Assert.Equal("cοmmunitylibrary.net", WebAddress.Parse("https://xn--cmmunitylibrary-63k.net")!.UnicodeHost());
}
