using System.Text.RegularExpressions;
using Azure;
using Azure.Security.KeyVault.Secrets;

namespace SocialMonitor.Core.Platforms;

/// <summary>
/// <c>Tokens__Source=KeyVault</c>: the token is the Key Vault secret named by the account's <c>token</c> field, read through
/// the <see cref="SecretClient"/> registered in DI (the app's identity, which needs Key Vault Secrets User on the vault: it only reads).
/// Each read takes the secret's current version, so a token rotated in the vault is used from the next scan on.
/// </summary>
public sealed partial class KeyVaultTokenSource(SecretClient client) : ITokenSource
{
    private const string Role = "Key Vault Secrets User";

    [GeneratedRegex("^[0-9A-Za-z-]{1,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    public async Task<string> GetAsync(string name, CancellationToken cancellationToken)
    {
        CheckName(name);
        try
        {
            KeyVaultSecret secret = await client.GetSecretAsync(name, cancellationToken: cancellationToken);
            return string.IsNullOrEmpty(secret.Value)
                ? throw new KeyNotFoundException($"The token '{name}' is empty in Key Vault {client.VaultUri}: set the secret '{name}' to the token.")
                : secret.Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new KeyNotFoundException($"No token named '{name}' in Key Vault {client.VaultUri}: add the secret '{name}' (or recover it, if it was deleted).", e);
        }
        catch (RequestFailedException e) when (e.Status is 401 or 403)
        {
            throw new UnauthorizedAccessException(
                $"Key Vault {client.VaultUri} refused to read the token '{name}' ({e.ErrorCode}): the app's identity needs the role {Role} on the vault, and the secret must be enabled.", e);
        }
    }

    /// <summary>Key Vault names hold letters, digits and '-' only; the accounts file also allows '_', which no vault can hold.</summary>
    private static void CheckName(string name)
    {
        if (!SecretName().IsMatch(name))
        {
            throw new KeyNotFoundException(
                $"No token named '{name}' can be in Key Vault: secret names hold only letters, digits and '-' (at most 127). Rename the token in the accounts file and store the secret under the new name.");
        }
    }
}
