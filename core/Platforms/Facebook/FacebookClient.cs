using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Platforms.Facebook;

/// <summary>
/// Reads a Facebook Page through the Graph API: the feed (the Page's posts and visitor posts) and, for each post, its
/// comments and replies (<c>filter=stream</c>), following <c>paging.next</c> to the last page. No retries: the queue retries.
/// </summary>
public sealed partial class FacebookClient(
    IHttpClientFactory httpClientFactory,
    IOptions<PlatformsOptions> options,
    ILogger<FacebookClient> logger) : IPlatformClient
{
    public const string HttpClientName = "facebook";

    public const string FeedFields =
        "id,created_time,updated_time,message,permalink_url,from,is_hidden,attachments{type,media_type,url,unshimmed_url,description,media,subattachments}";

    public const string CommentFields = "id,message,created_time,from,permalink_url,parent{id},is_hidden,attachment";

    public const int PageLimit = 100;

    public string Platform => PlatformNames.Facebook;

    public async Task<PlatformReadResult> ReadAsync(Account account, string token, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrEmpty(token);

        var settings = options.Value.Facebook;
        var root = $"{settings.BaseUrl.TrimEnd('/')}/{settings.ApiVersion.Trim('/')}";
        var escapedToken = Uri.EscapeDataString(token);
        var client = httpClientFactory.CreateClient(HttpClientName);

        var feedUrl = string.Create(CultureInfo.InvariantCulture,
            $"{root}/{Uri.EscapeDataString(account.PlatformId)}/feed?fields={Uri.EscapeDataString(FeedFields)}&since={since.ToUnixTimeSeconds()}&limit={PageLimit}&access_token={escapedToken}");
        var posts = new List<JsonElement>();
        var calls = await ReadEdgeAsync(client, account, token, feedUrl, posts, cancellationToken).ConfigureAwait(false);

        var items = new List<Item>();
        var cursor = since;
        foreach (var post in posts)
        {
            var item = FacebookItemMapper.MapPost(post, account);
            if (item is null)
            {
                LogPostWithoutId(account.Id);
                continue;
            }
            items.Add(item);
            if (item.CreatedAt is { } created && created > cursor)
            {
                cursor = created;
            }

            var commentsUrl = string.Create(CultureInfo.InvariantCulture,
                $"{root}/{Uri.EscapeDataString(item.Id)}/comments?filter=stream&order=chronological&fields={Uri.EscapeDataString(CommentFields)}&limit={PageLimit}&access_token={escapedToken}");
            var comments = new List<JsonElement>();
            calls += await ReadEdgeAsync(client, account, token, commentsUrl, comments, cancellationToken).ConfigureAwait(false);
            foreach (var comment in comments)
            {
                var mapped = FacebookItemMapper.MapComment(comment, item.Id, account);
                if (mapped is null)
                {
                    LogCommentWithoutId(account.Id, item.Id);
                    continue;
                }
                items.Add(mapped);
            }
        }

        return new PlatformReadResult(items, cursor, calls);
    }

    /// <summary>Reads every page of one edge into <paramref name="into"/>; returns the number of requests made.</summary>
    private async Task<int> ReadEdgeAsync(
        HttpClient client, Account account, string token, string firstUrl, List<JsonElement> into, CancellationToken cancellationToken)
    {
        var calls = 0;
        var followed = new HashSet<string>(StringComparer.Ordinal);
        for (var url = firstUrl; url is not null;)
        {
            if (!followed.Add(url))
            {
                throw new PlatformException(Redact($"facebook account {account.Id}: GET {url} repeats a paging.next already followed", token));
            }
            calls++;
            using var page = await GetAsync(client, account, token, url, cancellationToken).ConfigureAwait(false);
            var body = page.RootElement;
            if (body.ValueKind != JsonValueKind.Object
                || !body.TryGetProperty("data", out var data)
                || data.ValueKind != JsonValueKind.Array)
            {
                throw new PlatformException(Redact($"facebook account {account.Id}: GET {url} answered without a data array", token));
            }
            foreach (var element in data.EnumerateArray())
            {
                into.Add(element.Clone());
            }
            url = body.TryGetProperty("paging", out var paging)
                && paging.ValueKind == JsonValueKind.Object
                && paging.TryGetProperty("next", out var next)
                && next.ValueKind == JsonValueKind.String
                    ? next.GetString()
                    : null;
        }
        return calls;
    }

    private async Task<JsonDocument> GetAsync(HttpClient client, Account account, string token, string url, CancellationToken cancellationToken)
    {
        var shown = Redact(url, token);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new PlatformException($"facebook account {account.Id}: cannot GET {shown}: not an absolute URL");
        }

        HttpStatusCode status;
        string body;
        try
        {
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            LogRequest(account.Id, shown, (int)status);
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw ErrorAnswer(account, token, shown, status, body);
            }
        }
        catch (HttpRequestException ex)
        {
            LogRequestFailed(account.Id, shown);
            throw new PlatformException(Redact($"facebook account {account.Id}: GET {shown} failed: {ex.Message}", token), ex)
            {
                StatusCode = (int?)ex.StatusCode,
            };
        }
        catch (IOException ex)
        {
            LogRequestFailed(account.Id, shown);
            throw new PlatformException(Redact($"facebook account {account.Id}: GET {shown} failed while reading the body: {ex.Message}", token), ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogRequestFailed(account.Id, shown);
            throw new PlatformException($"facebook account {account.Id}: GET {shown} timed out", ex);
        }

        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new PlatformException(
                Redact($"facebook account {account.Id}: GET {shown} answered {(int)status} with a body that is not valid JSON (truncated?): {ex.Message}", token), ex)
            {
                StatusCode = (int)status,
            };
        }
    }

    /// <summary>The exception for a non-success answer, with the Facebook error body's code and subcode when it parses.</summary>
    private static PlatformException ErrorAnswer(Account account, string token, string shownUrl, HttpStatusCode status, string body)
    {
        string? message = null;
        int? code = null;
        int? subcode = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object)
            {
                message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                code = Int(error, "code");
                subcode = Int(error, "error_subcode");
            }
        }
        catch (JsonException)
        {
            // Not a Facebook error body (a proxy's HTML page, a truncated answer): the status alone describes it.
        }

        var detail = (message, code) switch
        {
            (null, null) => "no Facebook error body",
            (null, _) => string.Create(CultureInfo.InvariantCulture, $"(#{code})"),
            (_, null) => message,
            _ when message.StartsWith("(#", StringComparison.Ordinal) => message,
            _ => string.Create(CultureInfo.InvariantCulture, $"(#{code}) {message}"),
        };
        return new PlatformException(Redact(
            string.Create(CultureInfo.InvariantCulture, $"facebook account {account.Id}: GET {shownUrl} answered {(int)status}: {detail}"), token))
        {
            StatusCode = (int)status,
            ErrorCode = code,
            ErrorSubcode = subcode,
        };
    }

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : null;

    /// <summary>Scrubs secret query parameters and, for good measure, any literal occurrence of the token.</summary>
    private static string Redact(string text, string token)
    {
        var scrubbed = UrlScrubber.Scrub(text);
        scrubbed = scrubbed.Replace(token, "***", StringComparison.Ordinal);
        var escaped = Uri.EscapeDataString(token);
        return escaped == token ? scrubbed : scrubbed.Replace(escaped, "***", StringComparison.Ordinal);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Facebook {Account} GET {Url} -> {Status}")]
    private partial void LogRequest(string account, string url, int status);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Facebook {Account} GET {Url} failed without a complete answer")]
    private partial void LogRequestFailed(string account, string url);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "Facebook {Account}: a comment on post {PostId} has neither an id nor a comment id in its permalink; skipped")]
    private partial void LogCommentWithoutId(string account, string postId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Facebook {Account}: a feed entry without an id was skipped")]
    private partial void LogPostWithoutId(string account);
}
