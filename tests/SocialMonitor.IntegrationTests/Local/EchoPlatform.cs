using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SocialMonitor.Local;

namespace SocialMonitor.IntegrationTests.Local;

/// <summary>
/// A platform made up for the host's tests: each route answers which platform and template it is with the values it
/// captured; a bearer token, <c>secret-{name}</c> accepted; refusals as <c>{"failure":"…"}</c> (404 no route, 405 wrong
/// method, 401 no token, 403 wrong token).
/// </summary>
internal sealed class EchoPlatform(string name) : LoopbackPlatform(name)
{
    public string Token => "secret-" + Name;

    protected override void MapRoutes(PlatformRouteTable routes) => routes
        .Get("items/{id}", r => Echo(r, "items/{id}", r["id"]))
        .Get("items/special", r => Echo(r, "items/special", null))
        .Get("public/{id}", r => Echo(r, "public/{id}", r["id"]), needsToken: false);

    protected override string? TokenOf(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;

    protected override bool Accepts(string token) => token == Token;

    protected override LoopbackAnswer Refuse(LoopbackFailure failure, HttpRequest request) =>
        LoopbackAnswer.Json(failure switch
        {
            LoopbackFailure.NoRoute => 404,
            LoopbackFailure.WrongMethod => 405,
            LoopbackFailure.NoToken => 401,
            _ => 403,
        }, new JsonObject { ["failure"] = failure.ToString() });

    private LoopbackAnswer Echo(RouteRequest request, string template, string? id) =>
        LoopbackAnswer.Json(200, new JsonObject { ["platform"] = Name, ["template"] = template, ["id"] = id, ["token"] = request.Token });
}
