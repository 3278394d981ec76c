namespace SocialMonitor.Core.Platforms;

/// <summary>Where platform tokens come from (<c>Tokens__Source</c>): app settings locally, Key Vault in Azure.</summary>
public interface ITokenSource
{
    /// <summary>The token named <paramref name="name"/>; throws <see cref="KeyNotFoundException"/> naming it (never its value) when absent.</summary>
    Task<string> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a refreshed token under <paramref name="name"/>, so the next <see cref="GetAsync"/> returns it. Writing the
    /// same token twice (a retried refresh) is harmless. Errors name the token, never its value.
    /// </summary>
    Task SetAsync(string name, string token, CancellationToken cancellationToken);
}
