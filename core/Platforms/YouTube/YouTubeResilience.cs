using System.Net;
using Polly;
using SocialMonitor.Core.Http;

namespace SocialMonitor.Core.Platforms.YouTube;

/// <summary>
/// The one Polly pipeline of the YouTube HttpClient (the shared <see cref="PlatformRetry"/> pipeline with this rule): 5xx, 429 and 403 <c>rateLimitExceeded</c>/<c>userRateLimitExceeded</c>
/// are retried with exponential back-off (or the <c>Retry-After</c> Google sent, read by <see cref="RetryAfter"/>), within <c>Scan__MaxWaitSeconds</c> of
/// waiting per request, around a 30-second timeout per attempt. <c>quotaExceeded</c> is never retried: it lasts until
/// midnight Pacific. Every attempt costs a quota unit, so retries are few.
/// </summary>
public static class YouTubeResilience
{
    public const string PipelineName = "youtube-data";
    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(2);
    public const int MaxRetries = 3;

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, IServiceProvider services) =>
        PlatformRetry.Configure(builder, services, typeof(YouTubeResilience), "YouTube", YouTubeClient.Secrets, MaxRetries, WaitAsync);

    private static async ValueTask<TimeSpan?> WaitAsync(HttpResponseMessage? response, Exception? exception, int attempt, TimeProvider time, CancellationToken cancellationToken)
    {
        bool transient;
        if (exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            transient = true;
        }
        else if (response is null)
        {
            transient = false;
        }
        else if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            transient = true;
        }
        else if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            // Buffered by reading it here, so the client reads the same answer afterwards.
            var error = YouTubeError.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            transient = error is { IsRateLimited: true };
        }
        else
        {
            transient = false;
        }
        return transient ? RetryAfter.Read(response, time) ?? BaseDelay * Math.Pow(2, attempt) : null;
    }
}
