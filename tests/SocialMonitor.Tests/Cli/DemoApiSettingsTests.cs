using Microsoft.Extensions.Configuration;
using SocialMonitor.Cli.Demo;
using SocialMonitor.Core.Api;

namespace SocialMonitor.Tests.Cli;

public sealed class DemoApiSettingsTests
{
    private const string CoordinatorKey = "demo-coordinator-key-0123456789";
    private const string ManagerKey = "demo-manager-key-0123456789";

    [Fact]
    public void Build_ConfiguredApiKeys_KeptWithTheDemosCoordinatorAndManagerKeysAfterThem()
    {
        var demo = Settings(("AzureWebJobsStorage", "UseDevelopmentStorage=true;demo"), ("Mail:Mode", "Files"));
        var configured = Settings(
            ("Api:Keys:0:Key", "athol-manager-key-0123456789"), ("Api:Keys:0:Role", "Manager"), ("Api:Keys:0:Locations", "athol"),
            ("Api:Keys:1:Key", "it-coordinator-key-0123456789"), ("Api:Keys:1:Role", "Coordinator"),
            ("Api:PublicUrl", "http://localhost:7071"),
            ("AzureWebJobsStorage", "the-configured-storage-is-not-the-demos"));

        var settings = DemoApiSettings.Build(demo, configured, CoordinatorKey, ManagerKey);

        var keys = settings.GetSection(ApiOptions.Section).Get<ApiOptions>()!.Keys;
        Assert.Equal(
            [("athol-manager-key-0123456789", "Manager", "athol"), ("it-coordinator-key-0123456789", "Coordinator", ""),
             (CoordinatorKey, "Coordinator", ""), (ManagerKey, "Manager", DemoApiSettings.ManagerLocation)],
            keys.Select(k => (k.Key, k.Role, k.Locations)));
        Assert.Equal("UseDevelopmentStorage=true;demo", settings["AzureWebJobsStorage"]);
        Assert.Equal("Files", settings["Mail:Mode"]);
    }

    [Fact]
    public void Build_NothingConfigured_TheDemosTwoKeysOnly()
    {
        var settings = DemoApiSettings.Build(Settings(), Settings(), CoordinatorKey, ManagerKey);

        var keys = settings.GetSection(ApiOptions.Section).Get<ApiOptions>()!.Keys;
        Assert.Equal([CoordinatorKey, ManagerKey], keys.Select(k => k.Key));
        Assert.Empty(settings.GetSection(ApiOptions.Section).Get<ApiOptions>()!.Validate());
    }

    private static IConfiguration Settings(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();
}
