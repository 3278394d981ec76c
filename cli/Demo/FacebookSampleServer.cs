using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
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
/// A loopback fake of the Facebook Graph API serving <see cref="FacebookSampleData"/> in the real wire format:
/// <c>GET {pathBase}[/v{N}.0]/{pageId}/feed</c> and <c>GET {pathBase}[/v{N}.0]/{postId}/comments</c>, paged with
/// opaque cursors and absolute <c>paging.next</c> URLs that carry every query parameter, the access token included.
/// </summary>
public sealed partial class FacebookSampleServer : IAsyncDisposable
{
    private const int DefaultLimit = 25;
    private const int MaxLimit = 100;
    private const string CursorPrefix = "sample-cursor:";

    private readonly WebApplication _app;
    private readonly string _pathBase;
    private readonly IReadOnlySet<string> _acceptedTokens;
    private readonly Dictionary<string, List<JsonElement>> _feeds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JsonElement>> _comments = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();

    private FacebookSampleServer(WebApplication app, FacebookSampleData data, string pathBase, IReadOnlySet<string> acceptedTokens)
    {
        _app = app;
        _pathBase = pathBase;
        _acceptedTokens = acceptedTokens;
        foreach (var page in data.Pages)
        {
            _feeds[page.Id] = [.. page.Posts
                .OrderByDescending(FacebookSampleData.CreatedTime)
                .ThenBy(p => p.GetProperty("id").GetString(), StringComparer.Ordinal)];
            foreach (var post in page.Posts)
            {
                var postId = post.GetProperty("id").GetString()!;
                _comments[postId] = page.Comments.TryGetValue(postId, out var comments)
                    ? [.. comments.OrderBy(FacebookSampleData.CreatedTime)]
                    : [];
            }
        }
    }

    /// <summary>The server's address and path base, e.g. <c>http://127.0.0.1:41234/facebook</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Every request received, as path and query string, in arrival order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Returns a status to answer a request with a Facebook error body instead of data; null serves the data.</summary>
    public Func<HttpRequest, int?>? Fault { get; set; }

    /// <summary>Returns true to cut a request's JSON body off halfway (a truncated answer).</summary>
    public Func<HttpRequest, bool>? Truncate { get; set; }

    /// <summary>The most items a page holds, whatever <c>limit</c> asks for; null honours <c>limit</c> (default 25, at most 100).</summary>
    public int? PageSize { get; set; }

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
            await WriteErrorAsync(context, 404, $"Unknown path components: {path}", "OAuthException", 2500, null).ConfigureAwait(false);
            return;
        }
        var segments = path[_pathBase.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length > 0 && VersionSegment().IsMatch(segments[0]))
        {
            segments = segments[1..];
        }

        if (Fault?.Invoke(request) is { } faultStatus)
        {
            var (message, code) = faultStatus >= 500
                ? ("An unknown error occurred", 1)
                : ("(#4) Application request limit reached", 4);
            await WriteErrorAsync(context, faultStatus, message, "OAuthException", code, null).ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsGet(request.Method))
        {
            await WriteErrorAsync(context, 400, $"Unsupported {request.Method} request.", "GraphMethodException", 100, null).ConfigureAwait(false);
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
            await WriteErrorAsync(context, 400, "An access token is required to request this resource.", "OAuthException", 104, null).ConfigureAwait(false);
            return;
        }
        if (!_acceptedTokens.Contains(token))
        {
            await WriteErrorAsync(context, 400, "Invalid OAuth access token - Cannot parse access token", "OAuthException", 190, null).ConfigureAwait(false);
            return;
        }

        if (segments.Length != 2 || segments[1] is not ("feed" or "comments"))
        {
            await WriteErrorAsync(context, 400, $"Unknown path components: /{string.Join('/', segments)}", "OAuthException", 2500, null).ConfigureAwait(false);
            return;
        }

        var id = segments[0];
        var source = segments[1] == "feed" ? _feeds : _comments;
        if (!source.TryGetValue(id, out var all))
        {
            await WriteErrorAsync(context, 400,
                $"Unsupported get request. Object with ID '{id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
                "GraphMethodException", 100, 33).ConfigureAwait(false);
            return;
        }

        IEnumerable<JsonElement> selected = all;
        if (segments[1] == "feed")
        {
            if (ReadTime(request.Query["since"]) is { } since)
            {
                selected = selected.Where(p => FacebookSampleData.CreatedTime(p) >= since);
            }
            if (ReadTime(request.Query["until"]) is { } until)
            {
                selected = selected.Where(p => FacebookSampleData.CreatedTime(p) <= until);
            }
        }
        else
        {
            if (!string.Equals(request.Query["filter"], "stream", StringComparison.Ordinal))
            {
                selected = selected.Where(c => !c.TryGetProperty("parent", out _));
            }
            if (string.Equals(request.Query["order"], "reverse_chronological", StringComparison.Ordinal))
            {
                selected = selected.Reverse();
            }
        }

        var items = selected.ToList();
        var start = 0;
        if (request.Query.ContainsKey("after"))
        {
            if (DecodeCursor(request.Query["after"]) is not { } after)
            {
                await WriteErrorAsync(context, 400, "(#100) The after cursor is not valid.", "OAuthException", 100, null).ConfigureAwait(false);
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

    private Task WriteErrorAsync(HttpContext context, int status, string message, string type, int code, int? subcode) =>
        WriteJsonAsync(context, status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("message", message);
            writer.WriteString("type", type);
            writer.WriteNumber("code", code);
            if (subcode is { } s)
            {
                writer.WriteNumber("error_subcode", s);
            }
            writer.WriteString("fbtrace_id", "A" + Guid.NewGuid().ToString("N")[..22]);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    private async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
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
        if (Truncate?.Invoke(context.Request) == true)
        {
            await response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), context.RequestAborted).ConfigureAwait(false);
            return;
        }
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
