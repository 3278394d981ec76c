using SocialMonitor.Core.Rules.LinkDomain;

namespace SocialMonitor.Tests.Rules.LinkDomain;

public sealed class ConfusablesTests
{
    [Theory]
    [InlineData("communitylibrary.net")]
    [InlineData("c\u03bfmmunitylibrary.net")]
    [InlineData("\u0441ommunitylibr\u0430ry.net")]
    [InlineData("cornmunitylibrary.net")]
    [InlineData("communityl\u0456brary.net")]
    [InlineData("c\u00f6mmunitylibrary.net")]
    [InlineData("c0mmunity1ibrary.net")]
    public void Skeleton_LookAlike_IsTheLatinName(string name) =>
        Assert.Equal("communitylibrary.net", Confusables.Skeleton(name));

    [Theory]
    [InlineData("mycommunitylibrary.net")]
    [InlineData("communitylibary.net")]
    [InlineData("community-library.net")]
    public void Skeleton_DifferentName_IsDifferent(string name) =>
        Assert.NotEqual("communitylibrary.net", Confusables.Skeleton(name));
}
