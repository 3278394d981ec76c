using System.Net;
using Polly;
using Polly.Timeout;

namespace SocialMonitor.Core.Platforms.X;

/// <summary>
/// The one Polly pipeline of the X HttpClient (<see cref="PlatformRetry"/>): transient faults (a lost connection, a
/// timeout, 5xx, 408) are retried with back-off, and a 429 is retried at its <c>x-rate-limit-reset</c> (X sends no
/// <c>Retry-After</c>), while the waits of one request stay within <c>Scan__MaxWaitSeconds</c>. 401, 402 and 403 are
/// never retried: they are a token or plan problem.
/// </summary>
public static class XResilience
{
    public const string PipelineName = "x-api";
    public const int MaxRetries = 3;

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, IServiceProvider services) =>
        PlatformRetry.Configure(builder, services, typeof(XResilience), "X", XClient.Secrets, MaxRetries,
            (response, exception, attempt, time, _) => ValueTask.FromResult(Wait(response, exception, attempt, time.GetUtcNow())));

    /// <param name="attempt">0 for the first retry.</param>
    /// <returns>The wait before the next attempt, or null when the answer is final.</returns>
    internal static TimeSpan? Wait(HttpResponseMessage? response, Exception? exception, int attempt, DateTimeOffset now)
    {
        if (exception is HttpRequestException or TimeoutRejectedException)
        {
            return PlatformRetry.Backoff(attempt);
        }
        if (response is null)
        {
            return null;
        }
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return XRateLimits.Reset(response.Headers) is { } reset
                ? (reset > now ? reset - now : TimeSpan.Zero) + TimeSpan.FromSeconds(1)
                : PlatformRetry.Backoff(attempt);
        }
        return (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout ? PlatformRetry.Backoff(attempt) : null;
    }
}
