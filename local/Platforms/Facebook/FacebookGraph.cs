using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SocialMonitor.Local.Platforms.Meta;

namespace SocialMonitor.Local.Platforms.Facebook;

/// <summary>
/// The Facebook Graph API on the loopback host, serving <see cref="FacebookSampleData"/> in the real wire format under
/// <c>{prefix}[/v{N}.0]</c>: <c>/{page}/feed</c> and <c>/{page}/posts</c> (with <c>since</c>/<c>until</c>, and
/// <c>comments.summary</c> when the fields ask for it), <c>/{post}/comments</c> (<c>filter=stream</c> flattens replies),
/// <c>/{page}</c> (the profile), <c>/{page}/roles</c>, <c>/{page}/subscribed_apps</c>, single reads of a post or comment
/// (<c>/{id}</c>; code 100, subcode 33 once it is gone) and <c>/debug_token</c>. Tokens, errors and paging are Meta's
/// (<see cref="MetaLoopbackGraph"/>): <c>paging.next</c> URLs carry every query parameter, the access token included. Tests change the data
/// while it runs as Facebook would (a new comment moves its post's <c>updated_time</c>), and inject error answers.
/// </summary>
public sealed class FacebookGraph : MetaLoopbackGraph
{
    private static readonly string[] s_scopes = ["pages_show_list", "pages_read_engagement", "pages_read_user_content", "pages_manage_metadata", "public_profile"];

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Page> _pages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JsonObject>> _comments = new(StringComparer.Ordinal);

