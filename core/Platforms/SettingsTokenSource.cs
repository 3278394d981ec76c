using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocialMonitor.Core.Platforms;

/// <summary>
/// <c>Tokens__Source=Settings</c>: the token is the setting <c>Tokens__&lt;name&gt;</c>, the name matched case-insensitively.
/// App settings cannot be written, so a refreshed token is kept in memory until the process ends.
/// </summary>
public sealed class SettingsTokenSource(IOptions<TokenOptions> options, ILogger<SettingsTokenSource> logger) : ITokenSource
{
    private readonly ConcurrentDictionary<string, string> _refreshed = new(StringComparer.OrdinalIgnoreCase);

    public Task<string> GetAsync(string name, CancellationToken cancellationToken) =>
        _refreshed.TryGetValue(name, out var refreshed) ? Task.FromResult(refreshed)
        : options.Value.Values.TryGetValue(name, out var token) && !string.IsNullOrEmpty(token)
            ? Task.FromResult(token)
            : throw new KeyNotFoundException($"No token named '{name}': set the setting Tokens__{name}.");

    public Task SetAsync(string name, string token, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        _refreshed[name] = token;
        logger.LogWarning("Token {Name} was refreshed and is kept in memory only: put the new token in its setting Tokens__<name> before the app restarts", name);
        return Task.CompletedTask;
    }
}
