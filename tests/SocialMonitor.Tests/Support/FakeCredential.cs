using Azure.Core;

namespace SocialMonitor.Tests.Support;

/// <summary>A credential that hands out one fixed access token, and remembers the scopes it was asked for.</summary>
internal sealed class FakeCredential : TokenCredential
{
    public const string Token = "fake-access-token";

    public List<string> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (Scopes)
        {
            Scopes.AddRange(requestContext.Scopes);
        }
        return new AccessToken(Token, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
