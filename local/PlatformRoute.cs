namespace SocialMonitor.Local;

/// <summary>One route of a <see cref="PlatformRouteTable"/>: method, template segments, handler, and whether it needs a token.</summary>
public sealed record PlatformRoute(string Method, IReadOnlyList<string> Segments, Func<RouteRequest, LoopbackAnswer> Handler, bool NeedsToken)
{
    public string Template => string.Join('/', Segments);

    internal int Literals => Segments.Count(s => !IsValue(s));

    /// <summary>The values of the <c>{name}</c> segments when the path fits this template; null when it does not.</summary>
    internal Dictionary<string, string>? Match(IReadOnlyList<string> path)
    {
        if (path.Count != Segments.Count)
        {
            return null;
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < path.Count; i++)
        {
            if (IsValue(Segments[i]))
            {
                values[Segments[i][1..^1]] = path[i];
            }
            else if (!string.Equals(Segments[i], path[i], StringComparison.Ordinal))
            {
                return null;
            }
        }
        return values;
    }

    private static bool IsValue(string segment) => segment.StartsWith('{');
}
