using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SocialMonitor.Cli.Demo;

/// <summary>
/// A loopback fake of the Facebook Graph API serving <see cref="FacebookSampleData"/> in the real wire format, under
/// <c>{pathBase}[/v{N}.0]</c>: <c>/{page}/feed</c> (with <c>since</c>/<c>until</c>, and <c>comments.summary</c> when the
/// fields ask for it), <c>/{post}/comments</c> (<c>filter=stream</c> flattens replies), <c>/{page}</c> (the profile),
/// <c>/{page}/roles</c>, <c>/{page}/subscribed_apps</c>, single reads of a post or comment (<c>/{id}</c>; code 100,
/// subcode 33 once it is gone) and <c>/debug_token</c>. Lists are paged with opaque cursors and absolute
/// <c>paging.next</c> URLs that carry every query parameter, the access token included. Tests change the data while it
/// runs as Facebook would (a new comment moves its post's <c>updated_time</c>), and inject error answers.
/// </summary>
public sealed partial class FacebookSampleServer : IAsyncDisposable
{
    private const int DefaultLimit = 25;
    private const int MaxLimit = 100;
    private const string CursorPrefix = "sample-cursor:";
    private static readonly string[] s_scopes = ["pages_show_list", "pages_read_engagement", "pages_read_user_content", "pages_manage_metadata", "public_profile"];

    private readonly WebApplication _app;
    private readonly string _pathBase;
    private readonly IReadOnlySet<string> _acceptedTokens;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Page> _pages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JsonObject>> _comments = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();

    private FacebookSampleServer(WebApplication app, FacebookSampleData data, string pathBase, IReadOnlySet<string> acceptedTokens)
    {
        _app = app;
        _pathBase = pathBase;
        _acceptedTokens = acceptedTokens;
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

    /// <summary>The server's address and path base, e.g. <c>http://127.0.0.1:41234/facebook</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Every request received, as path and query string, in arrival order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Returns an error to answer a request with instead of data; null serves the data.</summary>
    public Func<HttpRequest, FacebookSampleError?>? Fault { get; set; }

    /// <summary>Returns true to cut a request's JSON body off halfway (a truncated answer).</summary>
    public Func<HttpRequest, bool>? Truncate { get; set; }

    /// <summary>Headers to add to an answer (the usage headers <c>X-App-Usage</c>, <c>X-Business-Use-Case-Usage</c>).</summary>
    public Func<HttpRequest, IReadOnlyDictionary<string, string>?>? ResponseHeaders { get; set; }

    /// <summary>The most items a page holds, whatever <c>limit</c> asks for; null honours <c>limit</c> (default 25, at most 100).</summary>
    public int? PageSize { get; set; }

    /// <summary>What <c>/debug_token</c> says a token expires at (its <c>data_access_expires_at</c>); tokens not here never expire.</summary>
    public ConcurrentDictionary<string, DateTimeOffset> TokenExpiry { get; } = new(StringComparer.Ordinal);

    /// <param name="pathBase">Prefix of every path, e.g. <c>/facebook</c>; empty for none.</param>
    public static async Task<FacebookSampleServer> StartAsync(
        FacebookSampleData data, string pathBase, IReadOnlySet<string> acceptedTokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(pathBase);
        ArgumentNullException.ThrowIfNull(acceptedTokens);
        var normalizedBase = pathBase.Trim('/') is { Length: > 0 } trimmed ? "/" + trimmed : "";

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, SampleServerLifetime>();
        var app = builder.Build();

        var server = new FacebookSampleServer(app, data, normalizedBase, acceptedTokens);
        app.Run(server.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The Facebook sample server did not report its address.");
        server.BaseUrl = address.TrimEnd('/') + normalizedBase;
        return server;
    }

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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    [GeneratedRegex(@"^v\d+\.\d+$")]
    private static partial Regex VersionSegment();

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        _requests.Enqueue($"{request.PathBase}{request.Path}{request.QueryString}");
        var path = request.Path.Value ?? "";

        if (_pathBase.Length > 0 && !path.StartsWith(_pathBase + "/", StringComparison.Ordinal))
        {
            await WriteErrorAsync(context, new FacebookSampleError(404, 2500, $"Unknown path components: {path}")).ConfigureAwait(false);
            return;
        }
        var segments = path[_pathBase.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length > 0 && VersionSegment().IsMatch(segments[0]))
        {
            segments = segments[1..];
        }

        if (Fault?.Invoke(request) is { } fault)
        {
            await WriteErrorAsync(context, fault).ConfigureAwait(false);
            return;
        }
        if (!HttpMethods.IsGet(request.Method))
        {
            await WriteErrorAsync(context, new FacebookSampleError(400, 100, $"Unsupported {request.Method} request.", Type: "GraphMethodException")).ConfigureAwait(false);
            return;
        }

        string? token = request.Query["access_token"];
        var authorization = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(token) && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = authorization["Bearer ".Length..].Trim();
        }
        if (string.IsNullOrEmpty(token))
        {
            await WriteErrorAsync(context, new FacebookSampleError(400, 104, "An access token is required to request this resource.")).ConfigureAwait(false);
            return;
        }
        if (!_acceptedTokens.Contains(token))
        {
            await WriteErrorAsync(context, new FacebookSampleError(400, 190, "Invalid OAuth access token - Cannot parse access token")).ConfigureAwait(false);
            return;
        }

        if (segments is ["debug_token"])
        {
            await WriteDebugTokenAsync(context, request.Query["input_token"].ToString()).ConfigureAwait(false);
            return;
        }
        if (segments.Length == 1)
        {
            JsonObject? found;
            lock (_lock)
            {
                found = _pages.TryGetValue(segments[0], out var page) ? page.Profile : FindObject(segments[0]);
                found = found?.DeepClone().AsObject();
            }
            await (found is null
                ? WriteErrorAsync(context, FacebookSampleError.DoesNotExist(segments[0]))
                : WriteJsonAsync(context, 200, writer => found.WriteTo(writer))).ConfigureAwait(false);
            return;
        }
        if (segments.Length != 2 || segments[1] is not ("feed" or "posts" or "comments" or "roles" or "subscribed_apps"))
        {
            await WriteErrorAsync(context, new FacebookSampleError(400, 2500, $"Unknown path components: /{string.Join('/', segments)}")).ConfigureAwait(false);
            return;
        }

        var list = Select(request, segments[0], segments[1]);
        if (list is null)
        {
            await WriteErrorAsync(context, FacebookSampleError.DoesNotExist(segments[0])).ConfigureAwait(false);
            return;
        }
        await WritePageAsync(context, list).ConfigureAwait(false);
    }

