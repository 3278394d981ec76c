namespace SocialMonitor.Core.Platforms;

/// <summary>
/// Where platform tokens come from (<c>Tokens__Source</c>): app settings locally, Key Vault in Azure. The app only reads
/// them: a person puts a new token in the setting or the vault (the app's identity holds Key Vault Secrets User).
/// </summary>
public interface ITokenSource
{
    /// <summary>The token named <paramref name="name"/>; throws <see cref="KeyNotFoundException"/> naming it (never its value) when absent.</summary>
    Task<string> GetAsync(string name, CancellationToken cancellationToken);
}
