using SocialMonitor.Cli.Check;
using SocialMonitor.Core.Rules;

namespace SocialMonitor.Tests.Cli;

public sealed class CheckInputTests
{
    [Fact]
    public void Parse_IdAndTextOnly_IsAGuestCommentOnAnUnknownPlatform()
    {
        var (item, problem) = CheckInput.Parse("""{"id":"c1","text":"hello"}""");

        Assert.Null(problem);
        Assert.Equal(("c1", "hello", "guest", "comment", "unknown"), (item!.Id, item.Text, item.Origin, item.Kind, item.Platform));
    }

    [Fact]
    public void Parse_FullItem_KeepsEveryField()
    {
        var (item, _) = CheckInput.Parse("""{"id":"1_2","platform":"x","account":"cln-hayden-x","kind":"post","origin":"official","text":"t","links":["https://irs.gov"],"media":[],"createdAt":"2026-10-02T15:04:05Z","hidden":false,"permalink":null,"extra":1}""");

        Assert.Equal(("x", "official", "https://irs.gov"), (item!.Platform, item.Origin, item.Links[0]));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("""{"text":"x"}""", "\"id\" is missing")]
    [InlineData("""{"id":"","text":"x"}""", "\"id\" is missing")]
    [InlineData("""{"id":"1","txt":"x"}""", "\"text\" is missing")]
    [InlineData("""{"id":"1","text":5}""", "\"text\" is missing or is not a string")]
    [InlineData("""{"id":"1","text":"x","links":"https://a.org"}""", "$.links")]
    [InlineData("""{"id":"1","text":"x","origin":"staff"}""", "\"origin\" must be official or guest")]
    [InlineData("""{"id":"1","text":"x","media":[null]}""", "$.media[0]: must be an object, not null")]
    [InlineData("""{"id":"1","text":"x","media":[{"url":"https://a.org/p.jpg"}]}""", "$.media[0].type: is missing")]
    [InlineData("""{"id":"1","text":"x","links":["https://a.org",null]}""", "$.links[1]: must be a string, not null")]
    [InlineData("""{"id":"1","text":"x","facts":{"phone":null}}""", "$.facts.phone: must be a string, not null")]
    public void Parse_BadLine_SaysWhy(string line, string expected)
    {
        var (item, problem) = CheckInput.Parse(line);

        Assert.Null(item);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Span_DetectionInText_MarksTheSpanWithContext()
    {
        var detection = new Detection("link-domain.shortener", "medium", "c", "bit.ly/x", "https://bit.ly/x", "e") { Offset = 41, Length = 8 };

        Assert.Equal("…everyone, sign up here: »bit.ly/x« now", CheckReport.Span("Free tickets for everyone,\nsign up here: bit.ly/x now", detection));
    }

    [Fact]
    public void Span_DetectionFromLinks_ShowsTheLinkAsWritten()
    {
        var detection = new Detection("link-domain.unapproved", "medium", "c", "https://a.org/x, which leads to https://b.org/y", "https://b.org/y", "e");

        Assert.Equal("»https://a.org/x«", CheckReport.Span("", detection));
    }
}
