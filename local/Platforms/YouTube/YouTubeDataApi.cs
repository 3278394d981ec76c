using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace SocialMonitor.Local.Platforms.YouTube;

/// <summary>
/// The YouTube Data API v3 on the loopback host, serving <see cref="YouTubeSampleData"/> in the real wire format under
/// <c>{prefix}[/v3]</c>: <c>channels?id=</c>, <c>playlistItems?playlistId=UU…</c> (the uploads playlist, newest first),
/// <c>videos?id=a,b,…</c> (with <c>statistics.commentCount</c>), <c>commentThreads?videoId=</c> (each thread carrying at
/// most <see cref="RepliesCarried"/> replies; 403 <c>commentsDisabled</c>, 404 <c>videoNotFound</c>) and
/// <c>comments?parentId=</c> or <c>comments?id=</c>. Every route needs an accepted key (<c>key=</c>) or bearer token:
/// 401 <c>required</c> without one, 400 <c>keyInvalid</c> for another. Lists page with <c>maxResults</c> and opaque
/// <c>nextPageToken</c>s. Tests change the data while it runs and inject error answers (<see cref="Fault"/>).
/// </summary>
public sealed partial class YouTubeDataApi : LoopbackPlatform
{
    private readonly IReadOnlySet<string> _acceptedTokens;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, JsonObject> _channels = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _videos = [];
    private readonly List<JsonObject> _comments = [];
    private readonly HashSet<string> _disabled = new(StringComparer.Ordinal);

