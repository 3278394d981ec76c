using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SocialMonitor.Local.Platforms.X;

/// <summary>
/// X API v2 on the loopback host, serving <see cref="XSampleData"/> in the real wire format under <c>{prefix}/2</c>:
/// <c>/users/{id}/tweets</c> and <c>/users/{id}/mentions</c> (newest first, <c>since_id</c>, <c>max_results</c>,
/// <c>pagination_token</c>), <c>/tweets/search/recent?query=conversation_id:{id}</c> (<c>next_token</c>),
/// <c>/tweets?ids=</c> and <c>/tweets/{id}</c> (HTTP 200 with a <c>resource-not-found</c> error for a deleted or unknown
/// id, beside the <c>data</c> of the others, and <c>includes</c> when expansions are asked), and <c>/users/{id}</c>. Every page carries <c>includes.users</c> and
/// <c>includes.media</c> for what it names, and every answer the <c>x-rate-limit-*</c> headers. Every route needs an
/// accepted bearer token (401 problem JSON otherwise). Ids are compared as decimal strings, never parsed. Tests change the
/// data while it runs (a new reply, an edit, a deletion) and inject answers (<see cref="Fault"/>).
/// </summary>
public sealed class XApi : LoopbackPlatform
{
    public const string NotFoundType = "https://api.twitter.com/2/problems/resource-not-found";
    private const int MaxResults = 100;

    private readonly IReadOnlySet<string> _acceptedTokens;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Account> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _media = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deleted = new(StringComparer.Ordinal);

