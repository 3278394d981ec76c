using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SocialMonitor.Local.Platforms.LinkedIn;

/// <summary>
/// LinkedIn's Community Management API (Rest.li 2.0) on the loopback host, serving <see cref="LinkedInSampleData"/> under
/// <c>{prefix}/rest/</c>: <c>posts?q=author</c> (newest change first, or newest first with <c>sortBy=CREATED</c>),
/// <c>posts/{urn}</c>, <c>socialActions/{urn}/comments</c> (of a post: its top-level comments; of a comment: the comments
/// nested under it), <c>socialActions/{urn}/comments/{id}</c>, <c>organizations/{id}</c> and <c>organizationAcls?q=organization</c>.
/// Every request needs a bearer token it accepts (401 <c>serviceErrorCode</c> 65600 otherwise), a <c>LinkedIn-Version</c>
/// header and <c>X-Restli-Protocol-Version: 2.0.0</c>. Lists are paged with <c>start</c>/<c>count</c> and a root-relative
/// <c>paging.links</c> next link, and <see cref="PageSize"/> answers pages shorter than <c>count</c> while more follow, as
/// LinkedIn does.
/// Recorded shapes: the post, the comment, the organization lookup, and the 401, 403 and 429 bodies. Documented but not
/// recorded (written from LinkedIn's docs): the collection envelope (<c>elements</c>, <c>paging.start/count/links</c>),
/// the <c>organizationAcls</c> entries, <c>commentsSummary</c> on a comment, <c>reshareContext</c> on a post, the 404 body
/// and the 400 answers to a missing version or protocol header.
/// </summary>
public sealed class LinkedInRestApi : LoopbackPlatform
{
    private const int DefaultCount = 10;

    private readonly IReadOnlySet<string> _acceptedTokens;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Organization> _organizations = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SentHeaders> _headers = new();

