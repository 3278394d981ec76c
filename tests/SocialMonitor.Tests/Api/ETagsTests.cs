using SocialMonitor.Core.Api;

namespace SocialMonitor.Tests.Api;

public sealed class ETagsTests
{
    private const string RowETag = "W/\"datetime'2026-10-15T18%3A00%3A00.0000000Z'\"";

    [Fact]
    public void ToHeader_RowETag_IsAStrongQuotedTagThatReadsBack()
    {
        var header = ETags.ToHeader(RowETag);

        Assert.Matches("^\"[A-Za-z0-9_-]+\"$", header);
        Assert.Equal([RowETag], ETags.FromIfMatch(header));
        Assert.Equal([RowETag], ETags.FromIfMatch("W/" + header));
        Assert.Equal(["other", RowETag], ETags.FromIfMatch($"{ETags.ToHeader("other")}, {header}"));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("no-quotes")]
    [InlineData("\"!!\"")]
    [InlineData("\"")]
    public void FromIfMatch_NotOurs_IsNull(string header) => Assert.Null(ETags.FromIfMatch(header));
}
