using System.Net;
using Polly;
using Polly.Timeout;

namespace SocialMonitor.Core.Platforms.LinkedIn;

/// <summary>
/// The Polly pipeline of the LinkedIn HttpClient (<see cref="PlatformRetry"/>): a retry of transient faults (a lost
/// connection, a timeout, 5xx, 408) and of 429. LinkedIn's 429 carries no rate headers and no <c>Retry-After</c> (its
/// limits are daily, per app and per member, reset at midnight UTC), so the wait is exponential back-off with jitter
/// (2 s, 4 s, 8 s… plus up to a quarter), never beyond <c>Scan__MaxWaitSeconds</c> in all per request.
/// </summary>
public static class LinkedInResilience
{
    public const string PipelineName = "linkedin-rest";
    public const int MaxRetries = 5;

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, IServiceProvider services) =>
        PlatformRetry.Configure(builder, services, typeof(LinkedInResilience), "LinkedIn", LinkedInClient.Secrets, MaxRetries,
            (response, exception, attempt, _, _) => ValueTask.FromResult(IsTransient(response, exception) ? PlatformRetry.Backoff(attempt) : (TimeSpan?)null));

    /// <summary>What is worth trying again: no answer, a timeout, 5xx, 408 and 429; never 401, 403 or 404.</summary>
    internal static bool IsTransient(HttpResponseMessage? response, Exception? exception) =>
        exception is HttpRequestException or TimeoutRejectedException
        || response is { StatusCode: >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests };
}
