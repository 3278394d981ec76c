using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SocialMonitor.Local.Platforms.Facebook;
using SocialMonitor.Local.Platforms.Meta;

namespace SocialMonitor.Local.Platforms.Instagram;

/// <summary>
/// The Instagram API with Facebook Login on the loopback host, serving <see cref="InstagramSampleData"/> in the real wire
/// format under <c>{prefix}[/v{N}.0]</c>: <c>/{ig-user}/media</c> (newest first, <c>since</c>/<c>until</c>),
/// <c>/{ig-user}/stories</c>, <c>/{ig-user}/tags</c>, <c>/{media}/comments</c> (newest first, each with its replies nested
/// and cut after <see cref="NestedReplies"/>, with a <c>paging.next</c> then), <c>/{comment}/replies</c>, single reads
/// (<c>/{id}</c>: the profile, a media or a comment; code 100, subcode 33 once it is gone) and <c>/debug_token</c>. Tokens,
/// errors and paging are Meta's (<see cref="MetaLoopbackGraph"/>). Tests change the data while it runs (a new comment
/// moves its media's <c>comments_count</c>) and inject error answers.
/// </summary>
public sealed class InstagramGraph : MetaLoopbackGraph
{
    private static readonly string[] s_scopes = ["instagram_basic", "instagram_manage_comments", "pages_read_engagement", "pages_show_list"];

    private readonly Lock _lock = new();
    private readonly Dictionary<string, User> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JsonObject>> _comments = new(StringComparer.Ordinal);

