using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace SocialMonitor.Local;

/// <summary>
/// A platform's fake on the <see cref="LoopbackPlatformHost"/>: its route table, how its wire format carries a token,
/// which tokens it accepts, and its error shape. The host mounts it under <see cref="PathPrefix"/>, records every request
/// that reaches it, refuses a request no route fits or whose token is missing or wrong (in the platform's shape, through
/// <see cref="Refuse"/>), and writes what the route answers. A subclass holds the platform's data and paging, nothing else.
/// </summary>
public abstract partial class LoopbackPlatform
{
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _tokens = new();
    private PlatformRouteTable? _routes;

    /// <param name="name">The platform's name, e.g. <c>facebook</c>: the default prefix is <c>/{name}</c>.</param>
    protected LoopbackPlatform(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        PathPrefix = "/" + name;
    }

    public string Name { get; }

    /// <summary>Where the host mounts the platform, e.g. <c>/facebook</c> or <c>/graph/facebook</c>; set it before the host starts.</summary>
    public string PathPrefix
    {
        get;
        set => field = _routes is null
            ? "/" + (value ?? throw new ArgumentNullException(nameof(value))).Trim('/')
            : throw new InvalidOperationException($"The {Name} fake is mounted already; set its prefix before the host starts.");
    }

    /// <summary>The platform's base URL once mounted, e.g. <c>http://127.0.0.1:41234/facebook</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Every request that reached the platform, as path (prefix included) and query string, in arrival order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Every token that reached the platform, wherever its wire format carried it, in arrival order.</summary>
    public IReadOnlyList<string> Tokens => [.. _tokens];

    /// <summary>Returns true to cut an answer's body off halfway (a truncated answer).</summary>
    public Func<HttpRequest, bool>? Truncate { get; set; }

    /// <summary>Headers to add to an answer (a platform's usage or rate-limit headers).</summary>
    public Func<HttpRequest, IReadOnlyDictionary<string, string>?>? ResponseHeaders { get; set; }

    /// <summary>
    /// Serve the profile images (the demo and the image tests): every profile picture or banner URL of a platform CDN in
    /// an answer (<c>https://scontent.xx.fbcdn.net/…</c>, <c>pbs.twimg.com/profile_images/…</c>, <c>yt3.ggpht.com</c>…) becomes
    /// <c>{BaseUrl}/cdn/{host}/…</c>, and that path answers the <see cref="BrandArt"/> image its file name names (JPEG for
    /// <c>.jpg</c>, else PNG). Off, answers go out as the sample data has them. The scanner fetches these only with
    /// <c>Images__AllowLoopback</c>, which only the demo and tests set.
    /// </summary>
    public bool ServeImages { get; set; }

    /// <summary>An answer to give to an image request instead of the image (a redirect, a wrong type, a huge body); null serves it.</summary>
    public Func<HttpRequest, LoopbackAnswer?>? ImageFault { get; set; }

    /// <summary>A leading path segment any route may start with and no template names (Facebook's <c>v25.0</c>); null for none.</summary>
    protected virtual Regex? OptionalVersion => null;

    /// <summary>Adds the platform's routes to its table; called once, when the host mounts it.</summary>
    protected abstract void MapRoutes(PlatformRouteTable routes);

    /// <summary>The token a request carries where the platform's wire format puts it (query parameter, bearer header); null for none.</summary>
    protected abstract string? TokenOf(HttpRequest request);

    protected abstract bool Accepts(string token);

    /// <summary>The platform's own error answer for what the host refused.</summary>
    protected abstract LoopbackAnswer Refuse(LoopbackFailure failure, HttpRequest request);

    /// <summary>An answer to give before any route or token check (tests inject errors here); null routes the request.</summary>
    protected virtual LoopbackAnswer? Intercept(HttpRequest request) => null;

    internal bool IsMounted => _routes is not null;

