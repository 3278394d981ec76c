namespace SocialMonitor.Local;

/// <summary>
/// A platform's routes on the loopback host: a method, a path template under the platform's prefix (literal segments and
/// <c>{name}</c> segments, e.g. <c>{page}/feed</c>), the handler, and whether the route needs one of the platform's
/// tokens. When several templates match a path, the one with more literal segments wins (<c>debug_token</c> before
/// <c>{id}</c>).
/// </summary>
public sealed class PlatformRouteTable
{
    private readonly List<PlatformRoute> _routes = [];

    public IReadOnlyList<PlatformRoute> Routes => _routes;

    /// <summary>Adds a GET route; <paramref name="needsToken"/> false lets a request in without a token.</summary>
    public PlatformRouteTable Get(string template, Func<RouteRequest, LoopbackAnswer> handler, bool needsToken = true) =>
        Add("GET", template, handler, needsToken);

    /// <summary>Adds a route for any method; a second route with the same method and template is refused.</summary>
    public PlatformRouteTable Add(string method, string template, Func<RouteRequest, LoopbackAnswer> handler, bool needsToken = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(handler);
        var segments = template.Trim('/').Split('/');
        if (segments.Any(s => s.Length == 0 || (s.StartsWith('{') != s.EndsWith('}')) || s == "{}"))
        {
            throw new ArgumentException($"Route template \"{template}\" has an empty or half-braced segment; write e.g. \"{{page}}/feed\".", nameof(template));
        }
        var route = new PlatformRoute(method.ToUpperInvariant(), segments, handler, needsToken);
        if (_routes.Any(r => r.Method == route.Method && r.Template == route.Template))
        {
            throw new ArgumentException($"Route {route.Method} {route.Template} is already in the table.", nameof(template));
        }
        _routes.Add(route);
        return this;
    }

    /// <summary>The route for a method and path (segments under the prefix), with its values; a failure when none fits.</summary>
    internal (PlatformRoute? Route, IReadOnlyDictionary<string, string> Values, LoopbackFailure? Failure) Match(string method, IReadOnlyList<string> segments)
    {
        var fits = _routes.Select(r => (Route: r, Values: r.Match(segments))).Where(m => m.Values is not null).ToList();
        if (fits.Count == 0)
        {
            return (null, new Dictionary<string, string>(), LoopbackFailure.NoRoute);
        }
        var best = fits.Where(m => string.Equals(m.Route.Method, method, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(m => m.Route.Literals).FirstOrDefault();
        return best.Route is null
            ? (null, new Dictionary<string, string>(), LoopbackFailure.WrongMethod)
            : (best.Route, best.Values!, null);
    }
}