    public InstagramGraph(InstagramSampleData data, IReadOnlySet<string> acceptedTokens) : base("instagram", acceptedTokens)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var account in data.Accounts)
        {
            var profile = account.Profile is { } p ? Node(p) : new JsonObject { ["id"] = account.Id };
            _users[account.Id] = new User(profile, [.. account.Media.Select(Node)], [.. account.Stories.Select(Node)], [.. account.Tags.Select(Node)]);
            foreach (var media in account.Media.Concat(account.Stories).Concat(account.Tags))
            {
                var id = media.GetProperty("id").GetString()!;
                _comments[id] = account.Comments.TryGetValue(id, out var comments) ? [.. comments.Select(Node)] : [];
            }
        }
    }

    /// <summary>How many replies a comment carries nested in a comments page before the nested list is cut.</summary>
    public int NestedReplies { get; set; } = 2;

    /// <summary>A new top-level comment (wire form) on a media; its <c>comments_count</c> moves, as on Instagram.</summary>
    public void AddComment(string mediaId, string json)
    {
        var comment = JsonNode.Parse(json)!.AsObject();
        lock (_lock)
        {
            _comments[mediaId].Add(comment);
        }
    }

    /// <summary>Changes a media, comment, reply or profile in place (an edit, a hide): only what the change sets moves.</summary>
    public void Update(string id, Action<JsonObject> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            change(Find(id) ?? throw new KeyNotFoundException($"No object {id}."));
        }
    }

    /// <summary>Deletes a media (with its comments), a comment or a reply: lists leave it out and a read of its id answers 100/33.</summary>
    public void Delete(string id)
    {
        lock (_lock)
        {
            foreach (var user in _users.Values)
            {
                user.Media.RemoveAll(m => Id(m) == id);
                user.Stories.RemoveAll(m => Id(m) == id);
                user.Tags.RemoveAll(m => Id(m) == id);
            }
            _comments.Remove(id);
            foreach (var comments in _comments.Values)
            {
                comments.RemoveAll(c => Id(c) == id);
                foreach (var comment in comments)
                {
                    (comment["replies"] as JsonArray)?.RemoveAll(r => r is JsonObject o && Id(o) == id);
                }
            }
        }
    }

    protected override void MapRoutes(PlatformRouteTable routes) => routes
        .Get("debug_token", DebugToken)
        .Get("{id}", ReadObject)
        .Get("{user}/media", r => Media(r, u => u.Media, time: true))
        .Get("{user}/stories", r => Media(r, u => u.Stories, time: false))
        .Get("{user}/tags", r => Media(r, u => u.Tags, time: false))
        .Get("{media}/comments", Comments)
        .Get("{comment}/replies", Replies);

    private LoopbackAnswer ReadObject(RouteRequest request)
    {
        var id = request["id"];
        JsonObject? found;
        lock (_lock)
        {
            found = Find(id) is { } node ? WithCount(node) : null;
        }
        return found is null ? Error(FacebookSampleError.DoesNotExist(id)) : Json(200, writer => found.WriteTo(writer));
    }

    /// <summary>A media list, newest first (<c>since</c>/<c>until</c> on <c>/media</c>), each media with its current <c>comments_count</c>.</summary>
    private LoopbackAnswer Media(RouteRequest request, Func<User, List<JsonObject>> list, bool time)
    {
        List<JsonObject> media;
        lock (_lock)
        {
            if (!_users.TryGetValue(request["user"], out var user))
            {
                return Error(FacebookSampleError.DoesNotExist(request["user"]));
            }
            IEnumerable<JsonObject> entries = list(user).OrderByDescending(Timestamp).ThenBy(Id, StringComparer.Ordinal);
            if (time && Seconds(request.Query("since")) is { } since)
            {
                entries = entries.Where(m => Timestamp(m) >= since);
            }
            if (time && Seconds(request.Query("until")) is { } until)
            {
                entries = entries.Where(m => Timestamp(m) <= until);
            }
            media = [.. entries.Select(WithCount)];
        }
        return Paged(request.Http, media);
    }

    /// <summary>Top-level comments, newest first, each with up to <see cref="NestedReplies"/> replies nested (and a next link when cut).</summary>
    private LoopbackAnswer Comments(RouteRequest request)
    {
        var mediaId = request["media"];
        List<JsonObject> list;
        lock (_lock)
        {
            if (!_comments.TryGetValue(mediaId, out var all))
            {
                return Error(FacebookSampleError.DoesNotExist(mediaId));
            }
            list = [.. all.OrderByDescending(Timestamp).Select(c => Nest(request.Http, c))];
        }
        return Paged(request.Http, list);
    }

    private LoopbackAnswer Replies(RouteRequest request)
    {
        var commentId = request["comment"];
        List<JsonObject> list;
        lock (_lock)
        {
            if (_comments.Values.SelectMany(c => c).FirstOrDefault(c => Id(c) == commentId) is not { } comment)
            {
                return Error(FacebookSampleError.DoesNotExist(commentId));
            }
            list = [.. Replies(comment).Select(r => Reply(r, commentId))];
        }
        return Paged(request.Http, list);
    }

    private JsonObject Nest(HttpRequest request, JsonObject comment)
    {
        var copy = comment.DeepClone().AsObject();
        copy.Remove("replies");
        var id = Id(comment)!;
        var replies = Replies(comment).ToList();
        if (replies.Count > 0)
        {
            var nested = new JsonObject { ["data"] = new JsonArray([.. replies.Take(NestedReplies).Select(r => (JsonNode)Reply(r, id))]) };
            if (replies.Count > NestedReplies)
            {
                var path = $"{request.Scheme}://{request.Host}{request.PathBase}{PathPrefix}/{id}/replies";
                nested["paging"] = new JsonObject
                {
                    ["cursors"] = new JsonObject { ["after"] = LoopbackPaging.Cursor(NestedReplies - 1) },
                    // Like the real API, a next link repeats a token given in the query; a bearer token is not repeated.
                    ["next"] = request.Query.ContainsKey("access_token")
                        ? $"{path}?access_token={Uri.EscapeDataString(request.Query["access_token"].ToString())}&after={LoopbackPaging.Cursor(NestedReplies - 1)}"
                        : $"{path}?after={LoopbackPaging.Cursor(NestedReplies - 1)}",
                };
            }
            copy["replies"] = nested;
        }
        return copy;
    }

    private static IEnumerable<JsonObject> Replies(JsonObject comment) =>
        (comment["replies"] as JsonArray)?.OfType<JsonObject>().OrderBy(Timestamp) ?? Enumerable.Empty<JsonObject>();

    private static JsonObject Reply(JsonObject reply, string parentId)
    {
        var copy = reply.DeepClone().AsObject();
        copy["parent_id"] = parentId;
        return copy;
    }

    /// <summary><c>/debug_token</c>: the linked Page's token; valid when accepted, never expiring.</summary>
    private LoopbackAnswer DebugToken(RouteRequest request) => DebugToken(request, s_scopes, _ => 0);

    private JsonObject WithCount(JsonObject node)
    {
        var copy = node.DeepClone().AsObject();
        copy.Remove("replies");
        if (Id(node) is { } id && _comments.TryGetValue(id, out var comments))
        {
            copy["comments_count"] = comments.Sum(c => 1 + Replies(c).Count());
        }
        return copy;
    }

    private JsonObject? Find(string id)
    {
        if (_users.TryGetValue(id, out var user))
        {
            return user.Profile;
        }
        var media = _users.Values.SelectMany(u => u.Media.Concat(u.Stories).Concat(u.Tags)).FirstOrDefault(m => Id(m) == id);
        if (media is not null)
        {
            return media;
        }
        var comments = _comments.Values.SelectMany(c => c).ToList();
        return comments.FirstOrDefault(c => Id(c) == id) ?? comments.SelectMany(Replies).FirstOrDefault(r => Id(r) == id);
    }

    private static DateTimeOffset Timestamp(JsonObject node) =>
        DateTimeOffset.Parse(node["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();

    private static DateTimeOffset? Seconds(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private sealed record User(JsonObject Profile, List<JsonObject> Media, List<JsonObject> Stories, List<JsonObject> Tags);
}