    internal void Mount(string hostUrl)
    {
        if (_routes is not null)
        {
            throw new InvalidOperationException($"The {Name} fake is mounted already; a fake serves one host.");
        }
        var routes = new PlatformRouteTable();
        MapRoutes(routes);
        _routes = routes;
        BaseUrl = hostUrl.TrimEnd('/') + PathPrefix;
    }

    /// <summary>Records the request, then answers it: the intercept, the route (or the platform's refusal), the token check.</summary>
    internal LoopbackAnswer Answer(HttpRequest request, string path)
    {
        _requests.Enqueue($"{request.PathBase}{request.Path}{request.QueryString}");
        if (TokenOf(request) is { Length: > 0 } seen)
        {
            _tokens.Enqueue(seen);
        }
        if (Intercept(request) is { } intercepted)
        {
            return intercepted;
        }
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (ServeImages && segments is ["cdn", _, ..])
        {
            return ImageFault?.Invoke(request) ?? Image(segments[^1]);
        }
        return ServeImages ? WithLocalImages(Route(request, segments)) : Route(request, segments);
    }

    private LoopbackAnswer Route(HttpRequest request, string[] segments)
    {
        if (segments.Length > 0 && OptionalVersion?.IsMatch(segments[0]) == true)
        {
            segments = segments[1..];
        }
        var (route, values, failure) = _routes!.Match(request.Method, segments);
        if (route is null)
        {
            return Refuse(failure!.Value, request);
        }
        var token = TokenOf(request);
        if (route.NeedsToken && string.IsNullOrEmpty(token))
        {
            return Refuse(LoopbackFailure.NoToken, request);
        }
        if (route.NeedsToken && !Accepts(token!))
        {
            return Refuse(LoopbackFailure.WrongToken, request);
        }
        return route.Handler(new RouteRequest(request, values, token));
    }

    private static LoopbackAnswer Image(string file)
    {
        var jpeg = file.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase);
        var bytes = BrandArt.Encoded(BrandArt.NameFor(file), jpeg ? SkiaSharp.SKEncodedImageFormat.Jpeg : SkiaSharp.SKEncodedImageFormat.Png, jpeg ? 85 : 100);
        return new LoopbackAnswer(200, bytes) { ContentType = jpeg ? "image/jpeg" : "image/png" };
    }

    private LoopbackAnswer WithLocalImages(LoopbackAnswer answer)
    {
        if (!answer.ContentType.StartsWith("application/json", StringComparison.Ordinal))
        {
            return answer;
        }
        var body = System.Text.Encoding.UTF8.GetString(answer.Body);
        var local = ImageCdn().Replace(body, m => IsProfileImage(m.Groups[1].Value, m.Groups[2].Value) ? $"{BaseUrl}/cdn/{m.Groups[1].Value}/{m.Groups[2].Value}" : m.Value);
        return local == body ? answer : answer with { Body = System.Text.Encoding.UTF8.GetBytes(local) };
    }

    /// <summary>
    /// Profile pictures and banners only, by the paths each CDN gives them (Facebook <c>t39.30808-1</c> and covers, Instagram
    /// <c>t51.2885-19</c>, X <c>profile_images</c> and <c>profile_banners</c>, YouTube's avatar hosts): a post's media keeps
    /// its URL, so the findings keyed on it do not depend on the host's port.
    /// </summary>
    private static bool IsProfileImage(string host, string path) =>
        host.EndsWith("ggpht.com", StringComparison.Ordinal) || host.EndsWith("googleusercontent.com", StringComparison.Ordinal)
        || path.Contains("t39.30808-1/", StringComparison.Ordinal) || path.Contains("t51.2885-19/", StringComparison.Ordinal)
        || path.StartsWith("profile_images/", StringComparison.Ordinal) || path.StartsWith("profile_banners/", StringComparison.Ordinal)
        || path.Split('?')[0].Contains("cover", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"https://((?:[a-z0-9-]+\.)*(?:fbcdn\.net|cdninstagram\.com|twimg\.com|ggpht\.com|googleusercontent\.com))/([^""\s\\]*)")]
    private static partial Regex ImageCdn();
}