    public FacebookGraph(FacebookSampleData data, IReadOnlySet<string> acceptedTokens) : base("facebook", acceptedTokens)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var page in data.Pages)
        {
            var profile = page.Profile is { } p ? Node(p) : new JsonObject { ["id"] = page.Id, ["name"] = page.Name };
            _pages[page.Id] = new Page(page.Id, profile, [.. page.Posts.Select(Node)], [.. page.Roles.Select(Node)], [.. page.Apps.Select(Node)]);
            foreach (var post in page.Posts)
            {
                var postId = post.GetProperty("id").GetString()!;
                _comments[postId] = page.Comments.TryGetValue(postId, out var comments) ? [.. comments.Select(Node)] : [];
            }
        }
    }

    /// <summary>What <c>/debug_token</c> says a token expires at (its <c>data_access_expires_at</c>); tokens not here never expire.</summary>
    public ConcurrentDictionary<string, DateTimeOffset> TokenExpiry { get; } = new(StringComparer.Ordinal);

    /// <summary>A new comment or reply (wire form) on a post; the post's <c>updated_time</c> moves to its time, as on Facebook.</summary>
    public void AddComment(string postId, string json)
    {
        var comment = JsonNode.Parse(json)!.AsObject();
        lock (_lock)
        {
            _comments[postId].Add(comment);
            var post = FindPost(postId) ?? throw new KeyNotFoundException($"No post {postId}.");
            if (comment["created_time"]?.GetValue<string>() is { } created
                && string.CompareOrdinal(created, post["updated_time"]?.GetValue<string>() ?? "") > 0)
            {
                post["updated_time"] = created;
            }
        }
    }

    /// <summary>Changes a post, comment or profile in place (an edit, a hide): only what the change sets moves.</summary>
    public void Update(string id, Action<JsonObject> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            change(FindObject(id) ?? throw new KeyNotFoundException($"No object {id}."));
        }
    }

    /// <summary>Deletes a post (with its comments) or a comment: lists leave it out and reading its id answers code 100, subcode 33.</summary>
    public void Delete(string id)
    {
        lock (_lock)
        {
            foreach (var page in _pages.Values)
            {
                page.Posts.RemoveAll(p => Id(p) == id);
                page.Roles.RemoveAll(r => Id(r) == id);
                page.Apps.RemoveAll(a => Id(a) == id);
            }
            _comments.Remove(id);
            foreach (var comments in _comments.Values)
            {
                comments.RemoveAll(c => Id(c) == id);
            }
        }
    }

    protected override void MapRoutes(PlatformRouteTable routes) => routes
        .Get("debug_token", DebugToken)
        .Get("{id}", ReadObject)
        .Get("{page}/feed", r => Posts(r, r["page"]))
        .Get("{page}/posts", r => Posts(r, r["page"]))
        .Get("{post}/comments", Comments)
        .Get("{page}/roles", r => Entries(r, r["page"], page => page.Roles))
        .Get("{page}/subscribed_apps", r => Entries(r, r["page"], page => page.Apps));

    /// <summary><c>/{id}</c>: a Page's profile, or a post or comment; code 100, subcode 33 for an id that is not (or no longer) there.</summary>
    private LoopbackAnswer ReadObject(RouteRequest request)
    {
        var id = request["id"];
        JsonObject? found;
        lock (_lock)
        {
            found = _pages.TryGetValue(id, out var page) ? page.Profile : FindObject(id);
            found = found?.DeepClone().AsObject();
        }
        return found is null ? Error(FacebookSampleError.DoesNotExist(id)) : Json(200, writer => found.WriteTo(writer));
    }

    /// <summary><c>/{page}/feed</c>: newest first, within <c>since</c>/<c>until</c>, with the comment count when the fields ask for it.</summary>
    private LoopbackAnswer Posts(RouteRequest request, string pageId)
    {
        List<JsonObject> list;
        lock (_lock)
        {
            if (!_pages.TryGetValue(pageId, out var page))
            {
                return Error(FacebookSampleError.DoesNotExist(pageId));
            }
            IEnumerable<JsonObject> posts = page.Posts.OrderByDescending(CreatedTime).ThenBy(p => Id(p), StringComparer.Ordinal);
            if (ReadTime(request.Query("since")) is { } since)
            {
                posts = posts.Where(p => CreatedTime(p) >= since);
            }
            if (ReadTime(request.Query("until")) is { } until)
            {
                posts = posts.Where(p => CreatedTime(p) <= until);
            }
            var summary = (request.Query("fields") ?? "").Contains("comments.summary(true)", StringComparison.Ordinal);
            list = [.. posts.Select(p =>
            {
                var copy = p.DeepClone().AsObject();
                if (summary)
                {
                    var count = _comments.TryGetValue(Id(p)!, out var c) ? c.Count : 0;
                    copy["comments"] = new JsonObject
                    {
                        ["data"] = new JsonArray(),
                        ["summary"] = new JsonObject { ["order"] = "ranked", ["total_count"] = count, ["can_comment"] = true },
                    };
                }
                return copy;
            })];
        }
        return Paged(request.Http, list);
    }

    /// <summary><c>/{post}/comments</c>: oldest first; top-level only unless <c>filter=stream</c>; <c>order=reverse_chronological</c> turns it round.</summary>
    private LoopbackAnswer Comments(RouteRequest request)
    {
        var postId = request["post"];
        List<JsonObject> list;
        lock (_lock)
        {
            if (!_comments.TryGetValue(postId, out var all))
            {
                return Error(FacebookSampleError.DoesNotExist(postId));
            }
            IEnumerable<JsonObject> comments = all.OrderBy(CreatedTime);
            if (request.Query("filter") != "stream")
            {
                comments = comments.Where(c => c["parent"] is null);
            }
            if (request.Query("order") == "reverse_chronological")
            {
                comments = comments.Reverse();
            }
            list = [.. comments.Select(c => c.DeepClone().AsObject())];
        }
        return Paged(request.Http, list);
    }

    /// <summary><c>/{page}/roles</c> and <c>/{page}/subscribed_apps</c>: the Page's entries as they are.</summary>
    private LoopbackAnswer Entries(RouteRequest request, string pageId, Func<Page, List<JsonObject>> entries)
    {
        List<JsonObject> list;
        lock (_lock)
        {
            if (!_pages.TryGetValue(pageId, out var page))
            {
                return Error(FacebookSampleError.DoesNotExist(pageId));
            }
            list = [.. entries(page).Select(e => e.DeepClone().AsObject())];
        }
        return Paged(request.Http, list);
    }

    /// <summary><c>/debug_token</c>: a valid Page token; <c>expires_at</c> 0 (never), <c>data_access_expires_at</c> from <see cref="TokenExpiry"/>.</summary>
    private LoopbackAnswer DebugToken(RouteRequest request) =>
        DebugToken(request, s_scopes, token => TokenExpiry.TryGetValue(token, out var expiry) ? expiry.ToUnixTimeSeconds() : 0, "CLN Social Monitor");

    private JsonObject? FindPost(string id) => _pages.Values.SelectMany(p => p.Posts).FirstOrDefault(p => Id(p) == id);

    private JsonObject? FindObject(string id) =>
        FindPost(id)
        ?? _comments.Values.SelectMany(c => c).FirstOrDefault(c => Id(c) == id)
        ?? (_pages.TryGetValue(id, out var page) ? page.Profile : null);

    private static DateTimeOffset CreatedTime(JsonObject node) =>
        DateTimeOffset.Parse(node["created_time"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();

    /// <summary><c>since</c> / <c>until</c>: unix seconds, or a date the way strtotime would read an ISO 8601 one.</summary>
    private static DateTimeOffset? ReadTime(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
    }

    private sealed record Page(string Id, JsonObject Profile, List<JsonObject> Posts, List<JsonObject> Roles, List<JsonObject> Apps);
}
