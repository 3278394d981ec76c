using Azure.Core;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Hosting;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Platforms;

public sealed class TokenSourceRegistrationTests
{
    [Fact]
    public async Task AddSocialMonitor_TokensSourceKeyVault_ReadsTheVaultWithTheCredentialInDi()
    {
        using var vault = new FakeKeyVault();
        vault.Seed("cln-postfalls-fb-token", "from-the-vault");
        var credential = new FakeCredential();
        using var host = CreateHost(
            new() { ["Tokens:Source"] = "KeyVault", ["KeyVault:Uri"] = FakeKeyVault.VaultUri.ToString() },
            services => services.AddSingleton<TokenCredential>(credential).AddSingleton(vault.Options()));

        var source = host.Services.GetRequiredService<ITokenSource>();

        Assert.IsType<KeyVaultTokenSource>(source);
        Assert.Equal("from-the-vault", await source.GetAsync("cln-postfalls-fb-token", TestContext.Current.CancellationToken));
        Assert.Equal(FakeKeyVault.VaultUri, host.Services.GetRequiredService<SecretClient>().VaultUri);
        Assert.Contains(FakeCredential.Token, vault.BearerTokens);
    }

    [Fact]
    public void AddSocialMonitor_NoTokensSource_UsesTheSettings()
    {
        using var host = CreateHost(new() { ["Tokens:cln-postfalls-fb-token"] = "from-settings" }, _ => { });

        Assert.IsType<SettingsTokenSource>(host.Services.GetRequiredService<ITokenSource>());
    }

    [Fact]
    public async Task StartAsync_KeyVaultWithoutUri_StopsNamingKeyVaultUri()
    {
        using var host = CreateHost(new() { ["Tokens:Source"] = "KeyVault" }, _ => { });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("KeyVault__Uri", string.Join(" ", error.Failures), StringComparison.Ordinal);
    }

    private static IHost CreateHost(Dictionary<string, string?> settings, Action<IServiceCollection> services)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        services(builder.Services);
        builder.Services.AddSocialMonitor(builder.Configuration);
        return builder.Build();
    }
}
