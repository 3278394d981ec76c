using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SocialMonitor.Local.Platforms;

/// <summary>
/// An OAuth 2.0 token endpoint on the loopback host (Google's <c>oauth2.googleapis.com/token</c>, LinkedIn's
/// <c>/oauth/v2/accessToken</c>), speaking RFC 6749 §6 as they do: a form POST of <c>grant_type=refresh_token</c>,
/// <c>refresh_token</c>, <c>client_id</c>, <c>client_secret</c>; answered <c>{"access_token","expires_in","scope","token_type"}</c>
/// (with <see cref="RefreshTokenExpiresIn"/> set, LinkedIn's <c>refresh_token</c> and <c>refresh_token_expires_in</c> too),
/// or 400 <c>{"error":"invalid_grant"}</c> for an unknown or revoked refresh token and 401 <c>invalid_client</c> for a wrong
/// client. <see cref="Grants"/> maps each accepted refresh token to the access token it gives.
/// </summary>
public sealed class OAuthTokenEndpoint(string name, string path, string clientId, string clientSecret) : LoopbackPlatform(name)
{
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _exchanges = new();

    /// <summary>Accepted refresh tokens and the access token each one is exchanged for.</summary>
    public ConcurrentDictionary<string, string> Grants { get; } = new(StringComparer.Ordinal);

    /// <summary>The access token's lifetime in seconds (Google's 3599).</summary>
    public long ExpiresIn { get; set; } = 3599;

    /// <summary>LinkedIn: the refresh token's remaining seconds; null leaves the field out (Google).</summary>
    public long? RefreshTokenExpiresIn { get; set; }

    public string Scope { get; set; } = "";

    /// <summary>The token endpoint's full URL once mounted.</summary>
    public string TokenUrl => $"{BaseUrl}/{path.Trim('/')}";

    /// <summary>The form of every exchange, in arrival order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Exchanges => [.. _exchanges];

    protected override void MapRoutes(PlatformRouteTable routes) => routes.Add("POST", path.Trim('/'), Exchange, needsToken: false);

    protected override string? TokenOf(HttpRequest request) => null;

    protected override bool Accepts(string token) => false;

    protected override LoopbackAnswer Refuse(LoopbackFailure failure, HttpRequest request) =>
        Error(failure == LoopbackFailure.WrongMethod ? 405 : 404, "invalid_request", $"{request.Method} {request.Path} is not the token endpoint");

    private LoopbackAnswer Exchange(RouteRequest request)
    {
        if (!request.Http.HasFormContentType)
        {
            return Error(400, "invalid_request", "The token request must be application/x-www-form-urlencoded");
        }
        // The handler is synchronous; the form is small and already on its way.
        var form = request.Http.ReadFormAsync().GetAwaiter().GetResult().ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        _exchanges.Enqueue(form);
        if (form.GetValueOrDefault("grant_type") != "refresh_token")
        {
            return Error(400, "unsupported_grant_type", "Only refresh_token is supported here");
        }
        if (form.GetValueOrDefault("client_id") != clientId || form.GetValueOrDefault("client_secret") != clientSecret)
        {
            return Error(401, "invalid_client", "The OAuth client was not found.");
        }
        if (form.GetValueOrDefault("refresh_token") is not { Length: > 0 } refresh || !Grants.TryGetValue(refresh, out var access))
        {
            return Error(400, "invalid_grant", "Token has been expired or revoked.");
        }
        var answer = new JsonObject { ["access_token"] = access, ["expires_in"] = ExpiresIn, ["scope"] = Scope, ["token_type"] = "Bearer" };
        if (RefreshTokenExpiresIn is { } ends)
        {
            answer["refresh_token"] = refresh;
            answer["refresh_token_expires_in"] = ends;
        }
        return LoopbackAnswer.Json(200, answer);
    }

    private static LoopbackAnswer Error(int status, string error, string description) =>
        LoopbackAnswer.Json(status, new JsonObject { ["error"] = error, ["error_description"] = description });
}
