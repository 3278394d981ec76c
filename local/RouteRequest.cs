using Microsoft.AspNetCore.Http;

namespace SocialMonitor.Local;

/// <summary>A request as a route sees it: the HTTP request, the values its template captured, the token it was let in with.</summary>
public sealed class RouteRequest(HttpRequest http, IReadOnlyDictionary<string, string> values, string? token)
{
    public HttpRequest Http => http;

    /// <summary>The token the request carried (null on a route that needs none and got none).</summary>
    public string? Token => token;

    /// <summary>The path segment that <c>{name}</c> stood for in the route's template.</summary>
    public string this[string name] =>
        values.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"The route's template has no {{{name}}}.");

    /// <summary>A query parameter, or null when the request has none by that name.</summary>
    public string? Query(string name) => http.Query.TryGetValue(name, out var value) ? value.ToString() : null;
}
