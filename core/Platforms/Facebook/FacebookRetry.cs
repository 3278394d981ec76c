using System.Net;
using Polly.Timeout;
using SocialMonitor.Core.Http;

namespace SocialMonitor.Core.Platforms.Facebook;

/// <summary>
/// Which Graph API answers are worth trying again, and after how long. Transient faults (a lost connection, a timeout,
/// 5xx, 408, 429, an error marked <c>is_transient</c>) and throttling (codes 4, 17, 32, 613, 80001–80014 on HTTP
/// 400/403) are retried; everything else (a bad token, a missing permission, a missing object) is not. The wait is what
/// Facebook asked for (<c>estimated_time_to_regain_access</c>, <c>Retry-After</c>), else exponential back-off with jitter (<see cref="PlatformRetry.Backoff"/>).
/// </summary>
internal static class FacebookRetry
{
    /// <param name="attempt">0 for the first retry.</param>
    /// <returns>The wait before the next attempt, or null when the answer is final.</returns>
    public static TimeSpan? Wait(HttpResponseMessage? response, FacebookError? error, Exception? exception, int attempt, string? pageId, TimeProvider time)
    {
        if (exception is HttpRequestException or TimeoutRejectedException)
        {
            return PlatformRetry.Backoff(attempt);
        }
        if (response is null)
        {
            return null;
        }
        var status = (int)response.StatusCode;
        if (status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
        {
            return Asked(response, pageId, time) ?? PlatformRetry.Backoff(attempt);
        }
        if (error is { IsThrottle: true })
        {
            return Asked(response, pageId, time) ?? PlatformRetry.Backoff(attempt);
        }
        return error is { IsTransient: true } && !error.IsBadToken && !error.IsPermission ? PlatformRetry.Backoff(attempt) : null;
    }

    /// <summary>
    /// What the answer itself asks for: the usage headers' <c>estimated_time_to_regain_access</c>, else <c>Retry-After</c>
    /// (<see cref="RetryAfter"/>); an answer asking for no wait (a date already past) asks for nothing, so the back-off applies.
    /// </summary>
    public static TimeSpan? Asked(HttpResponseMessage response, string? pageId, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (FacebookUsage.Read(response.Headers, pageId).LongestWait is { } wait)
        {
            return wait;
        }
        return RetryAfter.Read(response, time) is { } asked && asked > TimeSpan.Zero ? asked : null;
    }
}