    /// <summary>The whole list an edge answers (before paging), as copies; null when the id is unknown.</summary>
    private List<JsonObject>? Select(HttpRequest request, string id, string edge)
    {
        lock (_lock)
        {
            if (edge == "comments")
            {
                if (!_comments.TryGetValue(id, out var all))
                {
                    return null;
                }
                IEnumerable<JsonObject> comments = all.OrderBy(CreatedTime);
                if (!string.Equals(request.Query["filter"], "stream", StringComparison.Ordinal))
                {
                    comments = comments.Where(c => c["parent"] is null);
                }
                if (string.Equals(request.Query["order"], "reverse_chronological", StringComparison.Ordinal))
                {
                    comments = comments.Reverse();
                }
                return [.. comments.Select(c => c.DeepClone().AsObject())];
            }
            if (!_pages.TryGetValue(id, out var page))
            {
                return null;
            }
            if (edge is "roles" or "subscribed_apps")
            {
                return [.. (edge == "roles" ? page.Roles : page.Apps).Select(e => e.DeepClone().AsObject())];
            }

            IEnumerable<JsonObject> posts = page.Posts.OrderByDescending(CreatedTime).ThenBy(p => Id(p), StringComparer.Ordinal);
            if (ReadTime(request.Query["since"]) is { } since)
            {
                posts = posts.Where(p => CreatedTime(p) >= since);
            }
            if (ReadTime(request.Query["until"]) is { } until)
            {
                posts = posts.Where(p => CreatedTime(p) <= until);
            }
            var summary = request.Query["fields"].ToString().Contains("comments.summary(true)", StringComparison.Ordinal);
            return [.. posts.Select(p =>
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
    }

    private async Task WritePageAsync(HttpContext context, List<JsonObject> items)
    {
        var request = context.Request;
        var start = 0;
        if (request.Query.ContainsKey("after"))
        {
            if (DecodeCursor(request.Query["after"]) is not { } after)
            {
                await WriteErrorAsync(context, new FacebookSampleError(400, 100, "(#100) The after cursor is not valid.")).ConfigureAwait(false);
                return;
            }
            start = after + 1;
        }
        var limit = int.TryParse(request.Query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked > 0
            ? Math.Min(asked, MaxLimit)
            : DefaultLimit;
        if (PageSize is { } pageSize)
        {
            limit = Math.Min(limit, Math.Max(1, pageSize));
        }
        var page = items.Skip(start).Take(limit).ToList();
        var hasMore = start + page.Count < items.Count;

        await WriteJsonAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("data");
            foreach (var item in page)
            {
                item.WriteTo(writer);
            }
            writer.WriteEndArray();
            if (page.Count > 0)
            {
                writer.WriteStartObject("paging");
                writer.WriteStartObject("cursors");
                writer.WriteString("before", EncodeCursor(start));
                writer.WriteString("after", EncodeCursor(start + page.Count - 1));
                writer.WriteEndObject();
                if (hasMore)
                {
                    writer.WriteString("next", NextUrl(request, EncodeCursor(start + page.Count - 1)));
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    /// <summary><c>/debug_token</c>: a valid Page token; <c>expires_at</c> 0 (never), <c>data_access_expires_at</c> from <see cref="TokenExpiry"/>.</summary>
    private Task WriteDebugTokenAsync(HttpContext context, string inputToken) =>
        WriteJsonAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("data");
            writer.WriteString("app_id", "900000000000001");
            writer.WriteString("type", "PAGE");
            writer.WriteString("application", "CLN Social Monitor");
            writer.WriteNumber("data_access_expires_at", TokenExpiry.TryGetValue(inputToken, out var expiry) ? expiry.ToUnixTimeSeconds() : 0);
            writer.WriteNumber("expires_at", 0);
            writer.WriteBoolean("is_valid", _acceptedTokens.Contains(inputToken));
            writer.WriteStartArray("scopes");
            foreach (var scope in s_scopes)
            {
                writer.WriteStringValue(scope);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    private JsonObject? FindPost(string id) => _pages.Values.SelectMany(p => p.Posts).FirstOrDefault(p => Id(p) == id);

    private JsonObject? FindObject(string id) =>
        FindPost(id)
        ?? _comments.Values.SelectMany(c => c).FirstOrDefault(c => Id(c) == id)
        ?? (_pages.TryGetValue(id, out var page) ? page.Profile : null);

    private static string? Id(JsonObject node) => node["id"]?.GetValue<string>();

    private static JsonObject Node(JsonElement element) => JsonNode.Parse(element.GetRawText())!.AsObject();

    private static DateTimeOffset CreatedTime(JsonObject node) =>
        DateTimeOffset.Parse(node["created_time"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();

    /// <summary>The absolute URL of the next page: every query parameter of this request (the token too), with the new cursor.</summary>
    private static string NextUrl(HttpRequest request, string after)
    {
        var url = new StringBuilder().Append(request.Scheme).Append("://").Append(request.Host.Value)
            .Append(request.PathBase.Value).Append(request.Path.Value).Append('?');
        foreach (var (key, values) in request.Query)
        {
            if (key is "after" or "before")
            {
                continue;
            }
            foreach (var value in values)
            {
                url.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value ?? "")).Append('&');
            }
        }
        return url.Append("after=").Append(Uri.EscapeDataString(after)).ToString();
    }

    private static string EncodeCursor(int index) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(CursorPrefix + index.ToString(CultureInfo.InvariantCulture)));

    private static int? DecodeCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || !Base64Url.IsValid(cursor))
        {
            return null;
        }
        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        return text.StartsWith(CursorPrefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                ? index
                : null;
    }

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

    private Task WriteErrorAsync(HttpContext context, FacebookSampleError error) =>
        WriteJsonAsync(context, error.Status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("message", error.Message);
            writer.WriteString("type", error.Type);
            if (error.IsTransient is { } transient)
            {
                writer.WriteBoolean("is_transient", transient);
            }
            writer.WriteNumber("code", error.Code);
            if (error.Subcode is { } subcode)
            {
                writer.WriteNumber("error_subcode", subcode);
            }
            writer.WriteString("fbtrace_id", "A" + Guid.NewGuid().ToString("N")[..22]);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }, error.Headers);

    private async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        var body = buffer.ToArray();
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=UTF-8";
        response.Headers["x-fb-trace-id"] = "A" + Guid.NewGuid().ToString("N")[..10];
        foreach (var (name, value) in (headers ?? new Dictionary<string, string>()).Concat(ResponseHeaders?.Invoke(context.Request) ?? new Dictionary<string, string>()))
        {
            response.Headers[name] = value;
        }
        if (Truncate?.Invoke(context.Request) == true)
        {
            await response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), context.RequestAborted).ConfigureAwait(false);
            return;
        }
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private sealed record Page(string Id, JsonObject Profile, List<JsonObject> Posts, List<JsonObject> Roles, List<JsonObject> Apps);
}
