using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SocialMonitor.Core.Platforms;

/// <summary>
/// The one HTTP path of every platform client. A request goes through the client's named <see cref="HttpClient"/> (its
/// pipeline retries, and <see cref="PlatformCallCounter"/> counts every attempt under the request's stream, with its
/// quota units); every answer, success or not, goes to the session's recorder (the archive) with the secrets the client
/// declared scrubbed, before anything parses it; an error answer is classified by the client
/// (<see cref="PlatformApi.Classify"/>) and thrown as a <see cref="PlatformException"/>; a list is followed page by
/// page to its last page, and a next-page URL is followed only on the host of the first request (it carries the
/// token). No URL, log line, exception or archived answer holds a declared secret or the session's token.
/// </summary>
public sealed partial class PlatformHttp(IHttpClientFactory httpClientFactory, TimeProvider time, ILogger<PlatformHttp> logger)
{
    /// <summary>One request: sends it, archives the answer, then parses it as JSON or throws a <see cref="PlatformException"/>.</summary>
    public async Task<JsonDocument> GetAsync(PlatformApi api, PlatformSession session, PlatformRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        var secrets = SecretValues(api, session, request);
        var shown = api.Secrets.Redact(request.Url, secrets);
        var account = session.Account;
        if (api.BeforeSend is { } beforeSend)
        {
            await beforeSend(session, request, shown, cancellationToken).ConfigureAwait(false);
        }

        int status;
        string body;
        using var message = new HttpRequestMessage(HttpMethod.Get, request.Url);
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        message.Options.Set(PlatformCallCounter.SessionKey, (session, request.Stream, request.Units));
        api.Prepare?.Invoke(session, message);
        var client = httpClientFactory.CreateClient(api.HttpClientName);
        try
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            LogRequest(api.Platform, account.Id, shown, status);
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            api.Observe?.Invoke(session, response);
            // Archived before anything reads it: an answer that cannot be parsed is on the record too.
            await session.RecordAsync(new PlatformResponse(request.Stream, request.Target, shown, status, api.Secrets.Redact(body, secrets), time.GetUtcNow()),
                cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var error = api.Classify(new ErrorAnswer(session, request, response, body));
                throw new PlatformException(api.Secrets.Redact($"{Who(api, session)}: GET {shown} answered {status}: {error.Detail}", secrets))
                {
                    StatusCode = status,
                    PlatformCode = error.Code,
                    Kind = error.Kind,
                    RetryAfter = error.RetryAfter,
                };
            }
        }
        catch (HttpRequestException ex)
        {
            LogRequestFailed(api.Platform, account.Id, shown);
            throw new PlatformException(api.Secrets.Redact($"{Who(api, session)}: GET {shown} failed: {ex.Message}", secrets), ex) { StatusCode = (int?)ex.StatusCode };
        }
        catch (IOException ex)
        {
            LogRequestFailed(api.Platform, account.Id, shown);
            throw new PlatformException(api.Secrets.Redact($"{Who(api, session)}: GET {shown} failed while reading the body: {ex.Message}", secrets), ex);
        }
        catch (Exception ex) when (ex is TaskCanceledException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            LogRequestFailed(api.Platform, account.Id, shown);
            throw new PlatformException($"{Who(api, session)}: GET {shown} timed out", ex);
        }

        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new PlatformException(api.Secrets.Redact(string.Create(CultureInfo.InvariantCulture,
                $"{Who(api, session)}: GET {shown} answered {status} with a body that is not valid JSON (truncated?): {ex.Message}"), secrets), ex)
            {
                StatusCode = status,
            };
        }
    }

    /// <summary>
    /// Reads every page of a list: <paramref name="readPage"/> gives a page's entries and its next URL (or null when the
    /// body is not a page of this list, which fails the read). The next URL is followed as given, but only on the scheme,
    /// host and port of the first request, and never twice.
    /// </summary>
    public async Task<List<JsonElement>> ReadListAsync(PlatformApi api, PlatformSession session, PlatformRequest first,
        Func<JsonElement, PlatformPage?> readPage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(readPage);
        var entries = new List<JsonElement>();
        var followed = new HashSet<string>(StringComparer.Ordinal);
        var root = new Uri(first.Url);
        for (var request = first with { List = true }; ;)
        {
            if (!followed.Add(request.Url))
            {
                throw Fail(api, session, request, $"GET {request.Url} repeats a next page already followed");
            }
            PlatformPage page;
            using (var answer = await GetAsync(api, session, request, cancellationToken).ConfigureAwait(false))
            {
                page = readPage(answer.RootElement)
                    ?? throw Fail(api, session, request, $"GET {request.Url} answered without the list of entries it reads");
                entries.AddRange(page.Entries.Select(e => e.Clone()));
            }
            if (page.Next is not { } next)
            {
                return entries;
            }
            if (!Uri.TryCreate(next, UriKind.Absolute, out var nextUri)
                || Uri.Compare(nextUri, root, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
            {
                // The next URL carries the token: it is never sent anywhere but the host we were given.
                throw Fail(api, session, first, $"GET {first.Url} answered with a next page on another host: {next}");
            }
            request = request with { Url = next };
        }
    }

    /// <summary>A failure of a read that got an answer the client cannot use; the message is scrubbed of every secret.</summary>
    public static PlatformException Fail(PlatformApi api, PlatformSession session, PlatformRequest request, string what)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        return new PlatformException(api.Secrets.Redact($"{Who(api, session)}: {what}", SecretValues(api, session, request)));
    }

    private static string Who(PlatformApi api, PlatformSession session) => $"{api.Platform} account {session.Account.Id}";

    /// <summary>The session's token and the values of the request's secret headers (whole, and the credential after a scheme such as <c>Bearer</c>).</summary>
    private static List<string?> SecretValues(PlatformApi api, PlatformSession session, PlatformRequest request)
    {
        var values = new List<string?> { session.Token };
        foreach (var (name, value) in request.Headers)
        {
            if (api.Secrets.Headers.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                values.Add(value);
                if (AuthenticationHeaderValue.TryParse(value, out var parsed) && parsed.Parameter is { Length: > 0 } credential)
                {
                    values.Add(credential);
                }
            }
        }
        return values;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Platform} {Account} GET {Url} -> {Status}")]
    private partial void LogRequest(string platform, string account, string url, int status);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Platform} {Account} GET {Url} failed without a complete answer")]
    private partial void LogRequestFailed(string platform, string account, string url);
}
