using SocialMonitor.Core.Storage;

namespace SocialMonitor.Tests.Storage;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData("104_200", "104_200")]
    [InlineData("urn:li:share/7", "urn:li:share%2F7")]
    [InlineData("a#b?c\\d", "a%23b%3Fc%5Cd")]
    [InlineData("50%", "50%25")]
    [InlineData("tab\there", "tab%09here")]
    public void Escape_ForbiddenCharacters_AreEncoded(string id, string key) => Assert.Equal(key, TableKeys.Escape(id));
}