    public YouTubeDataApi(YouTubeSampleData data, IReadOnlySet<string> acceptedTokens) : base("youtube")
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(acceptedTokens);
        _acceptedTokens = acceptedTokens;
        foreach (var channel in data.Channels)
        {
            _channels[channel.Id] = channel.Channel.DeepClone().AsObject();
            _videos.AddRange(channel.Videos.Select(v => v.DeepClone().AsObject()));
            _comments.AddRange(channel.Comments.Select(c => c.DeepClone().AsObject()));
            _disabled.UnionWith(channel.CommentsDisabled);
        }
    }

    /// <summary>Returns an error to answer a request with instead of data; null serves the data.</summary>
    public Func<HttpRequest, YouTubeSampleError?>? Fault { get; set; }

    /// <summary>The most items a page holds, whatever <c>maxResults</c> asks for; null honours <c>maxResults</c>.</summary>
    public int? PageSize { get; set; }

    /// <summary>How many replies a thread carries in its <c>replies</c> part (YouTube: a subset).</summary>
    public int RepliesCarried { get; set; } = 5;

    /// <summary>Adds a comment or reply resource (a reply has <c>snippet.parentId</c>; both have <c>snippet.videoId</c>).</summary>
    public void AddComment(string json)
    {
        lock (_lock)
        {
            _comments.Add(JsonNode.Parse(json)!.AsObject());
        }
    }

    /// <summary>Changes a video or comment in place (an edit: set <c>textDisplay</c> and <c>updatedAt</c>).</summary>
    public void Update(string id, Action<JsonObject> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            change(_videos.Concat(_comments).FirstOrDefault(o => Id(o) == id) ?? throw new KeyNotFoundException($"No video or comment {id}."));
        }
    }

    /// <summary>Deletes a video (with its comments) or a comment (with its replies): no tombstone, reading its id answers no item.</summary>
    public void Delete(string id)
    {
        lock (_lock)
        {
            _videos.RemoveAll(v => Id(v) == id);
            _comments.RemoveAll(c => Id(c) == id || Snippet(c, "videoId") == id && _videos.All(v => Id(v) != id) || Snippet(c, "parentId") == id);
        }
    }

    protected override Regex OptionalVersion => VersionSegment();

    protected override void MapRoutes(PlatformRouteTable routes) => routes
        .Get("channels", Channels)
        .Get("playlistItems", PlaylistItems)
        .Get("videos", Videos)
        .Get("commentThreads", CommentThreads)
        .Get("comments", Comments);

    protected override string? TokenOf(HttpRequest request)
    {
        string? key = request.Query["key"];
        var authorization = request.Headers.Authorization.ToString();
        return string.IsNullOrEmpty(key) && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim()
            : key;
    }

    protected override bool Accepts(string token) => _acceptedTokens.Contains(token);

    protected override LoopbackAnswer Refuse(LoopbackFailure failure, HttpRequest request) => Error(failure switch
    {
        LoopbackFailure.NoToken => YouTubeSampleError.LoginRequired(),
        LoopbackFailure.WrongToken => YouTubeSampleError.KeyInvalid(),
        _ => new YouTubeSampleError(404, "notFound", "global", $"Not Found: {request.Path}"),
    });

    protected override LoopbackAnswer? Intercept(HttpRequest request) => Fault?.Invoke(request) is { } fault ? Error(fault) : null;

    [GeneratedRegex(@"^v\d+$")]
    private static partial Regex VersionSegment();

    private LoopbackAnswer Channels(RouteRequest request)
    {
        var ids = Ids(request.Query("id"));
        lock (_lock)
        {
            return List(request.Http, "youtube#channelListResponse", [.. ids.Where(_channels.ContainsKey).Select(id => _channels[id].DeepClone().AsObject())], paged: false);
        }
    }

    /// <summary>The uploads playlist <c>UU…</c> of channel <c>UC…</c>: its videos newest first; 404 <c>playlistNotFound</c> for another playlist.</summary>
    private LoopbackAnswer PlaylistItems(RouteRequest request)
    {
        var playlist = request.Query("playlistId") ?? "";
        var channel = playlist.StartsWith("UU", StringComparison.Ordinal) ? "UC" + playlist[2..] : "";
        lock (_lock)
        {
            if (!_channels.ContainsKey(channel))
            {
                return Error(new YouTubeSampleError(404, "playlistNotFound", "youtube.playlistItem",
                    "The playlist identified with the request's <code>playlistId</code> parameter cannot be found."));
            }
            var items = _videos.Where(v => Snippet(v, "channelId") == channel).OrderByDescending(v => Snippet(v, "publishedAt"), StringComparer.Ordinal)
                .Select((v, i) => new JsonObject
                {
                    ["kind"] = "youtube#playlistItem",
                    ["etag"] = "sample-etag",
                    ["id"] = "UExJ" + Id(v),
                    ["snippet"] = new JsonObject
                    {
                        ["publishedAt"] = Snippet(v, "publishedAt"),
                        ["channelId"] = channel,
                        ["title"] = Snippet(v, "title"),
                        ["playlistId"] = playlist,
                        ["position"] = i,
                        ["resourceId"] = new JsonObject { ["kind"] = "youtube#video", ["videoId"] = Id(v) },
                    },
                    ["contentDetails"] = new JsonObject { ["videoId"] = Id(v), ["videoPublishedAt"] = Snippet(v, "publishedAt") },
                }).ToList();
            return List(request.Http, "youtube#playlistItemListResponse", items);
        }
    }

    /// <summary><c>videos?id=a,b</c>: at most 50 ids; each video with its comment count (top-level comments and replies, held ones left out).</summary>
    private LoopbackAnswer Videos(RouteRequest request)
    {
        var ids = Ids(request.Query("id"));
        if (ids.Count > 50)
        {
            return Error(new YouTubeSampleError(400, "tooManyIds", "youtube.video", "The request specifies more than 50 video ids."));
        }
        lock (_lock)
        {
            var items = ids.Select(id => _videos.FirstOrDefault(v => Id(v) == id)).OfType<JsonObject>().Select(v =>
            {
                var copy = v.DeepClone().AsObject();
                var statistics = copy["statistics"]?.AsObject() ?? new JsonObject();
                statistics["commentCount"] = _comments.Count(c => Snippet(c, "videoId") == Id(v) && Published(c)).ToString(CultureInfo.InvariantCulture);
                copy["statistics"] = statistics;
                return copy;
            }).ToList();
            return List(request.Http, "youtube#videoListResponse", items, paged: false);
        }
    }

    /// <summary><c>commentThreads?videoId=</c>: newest first, each with its top-level comment, <c>totalReplyCount</c> and some replies.</summary>
    private LoopbackAnswer CommentThreads(RouteRequest request)
    {
        var video = request.Query("videoId") ?? "";
        lock (_lock)
        {
            if (_videos.All(v => Id(v) != video))
            {
                return Error(YouTubeSampleError.VideoNotFound());
            }
            if (_disabled.Contains(video))
            {
                return Error(YouTubeSampleError.CommentsDisabled());
            }
            var status = request.Query("moderationStatus");
            var held = status is "heldForReview" or "likelySpam";
            if (held && string.IsNullOrEmpty(request.Http.Headers.Authorization.ToString()))
            {
                // Held threads are the owner's to see: YouTube refuses a key (403 forbidden) and wants the owner's OAuth token.
                return Error(YouTubeSampleError.Forbidden());
            }
            var threads = _comments.Where(c => Snippet(c, "videoId") == video && Snippet(c, "parentId") is null
                    && (held ? Snippet(c, "moderationStatus") == status : Published(c)))
                .OrderByDescending(c => Snippet(c, "publishedAt"), StringComparer.Ordinal)
                .Select(top =>
                {
                    var replies = _comments.Where(r => Snippet(r, "parentId") == Id(top) && Published(r))
                        .OrderBy(r => Snippet(r, "publishedAt"), StringComparer.Ordinal).ToList();
                    var thread = new JsonObject
                    {
                        ["kind"] = "youtube#commentThread",
                        ["etag"] = "sample-etag",
                        ["id"] = Id(top),
                        ["snippet"] = new JsonObject
                        {
                            ["channelId"] = top["snippet"]?["channelId"]?.DeepClone(),
                            ["videoId"] = video,
                            ["topLevelComment"] = top.DeepClone(),
                            ["canReply"] = true,
                            ["totalReplyCount"] = replies.Count,
                            ["isPublic"] = true,
                        },
                    };
                    if (replies.Count > 0)
                    {
                        thread["replies"] = new JsonObject { ["comments"] = new JsonArray([.. replies.Take(RepliesCarried).Select(r => r.DeepClone())]) };
                    }
                    return thread;
                }).ToList();
            return List(request.Http, "youtube#commentThreadListResponse", threads);
        }
    }

    /// <summary><c>comments?parentId=</c> (every reply, oldest first) or <c>comments?id=</c> (the comments asked for that exist).</summary>
    private LoopbackAnswer Comments(RouteRequest request)
    {
        lock (_lock)
        {
            if (request.Query("parentId") is { } parent)
            {
                var replies = _comments.Where(r => Snippet(r, "parentId") == parent && Published(r))
                    .OrderBy(r => Snippet(r, "publishedAt"), StringComparer.Ordinal).Select(r => r.DeepClone().AsObject()).ToList();
                return List(request.Http, "youtube#commentListResponse", replies);
            }
            var ids = Ids(request.Query("id"));
            return List(request.Http, "youtube#commentListResponse",
                [.. _comments.Where(c => ids.Contains(Id(c)!)).Select(c => c.DeepClone().AsObject())], paged: false);
        }
    }

    /// <summary>The list envelope; paged lists honour <c>maxResults</c> (default 5 as YouTube's, at most 50/100) and <c>pageToken</c>.</summary>
    private LoopbackAnswer List(HttpRequest request, string kind, List<JsonObject> items, bool paged = true)
    {
        var start = 0;
        string? next = null;
        var page = items;
        if (paged)
        {
            if (request.Query.ContainsKey("pageToken"))
            {
                if (LoopbackPaging.Position(request.Query["pageToken"]) is not { } position)
                {
                    return Error(new YouTubeSampleError(400, "invalidPageToken", "youtube.parameter", "The request specifies an invalid page token."));
                }
                start = position;
            }
            var max = int.TryParse(request.Query["maxResults"], NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked > 0 ? Math.Min(asked, 100) : 5;
            if (PageSize is { } size)
            {
                max = Math.Min(max, Math.Max(1, size));
            }
            page = [.. items.Skip(start).Take(max)];
            next = start + page.Count < items.Count ? LoopbackPaging.Cursor(start + page.Count) : null;
        }
        var body = new JsonObject
        {
            ["kind"] = kind,
            ["etag"] = "sample-etag",
        };
        if (next is not null)
        {
            body["nextPageToken"] = next;
        }
        body["pageInfo"] = new JsonObject { ["totalResults"] = items.Count, ["resultsPerPage"] = page.Count };
        body["items"] = new JsonArray([.. page]);
        return LoopbackAnswer.Json(200, body);
    }

    private static LoopbackAnswer Error(YouTubeSampleError error)
    {
        var body = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = error.Status,
                ["message"] = error.Message,
                ["errors"] = new JsonArray(new JsonObject { ["message"] = error.Message, ["domain"] = error.Domain, ["reason"] = error.Reason }),
            },
        };
        if (error.GoogleStatus is { } status)
        {
            body["error"]!["status"] = status;
        }
        return LoopbackAnswer.Json(error.Status, body);
    }

    private static List<string> Ids(string? ids) => [.. (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string? Id(JsonObject o) => o["id"]?.GetValue<string>();

    private static string? Snippet(JsonObject o, string name) => o["snippet"]?[name]?.GetValue<string>();

    private static bool Published(JsonObject comment) => Snippet(comment, "moderationStatus") is null or "published";
}