    public XApi(XSampleData data, IReadOnlySet<string> acceptedTokens) : base("x")
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(acceptedTokens);
        _acceptedTokens = acceptedTokens;
        foreach (var account in data.Accounts)
        {
            var user = Node(account.User);
            _users[Id(user)] = user;
            _accounts[Id(user)] = new Account([.. account.Tweets.Select(Node)], [.. account.Mentions.Select(Node)], [.. account.Replies.Select(Node)]);
            foreach (var other in account.Users.Select(Node))
            {
                _users.TryAdd(Id(other), other);
            }
            foreach (var media in account.Media.Select(Node))
            {
                _media.TryAdd(media["media_key"]!.GetValue<string>(), media);
            }
            _deleted.UnionWith(account.Deleted);
        }
    }

    /// <summary>The clock of the <c>x-rate-limit-reset</c> the routes answer with (the end of a 15-minute window).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Returns an answer to give instead of the data (a 429, a 402…); null serves the data.</summary>
    public Func<HttpRequest, LoopbackAnswer?>? Fault { get; set; }

    /// <summary>The most posts a page holds, whatever <c>max_results</c> asks for; null honours <c>max_results</c> (default 10, at most 100).</summary>
    public int? PageSize { get; set; }

    /// <summary>A new post (wire form) in an account's timeline, mentions or conversations (<c>tweets</c>, <c>mentions</c>, <c>replies</c>).</summary>
    public void Add(string userId, string list, string json)
    {
        var post = JsonNode.Parse(json)!.AsObject();
        lock (_lock)
        {
            var account = _accounts[userId];
            (list switch { "tweets" => account.Tweets, "mentions" => account.Mentions, "replies" => account.Replies, _ => throw new ArgumentException(list) }).Add(post);
        }
    }

    /// <summary>An edit: the post whose newest id is <paramref name="id"/> is replaced by <paramref name="json"/>, its next version.</summary>
    public void Edit(string id, string json)
    {
        var edit = JsonNode.Parse(json)!.AsObject();
        lock (_lock)
        {
            foreach (var list in _accounts.Values.SelectMany(a => new[] { a.Tweets, a.Mentions, a.Replies }))
            {
                var at = list.FindIndex(p => Id(p) == id);
                if (at >= 0)
                {
                    list[at] = edit.DeepClone().AsObject();
                }
            }
        }
    }

    /// <summary>Deletes a post: lists leave it out and a lookup of its id answers 200 with a <c>resource-not-found</c> error.</summary>
    public void Delete(string id)
    {
        lock (_lock)
        {
            _deleted.Add(id);
        }
    }

    protected override void MapRoutes(PlatformRouteTable routes) => routes
        .Get("2/users/{id}/tweets", r => Limited(Timeline(r, a => a.Tweets, "pagination_token")))
        .Get("2/users/{id}/mentions", r => Limited(Timeline(r, a => a.Mentions, "pagination_token")))
        .Get("2/tweets/search/recent", r => Limited(Search(r)))
        .Get("2/tweets", r => Limited(Lookup(r.Query("ids")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [], many: true,
            expanded: r.Query("expansions") is not null)))
        .Get("2/tweets/{id}", r => Limited(Lookup([r["id"]], many: false, expanded: r.Query("expansions") is not null)))
        .Get("2/users/{id}", r => Limited(User(r)));

    protected override string? TokenOf(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    protected override bool Accepts(string token) => _acceptedTokens.Contains(token);

    protected override LoopbackAnswer Refuse(LoopbackFailure failure, HttpRequest request) => failure switch
    {
        LoopbackFailure.NoToken or LoopbackFailure.WrongToken => Problem(401, "Unauthorized", "about:blank", "Unauthorized"),
        LoopbackFailure.WrongMethod => Problem(405, "Method Not Allowed", "about:blank", $"{request.Method} is not allowed here."),
        _ => Problem(404, "Not Found Error", "https://api.twitter.com/2/problems/not-found", $"No route for {request.Path}."),
    };

    protected override LoopbackAnswer? Intercept(HttpRequest request) => Fault?.Invoke(request);

    /// <summary>An RFC 7807 problem answer, as X API v2 writes its errors.</summary>
    public static LoopbackAnswer Problem(int status, string title, string type, string detail) =>
        LoopbackAnswer.Json(status, new JsonObject { ["title"] = title, ["type"] = type, ["status"] = status, ["detail"] = detail });

    private LoopbackAnswer Timeline(RouteRequest request, Func<Account, List<JsonObject>> list, string tokenParameter)
    {
        List<JsonObject> posts;
        lock (_lock)
        {
            if (!_accounts.TryGetValue(request["id"], out var account))
            {
                return NotFound(request["id"], "user", "id");
            }
            posts = [.. Visible(list(account), request.Query("since_id"))];
        }
        return Paged(request, posts, tokenParameter);
    }

    private LoopbackAnswer Search(RouteRequest request)
    {
        var query = request.Query("query") ?? "";
        const string prefix = "conversation_id:";
        if (!query.StartsWith(prefix, StringComparison.Ordinal))
        {
            return Problem(400, "Invalid Request", "https://api.twitter.com/2/problems/invalid-request", "The sample API answers conversation_id: queries only.");
        }
        var conversation = query[prefix.Length..].Trim();
        List<JsonObject> posts;
        lock (_lock)
        {
            posts = [.. Visible(_accounts.Values.SelectMany(a => a.Replies).Where(p => p["conversation_id"]?.GetValue<string>() == conversation), request.Query("since_id"))];
        }
        return Paged(request, posts, "next_token");
    }

    /// <param name="expanded">Whether the request asks for expansions: then <c>includes</c> names the users and media of what it returns.</param>
    private LoopbackAnswer Lookup(IReadOnlyList<string> ids, bool many, bool expanded)
    {
        var data = new JsonArray();
        var errors = new JsonArray();
        lock (_lock)
        {
            var all = _accounts.Values.SelectMany(a => a.Tweets.Concat(a.Mentions).Concat(a.Replies)).ToList();
            foreach (var id in ids)
            {
                var found = _deleted.Contains(id) ? null
                    : all.FirstOrDefault(p => Id(p) == id || (p["edit_history_tweet_ids"]?.AsArray().Any(v => v?.GetValue<string>() == id) ?? false));
                if (found is null)
                {
                    errors.Add(NotFoundError(id, "tweet", many ? "ids" : "id"));
                }
                else
                {
                    data.Add(found.DeepClone());
                }
            }
        }
        var body = new JsonObject();
        if (data.Count > 0)
        {
            body["data"] = many ? data : data[0]!.DeepClone();
            if (expanded)
            {
                body["includes"] = Includes([.. data.Select(d => d!.AsObject())]);
            }
        }
        if (errors.Count > 0)
        {
            body["errors"] = errors;
        }
        return LoopbackAnswer.Json(200, body);
    }

    private LoopbackAnswer User(RouteRequest request)
    {
        JsonObject? user;
        lock (_lock)
        {
            user = _users.TryGetValue(request["id"], out var u) ? u.DeepClone().AsObject() : null;
        }
        return user is null ? NotFound(request["id"], "user", "id") : LoopbackAnswer.Json(200, new JsonObject { ["data"] = user });
    }

    /// <summary>Newest first, without deleted posts, after <c>since_id</c> when given (ids compared as decimal strings).</summary>
    private IEnumerable<JsonObject> Visible(IEnumerable<JsonObject> posts, string? sinceId) => posts
        .Where(p => !_deleted.Contains(Id(p)) && (sinceId is null || CompareIds(Id(p), sinceId) > 0))
        .OrderByDescending(Id, Comparer<string>.Create(CompareIds))
        .Select(p => p.DeepClone().AsObject());

    /// <summary>One page: from the cursor, <c>max_results</c> posts with the users and media they name, and <c>meta</c> with <c>next_token</c> while more follow.</summary>
    private LoopbackAnswer Paged(RouteRequest request, List<JsonObject> posts, string tokenParameter)
    {
        var start = 0;
        if (request.Query(tokenParameter) is { } token)
        {
            if (LoopbackPaging.Position(token) is not { } position)
            {
                return Problem(400, "Invalid Request", "https://api.twitter.com/2/problems/invalid-request", $"The {tokenParameter} is not valid.");
            }
            start = position;
        }
        var size = int.TryParse(request.Query("max_results"), NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked > 0 ? Math.Min(asked, MaxResults) : 10;
        if (PageSize is { } pageSize)
        {
            size = Math.Min(size, Math.Max(1, pageSize));
        }
        var page = posts.Skip(start).Take(size).ToList();
        var meta = new JsonObject { ["result_count"] = page.Count };
        if (page.Count > 0)
        {
            meta["newest_id"] = Id(page[0]);
            meta["oldest_id"] = Id(page[^1]);
        }
        if (start + size < posts.Count)
        {
            meta["next_token"] = LoopbackPaging.Cursor(start + size);
        }
        var body = new JsonObject();
        if (page.Count > 0)
        {
            body["data"] = new JsonArray([.. page]);
            body["includes"] = Includes(page);
        }
        body["meta"] = meta;
        return LoopbackAnswer.Json(200, body);
    }

    private JsonObject Includes(List<JsonObject> page)
    {
        var includes = new JsonObject();
        lock (_lock)
        {
            var users = page.Select(p => p["author_id"]?.GetValue<string>()).OfType<string>().Distinct(StringComparer.Ordinal)
                .Select(id => _users.GetValueOrDefault(id)).OfType<JsonObject>()
                .Select(u => (JsonNode)new JsonObject { ["id"] = u["id"]!.DeepClone(), ["name"] = u["name"]?.DeepClone(), ["username"] = u["username"]?.DeepClone() }).ToArray();
            var media = page.SelectMany(p => p["attachments"]?["media_keys"]?.AsArray().Select(k => k!.GetValue<string>()) ?? [])
                .Distinct(StringComparer.Ordinal).Select(k => _media.GetValueOrDefault(k)).OfType<JsonObject>().Select(m => m.DeepClone()).ToArray();
            if (users.Length > 0)
            {
                includes["users"] = new JsonArray(users);
            }
            if (media.Length > 0)
            {
                includes["media"] = new JsonArray(media);
            }
        }
        return includes;
    }

    private static LoopbackAnswer NotFound(string id, string type, string parameter) =>
        LoopbackAnswer.Json(200, new JsonObject { ["errors"] = new JsonArray(NotFoundError(id, type, parameter)) });

    private static JsonObject NotFoundError(string id, string type, string parameter) => new()
    {
        ["value"] = id,
        ["detail"] = $"Could not find {type} with {parameter}: [{id}].",
        ["title"] = "Not Found Error",
        ["resource_type"] = type,
        ["parameter"] = parameter,
        ["resource_id"] = id,
        ["type"] = NotFoundType,
    };

    /// <summary>The answer with X's rate-limit headers: a window of 450 requests that is never spent (tests spend it with <see cref="LoopbackPlatform.ResponseHeaders"/>).</summary>
    private LoopbackAnswer Limited(LoopbackAnswer answer) => answer with
    {
        Headers = new Dictionary<string, string>
        {
            ["x-rate-limit-limit"] = "450",
            ["x-rate-limit-remaining"] = "449",
            ["x-rate-limit-reset"] = Clock.GetUtcNow().AddMinutes(15).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        },
    };

    /// <summary>Orders decimal id strings without parsing them: the longer is larger, then digit by digit.</summary>
    internal static int CompareIds(string? a, string? b) =>
        (a?.Length ?? 0) != (b?.Length ?? 0) ? (a?.Length ?? 0).CompareTo(b?.Length ?? 0) : string.CompareOrdinal(a, b);

    private static string Id(JsonObject node) => node["id"]!.GetValue<string>();

    private static JsonObject Node(JsonElement element) => JsonNode.Parse(element.GetRawText())!.AsObject();

    private sealed record Account(List<JsonObject> Tweets, List<JsonObject> Mentions, List<JsonObject> Replies);
}
