namespace SocialMonitor.Core.Platforms;

/// <summary>Where platform tokens come from (<c>Tokens__Source</c>): app settings locally, Key Vault in Azure.</summary>
public interface ITokenSource
{
    /// <summary>The token named <paramref name="name"/>; throws <see cref="KeyNotFoundException"/> naming it (never its value) when absent.</summary>
    Task<string> GetAsync(string name, CancellationToken cancellationToken);
}
