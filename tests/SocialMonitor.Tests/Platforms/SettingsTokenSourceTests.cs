using Microsoft.Extensions.Options;
using SocialMonitor.Core.Platforms;

namespace SocialMonitor.Tests.Platforms;

public sealed class SettingsTokenSourceTests
{
    [Fact]
    public async Task GetAsync_SettingWithOtherCase_ReturnsIt()
    {
        var token = await CreateSut().GetAsync("CLN-POSTFALLS-FB-TOKEN", TestContext.Current.CancellationToken);

        Assert.Equal("from-settings", token);
    }

    [Fact]
    public async Task GetAsync_NoSuchSetting_ThrowsNamingTheSetting()
    {
        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => CreateSut().GetAsync("cln-hayden-fb-token", TestContext.Current.CancellationToken));

        Assert.Contains("Tokens__cln-hayden-fb-token", error.Message, StringComparison.Ordinal);
    }

    private static SettingsTokenSource CreateSut()
    {
        var options = new TokenOptions();
        options.Values["cln-postfalls-fb-token"] = "from-settings";
        return new SettingsTokenSource(Options.Create(options));
    }
}
