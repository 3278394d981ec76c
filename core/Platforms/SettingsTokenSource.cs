using Microsoft.Extensions.Options;

namespace SocialMonitor.Core.Platforms;

/// <summary><c>Tokens__Source=Settings</c>: the token is the setting <c>Tokens__&lt;name&gt;</c>, the name matched case-insensitively.</summary>
public sealed class SettingsTokenSource(IOptions<TokenOptions> options) : ITokenSource
{
    public Task<string> GetAsync(string name, CancellationToken cancellationToken) =>
        options.Value.Values.TryGetValue(name, out var token) && !string.IsNullOrEmpty(token)
            ? Task.FromResult(token)
            : throw new KeyNotFoundException($"No token named '{name}': set the setting Tokens__{name}.");
}
