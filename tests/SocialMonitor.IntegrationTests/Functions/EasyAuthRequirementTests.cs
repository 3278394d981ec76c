using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Api;
using SocialMonitor.Functions;

namespace SocialMonitor.IntegrationTests.Functions;

/// <summary>Issue 16, defect 4: the Functions host trusts X-MS-CLIENT-PRINCIPAL only where App Service Authentication runs.</summary>
public sealed class EasyAuthRequirementTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("False")]
    public void ApiOptions_AppServiceAuthenticationWithoutEasyAuth_FailsNamingWebsiteAuthEnabled(string? enabled)
    {
        using var services = Build(enabled);

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ApiOptions>>().Value);

        var failure = Assert.Single(e.Failures);
        Assert.Contains("Api__AuthMode=AppServiceAuthentication", failure, StringComparison.Ordinal);
        Assert.Contains("WEBSITE_AUTH_ENABLED", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void ApiOptions_AppServiceAuthenticationWithEasyAuthEnabled_IsValid()
    {
        using var services = Build("True");

        Assert.Equal(ApiAuthenticator.AppServiceAuthentication, services.GetRequiredService<IOptions<ApiOptions>>().Value.AuthMode);
    }

    private static ServiceProvider Build(string? websiteAuthEnabled)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Api:AuthMode"] = ApiAuthenticator.AppServiceAuthentication,
            ["WEBSITE_AUTH_ENABLED"] = websiteAuthEnabled,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        return services.AddSocialMonitorFunctions(configuration).BuildServiceProvider();
    }
}
