using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Hosting;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Tests.Hosting;

public sealed class SettingsTests
{
    [Theory]
    [InlineData("Scan:BackfillDays", "0", "Scan__BackfillDays")]
    [InlineData("Scan:BackfillDays", "fourteen", "Scan__BackfillDays")]
    [InlineData("Scan:MaxWaitSeconds", "-5", "Scan__MaxWaitSeconds")]
    [InlineData("ScanSchedule", "*/15 * * * *", "ScanSchedule")]
    [InlineData("DigestSchedule", "every hour", "DigestSchedule")]
    [InlineData("AzureWebJobsStorage", "", "AzureWebJobsStorage")]
    [InlineData("AzureWebJobsStorage:accountName", "Not_A_Name", "AzureWebJobsStorage__accountName")]
    [InlineData("Platforms:Facebook:BaseUrl", "graph.facebook.com", "Platforms__Facebook__BaseUrl")]
    [InlineData("Tokens:Source", "Vault", "Tokens__Source")]
    [InlineData("Mail:Mode", "Smtp", "Mail__Mode")]
    [InlineData("Mail:From", "not an address", "Mail__From")]
    [InlineData("Mail:SendingTimeoutMinutes", "0", "Mail__SendingTimeoutMinutes")]
    [InlineData("Mail:SendingTimeoutMinutes", "soon", "Mail__SendingTimeoutMinutes")]
    [InlineData("Mail:BundleSeconds", "-1", "Mail__BundleSeconds")]
    [InlineData("Mail:BundleSeconds", "601", "Mail__BundleSeconds")]
    [InlineData("Graph:BaseUrl", "ftp://graph", "Graph__BaseUrl")]
    [InlineData("Api:AuthMode", "Basic", "Api__AuthMode")]
    [InlineData("Api:Keys:0:Key", "<a long random key for the coordinator>", "Api__Keys__0__Key")]
    [InlineData("Api:Keys:0:Owner", "api key 0", "Api__Keys__0__Owner")]
    [InlineData("Api:PublicUrl", "localhost", "Api__PublicUrl")]
    [InlineData("KeyVault:Uri", "http://vault", "KeyVault__Uri")]
    [InlineData("ContentSafety:Endpoint", "cln-safety.cognitiveservices.azure.com", "ContentSafety__Endpoint")]
    [InlineData("ContentSafety:Endpoint", "http://cln-safety.cognitiveservices.azure.com/", "ContentSafety__Endpoint")]
    [InlineData("ContentSafety:Endpoint", "https://cln-safety.cognitiveservices.azure.com/contentsafety/text:analyze", "ContentSafety__Endpoint")]
    [InlineData("ContentSafety:MinSeverity", "3", "ContentSafety__MinSeverity")]
    [InlineData("ContentSafety:MinSeverity", "high", "ContentSafety__MinSeverity")]
    public async Task StartAsync_BadSetting_StopsWithItsName(string key, string value, string settingName)
    {
        using var host = CreateHost(new() { [key] = value, ["Api:Keys:0:Role"] = "Coordinator" });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(TestContext.Current.CancellationToken));

        var message = error is OptionsValidationException validation ? string.Join(" ", validation.Failures) : error.Message;
        Assert.Contains(settingName, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_NoSettings_StartsOnLocalDefaults()
    {
        using var host = CreateHost([]);

        await host.StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal(14, host.Services.GetRequiredService<IOptions<ScanOptions>>().Value.BackfillDays);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Options_OneBadSetting_FailsOnlyTheOptionsThatUseIt()
    {
        using var host = CreateHost(new() { ["Mail:Mode"] = "Smtp" });

        Assert.Equal(30, host.Services.GetRequiredService<IOptions<ScanOptions>>().Value.CommentWindowDays);
        Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<Core.Notifications.MailOptions>>().Value);
    }

    private static IHost CreateHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSocialMonitor(builder.Configuration);
        return builder.Build();
    }
}
