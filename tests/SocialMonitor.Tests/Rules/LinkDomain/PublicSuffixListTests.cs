using SocialMonitor.Core.Rules.LinkDomain;

namespace SocialMonitor.Tests.Rules.LinkDomain;

public sealed class PublicSuffixListTests
{
    private static readonly PublicSuffixList List = PublicSuffixList.Default;

    [Theory]
    [InlineData("example.com", "example.com")]
    [InlineData("www.example.com", "example.com")]
    [InlineData("a.b.example.com", "example.com")]
    [InlineData("www.example.co.uk", "example.co.uk")]
    [InlineData("example.co.uk", "example.co.uk")]
    [InlineData("WWW.Example.COM", "example.com")]
    [InlineData("events.communitylibrary.net", "communitylibrary.net")]
    [InlineData("communitylibrary.net.evil.com", "evil.com")]
    [InlineData("www.uidaho.edu", "uidaho.edu")]
    [InlineData("irs.gov", "irs.gov")]
    [InlineData("xn--85x722f.xn--55qx5d.cn", "xn--85x722f.xn--55qx5d.cn")]
    [InlineData("www.xn--85x722f.xn--fiqs8s", "xn--85x722f.xn--fiqs8s")]
    public void RegistrableDomain_NormalRules_ReturnsSuffixPlusOneLabel(string host, string expected) =>
        Assert.Equal(expected, List.RegistrableDomain(host));

    [Theory]
    [InlineData("test.ck", null)]
    [InlineData("b.test.ck", "b.test.ck")]
    [InlineData("a.b.test.ck", "b.test.ck")]
    [InlineData("c.kobe.jp", null)]
    [InlineData("b.c.kobe.jp", "b.c.kobe.jp")]
    [InlineData("a.b.c.kobe.jp", "b.c.kobe.jp")]
    public void RegistrableDomain_WildcardRule_CountsTheWildcardLabel(string host, string? expected) =>
        Assert.Equal(expected, List.RegistrableDomain(host));

    [Theory]
    [InlineData("www.ck", "www.ck")]
    [InlineData("www.www.ck", "www.ck")]
    [InlineData("city.kobe.jp", "city.kobe.jp")]
    [InlineData("www.city.kobe.jp", "city.kobe.jp")]
    public void RegistrableDomain_ExceptionRule_PrevailsOverWildcard(string host, string expected) =>
        Assert.Equal(expected, List.RegistrableDomain(host));

    [Theory]
    [InlineData("github.io", null)]
    [InlineData("communitylibrary.github.io", "communitylibrary.github.io")]
    [InlineData("www.communitylibrary.github.io", "communitylibrary.github.io")]
    [InlineData("uk.com", null)]
    [InlineData("example.uk.com", "example.uk.com")]
    public void RegistrableDomain_PrivateSection_IsAPublicSuffix(string host, string? expected) =>
        Assert.Equal(expected, List.RegistrableDomain(host));

    [Theory]
    [InlineData("example.unknowntld", "example.unknowntld")]
    [InlineData("b.example.unknowntld", "example.unknowntld")]
    [InlineData("other.example", "other.example")]
    public void RegistrableDomain_UnknownTopLevelDomain_UsesDefaultRule(string host, string expected) =>
        Assert.Equal(expected, List.RegistrableDomain(host));

    [Theory]
    [InlineData("com")]
    [InlineData("co.uk")]
    [InlineData("unknowntld")]
    [InlineData("xn--55qx5d.cn")]
    public void RegistrableDomain_BarePublicSuffix_ReturnsNull(string host) =>
        Assert.Null(List.RegistrableDomain(host));

    [Theory]
    [InlineData("192.168.1.1")]
    [InlineData("10.0.0.1")]
    [InlineData("::1")]
    [InlineData("[2001:db8::1]")]
    public void RegistrableDomain_IpAddress_ReturnsNull(string host) =>
        Assert.Null(List.RegistrableDomain(host));

    [Theory]
    [InlineData("")]
    [InlineData(".example.com")]
    [InlineData("example.com.")]
    [InlineData("example..com")]
    [InlineData("exa mple.com")]
    [InlineData("user@example.com")]
    [InlineData("bücher.de")]
    public void RegistrableDomain_InvalidHost_ReturnsNull(string host) =>
        Assert.Null(List.RegistrableDomain(host));

    [Theory]
    [InlineData("www.example.co.uk", "co.uk")]
    [InlineData("example.com", "com")]
    [InlineData("com", "com")]
    [InlineData("a.b.test.ck", "test.ck")]
    [InlineData("www.ck", "ck")]
    [InlineData("foo.bar.unknowntld", "unknowntld")]
    [InlineData("user.github.io", "github.io")]
    public void PublicSuffix_Host_ReturnsLongestMatchingRule(string host, string expected) =>
        Assert.Equal(expected, List.PublicSuffix(host));

    [Fact]
    public void PublicSuffix_IpAddress_ReturnsNull() => Assert.Null(List.PublicSuffix("127.0.0.1"));

    [Theory]
    [InlineData("com", true)]
    [InlineData("COM", true)]
    [InlineData("ly", true)]
    [InlineData("xn--p1ai", true)]
    [InlineData("pdf", false)]
    [InlineData("png", false)]
    [InlineData("g", false)]
    [InlineData("", false)]
    public void IsTopLevelDomain_Label_MatchesTheList(string label, bool expected) =>
        Assert.Equal(expected, List.IsTopLevelDomain(label));

    [Fact]
    public void Default_ReadTwice_IsTheSameLoadedInstance()
    {
        Assert.Same(PublicSuffixList.Default, PublicSuffixList.Default);
        Assert.True(PublicSuffixList.Default.Count > 9000);
    }

    [Fact]
    public void Parse_UnicodeAndCommentLines_MapsRulesToPunycode()
    {
        var list = PublicSuffixList.Parse(new StringReader("// comment\n\ncom\n公司.cn\n*.example\n!keep.example\n"));

        Assert.Equal(4, list.Count);
        Assert.Equal("xn--85x722f.xn--55qx5d.cn", list.RegistrableDomain("www.xn--85x722f.xn--55qx5d.cn"));
        Assert.Null(list.RegistrableDomain("other.example"));
        Assert.Equal("keep.example", list.RegistrableDomain("www.keep.example"));
    }
}
