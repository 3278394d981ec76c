using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Tests.Storage;

public sealed class BoundContinuationTokenTests
{
    [Fact]
    public void Read_TokenOfTheSameQuery_IsThePosition()
    {
        var token = BoundContinuationToken.Write(new Dictionary<string, string> { ["hayden"] = "0001_a" }, "q1");

        Assert.Equal("0001_a", BoundContinuationToken.Read<Dictionary<string, string>>(token, "q1")!["hayden"]);
        Assert.Null(BoundContinuationToken.Read<string>(null, "q1"));
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("e30")]
    [InlineData("eyJRIjoicTEiLCJQIjpudWxsfQ")]
    public void Read_Garbage_IsRefused(string token) =>
        Assert.Throws<InvalidContinuationTokenException>(() => BoundContinuationToken.Read<string>(token, "q1"));

    [Fact]
    public void Read_TokenOfAnotherQuery_IsRefused() =>
        Assert.Throws<InvalidContinuationTokenException>(() => BoundContinuationToken.Read<string>(BoundContinuationToken.Write("x", "q1"), "q2"));
}
