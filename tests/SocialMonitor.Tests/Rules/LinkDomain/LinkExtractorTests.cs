using SocialMonitor.Core.Rules.LinkDomain;

namespace SocialMonitor.Tests.Rules.LinkDomain;

public sealed class LinkExtractorTests
{
    private static readonly LinkExtractor Extractor = LinkExtractor.Default;

    private static string[] Written(string text) => [.. Extractor.Extract(text).Select(l => l.Written)];

    [Fact]
    public void Extract_SchemeUrl_ReturnsLinkWithOffsetAndLength()
    {
        const string text = "Tickets at https://www.eventbrite.com/e/123 today";

        var link = Assert.Single(Extractor.Extract(text));

        Assert.Equal(new FoundLink("https://www.eventbrite.com/e/123", 11, 32), link);
        Assert.Equal(link.Written, text.Substring(link.Offset, link.Length));
    }

    [Theory]
    [InlineData("see http://example.com/a?b=1#c now", "http://example.com/a?b=1#c")]
    [InlineData("HTTPS://WWW.CommunityLibrary.NET/Hours.", "HTTPS://WWW.CommunityLibrary.NET/Hours")]
    [InlineData("link:https://example.com", "https://example.com")]
    [InlineData("https://trusted.gov@other.example/", "https://trusted.gov@other.example/")]
    [InlineData("http://192.168.1.1/admin", "http://192.168.1.1/admin")]
    public void Extract_SchemeUrl_ReturnsIt(string text, string expected) =>
        Assert.Equal([expected], Written(text));

    [Theory]
    [InlineData("Visit www.example.com.", "www.example.com")]
    [InlineData("go to www.uidaho.edu/events, then", "www.uidaho.edu/events")]
    [InlineData("bit.ly/3xYz", "bit.ly/3xYz")]
    [InlineData("See example.com/path?x=1!", "example.com/path?x=1")]
    [InlineData("eventbrite.com", "eventbrite.com")]
    [InlineData("irs.gov.", "irs.gov")]
    [InlineData("localhost.example.com:8080/x", "localhost.example.com:8080/x")]
    [InlineData("medium.com/@someone", "medium.com/@someone")]
    [InlineData("example.com's page", "example.com")]
    public void Extract_WwwAndBareDomains_ReturnsThem(string text, string expected) =>
        Assert.Equal([expected], Written(text));

    [Fact]
    public void Extract_BareDomainInText_ReportsItsOffset()
    {
        var link = Assert.Single(Extractor.Extract("Signups are open now at bit.ly/3xYz"));

        Assert.Equal(new FoundLink("bit.ly/3xYz", 24, 11), link);
    }

    [Theory]
    [InlineData("(see https://example.com/a)", "https://example.com/a")]
    [InlineData("https://en.wikipedia.org/wiki/Idaho_(state))", "https://en.wikipedia.org/wiki/Idaho_(state)")]
    [InlineData("[https://example.com/x]", "https://example.com/x")]
    [InlineData("<https://example.com/x>", "https://example.com/x")]
    [InlineData("\"https://example.com/x\"", "https://example.com/x")]
    [InlineData("“example.com/x”", "example.com/x")]
    [InlineData("'www.example.com',", "www.example.com")]
    [InlineData("(example.com)", "example.com")]
    [InlineData("[text](https://example.com/y)", "https://example.com/y")]
    public void Extract_TrailingPunctuationAndBrackets_AreTrimmed(string text, string expected) =>
        Assert.Equal([expected], Written(text));

    [Theory]
    [InlineData("stream: http://[2001:db8::7]/live, from the porch", "http://[2001:db8::7]/live")]
    [InlineData("read Example.COM and Www.Site.Org", "Example.COM", "Www.Site.Org")]
    [InlineData("try https://%62ooks.example.org/x", "https://%62ooks.example.org/x")]
    public void Extract_IpV6CapitalsAndEncodedHosts_AreLinks(string text, params string[] expected) =>
        Assert.Equal(expected, Written(text));

