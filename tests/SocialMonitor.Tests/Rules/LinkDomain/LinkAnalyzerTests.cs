using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules.LinkDomain;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Rules.LinkDomain;

public sealed class LinkAnalyzerTests
{
    private static readonly LinkAnalyzer Analyzer = new(PublicSuffixList.Default, ["go.example.org"]);

    [Fact]
    public void Find_TextAndLinks_TextFirstWithOffsetsThenLinks()
    {
        var item = new Item { Id = "1", Text = "See bit.ly/a", Links = ["https://example.org/b"] };

        var found = Analyzer.Find(item);

        Assert.Equal([("bit.ly/a", (int?)4), ("https://example.org/b", null)], found.Select(c => (c.Written, c.Offset)));
    }

    [Fact]
    public void Find_NestedWrappers_UnwrapsEachStep()
    {
        var item = new Item { Id = "1", Text = "https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.google.com%2Furl%3Fq%3Dhttps%253A%252F%252Fwww.irs.gov%252F" };

        var candidate = Assert.Single(Analyzer.Find(item));

        Assert.Equal(["https://www.google.com/url?q=https%3A%2F%2Fwww.irs.gov%2F", "https://www.irs.gov"], candidate.Steps.Select(s => s.Key));
    }

    [Fact]
    public void Find_MoreTcoThanExpandedLinks_LeavesTheRestAsTco()
    {
        var item = new Item { Id = "1", Platform = "x", Text = "https://t.co/a https://t.co/b", Links = ["https://www.irs.gov/x"] };

        var found = Analyzer.Find(item);

        Assert.Equal(["www.irs.gov", "t.co"], found.Select(c => c.Target.Host));
    }

    [Theory]
    [InlineData("bit.ly", true)]
    [InlineData("www.bit.ly", true)]
    [InlineData("t.co", true)]
    [InlineData("go.example.org", true)]
    [InlineData("notbit.ly", false)]
    [InlineData("example.org", false)]
    public void IsShortener_Host_UsesPolicyXAndSetting(string host, bool expected) =>
        Assert.Equal(expected, Analyzer.IsShortener(host, TestPolicy.Default with { Shorteners = ["bit.ly"] }));

    [Fact]
    public void ShortLinks_Item_ListsEachShortLinkOnce() =>
        Assert.Equal(["https://bit.ly/a", "https://go.example.org/x"],
            Analyzer.ShortLinks(new Item { Id = "1", Text = "bit.ly/a https://bit.ly/a/ go.example.org/x irs.gov" }, TestPolicy.Default with { Shorteners = ["bit.ly"] }));
}
