using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using SocialMonitor.Local.Platforms.Facebook;

namespace SocialMonitor.Local.Platforms.Meta;

/// <summary>
/// What the loopback fakes of Meta's Graph API (<see cref="FacebookGraph"/>, <see cref="Instagram.InstagramGraph"/>)
/// share: the optional <c>v{N}.0</c> segment, the token check (<c>access_token</c> or a bearer header: code 104 without
/// one, 190 for another), the error answer (<c>{"error":{…}}</c>, <see cref="FacebookSampleError"/>) and the faults tests
/// inject, the list page with opaque cursors and absolute <c>paging.next</c> URLs, and the <c>/debug_token</c> answer.
/// </summary>
public abstract partial class MetaLoopbackGraph(string name, IReadOnlySet<string> acceptedTokens) : LoopbackPlatform(name)
{
    private const int DefaultLimit = 25;
    private const int MaxLimit = 100;

    private readonly IReadOnlySet<string> _acceptedTokens = acceptedTokens ?? throw new ArgumentNullException(nameof(acceptedTokens));

    /// <summary>Returns an error to answer a request with instead of data; null serves the data.</summary>
    public Func<HttpRequest, FacebookSampleError?>? Fault { get; set; }

    /// <summary>The most items a page holds, whatever <c>limit</c> asks for; null honours <c>limit</c> (default 25, at most 100).</summary>
    public int? PageSize { get; set; }

    protected override Regex OptionalVersion => VersionSegment();

    protected override string? TokenOf(HttpRequest request) => GraphToken(request);

    /// <summary>The token of a Graph API request, as the real API takes it: <c>access_token</c> in the query, else a bearer header.</summary>
    internal static string? GraphToken(HttpRequest request)
    {
        string? token = request.Query["access_token"];
        var authorization = request.Headers.Authorization.ToString();
        return string.IsNullOrEmpty(token) && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim()
            : token;
    }

    protected override bool Accepts(string token) => _acceptedTokens.Contains(token);

    protected override LoopbackAnswer Refuse(LoopbackFailure failure, HttpRequest request) => Error(failure switch
    {
        LoopbackFailure.NoToken => new FacebookSampleError(400, 104, "An access token is required to request this resource."),
        LoopbackFailure.WrongToken => new FacebookSampleError(400, 190, "Invalid OAuth access token - Cannot parse access token"),
        LoopbackFailure.WrongMethod => new FacebookSampleError(400, 100, $"Unsupported {request.Method} request.", Type: "GraphMethodException"),
        _ => new FacebookSampleError(400, 2500, $"Unknown path components: {request.Path}"),
    });

    protected override LoopbackAnswer? Intercept(HttpRequest request) => Fault?.Invoke(request) is { } fault ? Error(fault) : null;

    /// <summary>
    /// <c>/debug_token</c>: <c>input_token</c> is valid when accepted; a Page token that never expires (<c>expires_at</c> 0)
    /// whose data access ends at <paramref name="dataAccessExpiresAt"/> (unix seconds, 0 for never).
    /// </summary>
    protected LoopbackAnswer DebugToken(RouteRequest request, IReadOnlyList<string> scopes, Func<string, long> dataAccessExpiresAt, string? application = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(dataAccessExpiresAt);
        var inputToken = request.Query("input_token") ?? "";
        return Json(200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("data");
            writer.WriteString("app_id", "900000000000001");
            writer.WriteString("type", "PAGE");
            if (application is not null)
            {
                writer.WriteString("application", application);
            }
            writer.WriteNumber("data_access_expires_at", dataAccessExpiresAt(inputToken));
            writer.WriteNumber("expires_at", 0);
            writer.WriteBoolean("is_valid", _acceptedTokens.Contains(inputToken));
            writer.WriteStartArray("scopes");
            foreach (var scope in scopes)
            {
                writer.WriteStringValue(scope);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    /// <summary>
    /// One page of a Graph API list: from the <c>after</c> cursor, <c>limit</c> items (default 25, at most 100, at most
    /// <see cref="PageSize"/>), with <c>paging.cursors</c> and, while more follow, <c>paging.next</c>.
    /// </summary>
    protected LoopbackAnswer Paged(HttpRequest request, List<JsonObject> items)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(items);
        var start = 0;
        if (request.Query.ContainsKey("after"))
        {
            if (LoopbackPaging.Position(request.Query["after"]) is not { } after)
            {
                return Error(new FacebookSampleError(400, 100, "(#100) The after cursor is not valid."));
            }
            start = after + 1;
        }
        var limit = int.TryParse(request.Query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked > 0
            ? Math.Min(asked, MaxLimit)
            : DefaultLimit;
        if (PageSize is { } size)
        {
            limit = Math.Min(limit, Math.Max(1, size));
        }
        var page = items.Skip(start).Take(limit).ToList();
        var hasMore = start + page.Count < items.Count;

        return Json(200, writer =>
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
                var last = LoopbackPaging.Cursor(start + page.Count - 1);
                writer.WriteStartObject("paging");
                writer.WriteStartObject("cursors");
                writer.WriteString("before", LoopbackPaging.Cursor(start));
                writer.WriteString("after", last);
                writer.WriteEndObject();
                if (hasMore)
                {
                    writer.WriteString("next", LoopbackPaging.NextUrl(request, "after", last, "before"));
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        });
    }

    /// <summary>
    /// Meta's error answer: <c>{"error":{"message","type","is_transient","code","error_subcode","fbtrace_id"}}</c> with the
    /// error's status and headers.
    /// </summary>
    protected static LoopbackAnswer Error(FacebookSampleError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var answer = Json(error.Status, writer =>
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
        });
        return answer with { Headers = new Dictionary<string, string>(answer.Headers.Concat(error.Headers)) };
    }

    /// <summary>A JSON answer with the trace header every Graph API answer carries.</summary>
    protected static LoopbackAnswer Json(int status, Action<Utf8JsonWriter> write) =>
        LoopbackAnswer.Json(status, write) with
        {
            Headers = new Dictionary<string, string> { ["x-fb-trace-id"] = "A" + Guid.NewGuid().ToString("N")[..10] },
        };

    protected static string? Id(JsonObject node) => node["id"]?.GetValue<string>();

    protected static JsonObject Node(JsonElement element) => JsonNode.Parse(element.GetRawText())!.AsObject();

    [GeneratedRegex(@"^v\d+\.\d+$")]
    private static partial Regex VersionSegment();
}
