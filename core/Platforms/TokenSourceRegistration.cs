using Azure.Core;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SocialMonitor.Core.Platforms;

public static class TokenSourceRegistration
{
    /// <summary>
    /// The <see cref="ITokenSource"/> that <c>Tokens__Source</c> names. For <c>KeyVault</c>, a <see cref="SecretClient"/> for
    /// <c>KeyVault__Uri</c> built with the <see cref="TokenCredential"/> in DI; tests register their own
    /// <see cref="SecretClientOptions"/> (a transport that never leaves the process) or <see cref="SecretClient"/> first.
    /// </summary>
    public static IServiceCollection AddTokenSource(this IServiceCollection services)
    {
        services.AddOptions<KeyVaultOptions>().Validate<IOptions<TokenOptions>>(
            (vault, tokens) => !UsesKeyVault(tokens.Value) || !string.IsNullOrWhiteSpace(vault.Uri),
            "Setting KeyVault__Uri is required when Tokens__Source is KeyVault: give the vault's URI (https://<vault>.vault.azure.net/).");
        services.TryAddSingleton(new SecretClientOptions());
        services.TryAddSingleton(provider => new SecretClient(
            new Uri(provider.GetRequiredService<IOptions<KeyVaultOptions>>().Value.Uri!),
            provider.GetRequiredService<TokenCredential>(),
            provider.GetRequiredService<SecretClientOptions>()));
        services.TryAddSingleton<SettingsTokenSource>();
        services.TryAddSingleton<KeyVaultTokenSource>();
        services.TryAddSingleton<ITokenSource>(provider => UsesKeyVault(provider.GetRequiredService<IOptions<TokenOptions>>().Value)
            ? provider.GetRequiredService<KeyVaultTokenSource>()
            : provider.GetRequiredService<SettingsTokenSource>());
        return services;
    }

    private static bool UsesKeyVault(TokenOptions tokens) => string.Equals(tokens.Source, "KeyVault", StringComparison.OrdinalIgnoreCase);
}