    public LinkedInRestApi(LinkedInSampleData data, IReadOnlySet<string> acceptedTokens) : base("linkedin")
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(acceptedTokens);
        _acceptedTokens = acceptedTokens;
        foreach (var organization in data.Organizations)
        {
            _organizations[organization.Urn] = new Organization(
                Node(organization.Organization),
                [.. organization.Posts.Select(Node)],
                organization.Comments.ToDictionary(c => c.Key, c => c.Value.Select(Node).ToList(), StringComparer.Ordinal),
                [.. organization.Acls.Select(Node)]);
        }
    }

    /// <summary>The version and protocol headers of every request, in arrival order.</summary>
    public IReadOnlyList<SentHeaders> Headers => [.. _headers];

    /// <summary>Returns an answer to give instead of the data (an error body a test wants); null serves the data.</summary>
    public Func<HttpRequest, LoopbackAnswer?>? Fault { get; set; }

    /// <summary>The most entries a page holds, whatever <c>count</c> asks; null honours <c>count</c> (default 10).</summary>
    public int? PageSize { get; set; }

    /// <summary>Deletes a post (with its comments) or a comment: lists leave it out and reading it answers 404.</summary>
    public void Delete(string urn)
    {
        lock (_lock)
        {
            foreach (var organization in _organizations.Values)
            {
                organization.Posts.RemoveAll(p => Str(p, "id") == urn);
                organization.Comments.Remove(urn);
                foreach (var comments in organization.Comments.Values)
                {
                    comments.RemoveAll(c => CommentUrn(c) == urn || Str(c, "parentComment") == urn);
                }
            }
        }
    }

    /// <summary>A LinkedIn error answer in the newer body shape (<c>status</c>, <c>serviceErrorCode</c>, <c>code</c>, <c>message</c>).</summary>
    public static LoopbackAnswer Error(int status, int serviceErrorCode, string? code, string message) =>
        LoopbackAnswer.Json(status, new JsonObject
        {
            ["status"] = status,
            ["serviceErrorCode"] = serviceErrorCode,
            ["code"] = code,
            ["message"] = message,
        });

    protected override void MapRoutes(PlatformRouteTable routes) => routes
        .Get("rest/posts", Posts)
        .Get("rest/posts/{urn}", Post)
        .Get("rest/socialActions/{urn}/comments", Comments)
        .Get("rest/socialActions/{urn}/comments/{id}", Comment)
        .Get("rest/organizations/{id}", OrganizationLookup)
        .Get("rest/organizationAcls", Acls);

    protected override string? TokenOf(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    protected override bool Accepts(string token) => _acceptedTokens.Contains(token);

    protected override LoopbackAnswer Refuse(LoopbackFailure failure, HttpRequest request) => failure switch
    {
        LoopbackFailure.NoToken or LoopbackFailure.WrongToken => LoopbackAnswer.Json(401, new JsonObject
        {
            ["serviceErrorCode"] = 65600, ["message"] = "Invalid access token", ["status"] = 401,
        }),
        LoopbackFailure.WrongMethod => Error(405, 0, "METHOD_NOT_ALLOWED", $"Method {request.Method} is not allowed"),
        _ => Error(404, 0, "RESOURCE_NOT_FOUND", $"No virtual resource found for {request.Path}"),
    };

    /// <summary>Records the headers, then refuses a request without the version or protocol header (400), then a test's fault.</summary>
    protected override LoopbackAnswer? Intercept(HttpRequest request)
    {
        string? version = request.Headers["LinkedIn-Version"];
        string? protocol = request.Headers["X-Restli-Protocol-Version"];
        _headers.Enqueue(new SentHeaders($"{request.PathBase}{request.Path}", version, protocol));
        if (string.IsNullOrEmpty(version))
        {
            return Error(400, 0, "VERSION_MISSING", "A version must be present. Please specify a version by adding the LinkedIn-Version header.");
        }
        if (protocol != "2.0.0")
        {
            return Error(400, 0, "ILLEGAL_ARGUMENT", "This API requires the X-Restli-Protocol-Version: 2.0.0 header.");
        }
        return Fault?.Invoke(request);
    }

    private LoopbackAnswer Posts(RouteRequest request)
    {
        if (request.Query("q") != "author" || request.Query("author") is not { } author)
        {
            return Error(400, 0, "ILLEGAL_ARGUMENT", "posts needs q=author and author");
        }
        List<JsonObject> list;
        lock (_lock)
        {
            if (!_organizations.TryGetValue(author, out var organization))
            {
                return Error(403, 100, "ACCESS_DENIED", $"Not enough permissions to access: posts for {author}");
            }
            var sortBy = request.Query("sortBy") ?? "LAST_MODIFIED";
            list = [.. organization.Posts.OrderByDescending(p => Long(p, sortBy == "CREATED" ? "createdAt" : "lastModifiedAt"))
                .ThenBy(p => Str(p, "id"), StringComparer.Ordinal).Select(p => p.DeepClone().AsObject())];
        }
        return Paged(request.Http, list);
    }

    private LoopbackAnswer Post(RouteRequest request)
    {
        var urn = request["urn"];
        lock (_lock)
        {
            var post = _organizations.Values.SelectMany(o => o.Posts).FirstOrDefault(p => Str(p, "id") == urn);
            return post is null ? NotFound(urn) : LoopbackAnswer.Json(200, post.DeepClone());
        }
    }

    private LoopbackAnswer Comments(RouteRequest request)
    {
        var urn = request["urn"];
        List<JsonObject>? list = null;
        lock (_lock)
        {
            foreach (var organization in _organizations.Values)
            {
                if (organization.Comments.TryGetValue(urn, out var onPost))
                {
                    list = [.. onPost.Where(c => c["parentComment"] is null)];
                }
                else if (organization.Comments.Values.SelectMany(c => c).Any(c => CommentUrn(c) == urn))
                {
                    list = [.. organization.Comments.Values.SelectMany(c => c).Where(c => Str(c, "parentComment") == urn)];
                }
                else if (organization.Posts.Any(p => Str(p, "id") == urn))
                {
                    list = [];
                }
                if (list is not null)
                {
                    list = [.. list.OrderBy(c => Long(c["created"]?.AsObject(), "time")).Select(c => c.DeepClone().AsObject())];
                    break;
                }
            }
        }
        return list is null ? NotFound(urn) : Paged(request.Http, list);
    }

    private LoopbackAnswer Comment(RouteRequest request)
    {
        var urn = $"urn:li:comment:({request["urn"]},{request["id"]})";
        lock (_lock)
        {
            var comment = _organizations.Values.SelectMany(o => o.Comments.Values).SelectMany(c => c).FirstOrDefault(c => CommentUrn(c) == urn);
            return comment is null ? NotFound(urn) : LoopbackAnswer.Json(200, comment.DeepClone());
        }
    }

    private LoopbackAnswer OrganizationLookup(RouteRequest request)
    {
        var urn = "urn:li:organization:" + request["id"];
        lock (_lock)
        {
            return _organizations.TryGetValue(urn, out var organization) ? LoopbackAnswer.Json(200, organization.Profile.DeepClone()) : NotFound(urn);
        }
    }

    private LoopbackAnswer Acls(RouteRequest request)
    {
        if (request.Query("q") != "organization" || request.Query("organization") is not { } urn)
        {
            return Error(400, 0, "ILLEGAL_ARGUMENT", "organizationAcls needs q=organization and organization");
        }
        List<JsonObject> list;
        lock (_lock)
        {
            if (!_organizations.TryGetValue(urn, out var organization))
            {
                return Error(403, 100, "ACCESS_DENIED", $"Not enough permissions to access: organizationAcls for {urn}");
            }
            var role = request.Query("role");
            var state = request.Query("state");
            list = [.. organization.Acls.Where(a => (role is null || Str(a, "role") == role) && (state is null || Str(a, "state") == state))
                .Select(a => a.DeepClone().AsObject())];
        }
        return Paged(request.Http, list);
    }

    /// <summary>One page from <c>start</c>, at most <c>count</c> (and <see cref="PageSize"/>) entries, with a root-relative next link while more follow.</summary>
    private LoopbackAnswer Paged(HttpRequest request, List<JsonObject> items)
    {
        var start = int.TryParse(request.Query["start"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var count = int.TryParse(request.Query["count"], NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c > 0 ? c : DefaultCount;
        var size = PageSize is { } pageSize ? Math.Min(count, Math.Max(1, pageSize)) : count;
        var page = items.Skip(start).Take(size).ToList();
        var links = new JsonArray();
        if (start + page.Count < items.Count)
        {
            links.Add(new JsonObject { ["rel"] = "next", ["type"] = "application/json", ["href"] = RelativeUrl(request, start + page.Count) });
        }
        return LoopbackAnswer.Json(200, new JsonObject
        {
            ["elements"] = new JsonArray([.. page]),
            ["paging"] = new JsonObject { ["start"] = start, ["count"] = count, ["links"] = links },
        });
    }

    /// <summary>The request's path from the host root with <c>start</c> moved on, as LinkedIn's <c>href</c> gives it (no scheme, no host).</summary>
    private static string RelativeUrl(HttpRequest request, int start)
    {
        var url = new StringBuilder().Append(request.PathBase.Value).Append(request.Path.Value).Append('?');
        foreach (var (key, values) in request.Query.Where(q => q.Key != "start"))
        {
            foreach (var value in values)
            {
                url.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value ?? "")).Append('&');
            }
        }
        return url.Append("start=").Append(start.ToString(CultureInfo.InvariantCulture)).ToString();
    }

    private static LoopbackAnswer NotFound(string urn) => Error(404, 0, "RESOURCE_NOT_FOUND", $"Resource {urn} does not exist");

    private static string? CommentUrn(JsonObject comment) =>
        Str(comment, "$URN") ?? Str(comment, "commentUrn") ?? (Str(comment, "object") is { } o && Str(comment, "id") is { } i ? $"urn:li:comment:({o},{i})" : null);

    private static string? Str(JsonObject? node, string name) => node?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static long Long(JsonObject? node, string name) => node?[name] is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;

    private static JsonObject Node(JsonElement element) => JsonNode.Parse(element.GetRawText())!.AsObject();

    private sealed record Organization(JsonObject Profile, List<JsonObject> Posts, Dictionary<string, List<JsonObject>> Comments, List<JsonObject> Acls);
}