    [Fact]
    public void Extract_LeadingBracket_OffsetPointsAtLink()
    {
        var link = Assert.Single(Extractor.Extract("x (example.com)"));

        Assert.Equal(new FoundLink("example.com", 3, 11), link);
    }

    [Theory]
    [InlineData("mail info@communitylibrary.net please")]
    [InlineData("@example.com")]
    [InlineData("mailto:someone@example.com")]
    [InlineData("attached report.pdf and image.png")]
    [InlineData("see notes.md or setup.py")]
    [InlineData("Archive.ZIP")]
    [InlineData("Our ASP.NET Core and VB.NET class starts Monday")]
    [InlineData("ADO.NET, Node.js and Vue.js for beginners; bring config.sh")]
    [InlineData("version v1.2.3 and 1.2.3")]
    [InlineData("pi is 3.14, costs $4.50")]
    [InlineData("e.g. this, i.e. that, U.S. a.m. etc.")]
    [InlineData("ftp://example.com/file")]
    [InlineData("Our C# unit covers System.Text.Json and Microsoft.Extensions.Logging")]
    [InlineData("open it with System.IO, then read the bytes")]
    [InlineData("save cargo.json next to lib.rs and Program.cs")]
    [InlineData("the notes.txt, data.csv and flyer.docx are on the share")]
    [InlineData("https:// broken")]
    [InlineData("192.168.1.1")]
    [InlineData("example.-com example..com -example.com.x")]
    [InlineData("")]
    public void Extract_NotLinks_ReturnsNothing(string text) => Assert.Empty(Extractor.Extract(text));

    [Fact]
    public void Extract_SeveralLinks_ReturnsEachInOrder()
    {
        const string text = "Try bit.ly/a and https://example.org/b\nor www.uidaho.edu";

        var links = Extractor.Extract(text);

        Assert.Equal(["bit.ly/a", "https://example.org/b", "www.uidaho.edu"], links.Select(l => l.Written));
        Assert.All(links, l => Assert.Equal(l.Written, text.Substring(l.Offset, l.Length)));
    }

    [Fact]
    public void Extract_FileNameWithPath_IsALink() =>
        Assert.Equal(["example.zip/download"], Written("example.zip/download"));

    [Theory]
    [InlineData("The quiz was hard.Info on the answers comes Friday")]
    [InlineData("Everyone had fun.Us grown-ups too")]
    [InlineData("She earned her Ph.D.in history at 60")]
    [InlineData("Born in the U.S.in 1950, raised here")]
    [InlineData("Tote bags are $12.50.Shop the sale at the desk")]
    public void Extract_SentenceJoinsAndAbbreviations_AreNoLinks(string text) => Assert.Empty(Written(text));

    [Theory]
    [InlineData("Visit Example.Info for more", "Example.Info")]
    [InlineData("try bookclub.Com today", "bookclub.Com")]
    [InlineData("X.com is where they post", "X.com")]
    public void Extract_TitleCaseNamesAndSingleLetterHosts_AreLinks(string text, string expected) => Assert.Equal([expected], Written(text));

    [Theory]
    [InlineData("write to jo.king (at) example.com")]
    [InlineData("mail jo_king [at] example.org today")]
    [InlineData("it's k i m @ example.net")]
    [InlineData("jo.king at example.com is my address")]
    public void Extract_DomainOfAWrittenOutEmail_IsNoLink(string text) => Assert.Empty(Written(text));

    [Theory]
    [InlineData("tickets at example.com", "example.com")]
    [InlineData("see you at example.com/events", "example.com/events")]
    [InlineData("jo.king at www.example.com", "www.example.com")]
    public void Extract_SiteAfterAPlainAt_IsALink(string text, string expected) => Assert.Equal([expected], Written(text));
}
